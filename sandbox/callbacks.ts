import { request } from 'undici';

import { stringifyJsonBig } from '../nodes/shared/bigJson';
import { messageTypeOf } from '../nodes/shared/messages';
import type { TriggerEvent } from '../nodes/shared/messages';
import { signedHeaders } from '../nodes/shared/signing';
import type { SigningRule } from '../nodes/shared/signing';
import type { SandboxEvent } from './records';
import { orderDetail } from './state';
import type { SandboxState } from './state';

/**
 * Pushes Pandapon's message envelope to a callback URL on every modelled state change, the way the
 * message manual describes it: HTTPS POST, 200 expected within 1000 ms, re-sent on failure up to
 * 5 times (every 30 minutes in production; configurable here). It can also duplicate, delay and
 * reorder deliveries, so tests can prove the trigger runs each event exactly once.
 */
export interface CallbackOptions {
	url: string;
	/** Delays before the re-sends after a failure; Pandapon's are 5 × 30 minutes. */
	retryDelaysMs?: number[];
	/** Extra deliveries of every message after it was accepted (with a fresh timestamp). */
	duplicates?: number;
	duplicateDelayMs?: number;
	/** Holds messages this long before the first delivery. */
	delayMs?: number;
	/** Delivers the messages held during `delayMs` newest first. */
	reorder?: boolean;
	/** Sends messageBody as a JSON string, as the sister API does. */
	bodyAsString?: boolean;
	/** Adds the five signature headers, signed like an API request. */
	sign?: { accessKey: string; accessSecret: string; userId: string; rule: SigningRule };
	timeoutMs?: number;
}

export interface Delivery {
	messageId: number;
	messageType: string;
	orderId: string;
	kind: 'first' | 'retry' | 'duplicate';
	attempt: number;
	status: number;
	error?: string;
	at: number;
}

const EVENTS: Record<SandboxEvent['type'], TriggerEvent> = {
	create: 'created',
	pay: 'paid',
	ship: 'shipped',
	partialShip: 'partlyShipped',
	priceChange: 'priceModified',
	cancel: 'closed',
	refund: 'refund',
	confirm: 'confirmed',
};

interface Message {
	id: number;
	messageType: string;
	platform: SandboxEvent['platform'];
	orderId: string;
	body: unknown;
}

export class CallbackDelivery {
	readonly deliveries: Delivery[] = [];
	private options?: CallbackOptions;
	private nextId = 1;
	private held: Message[] = [];
	private heldTimer?: NodeJS.Timeout;
	private readonly timers = new Set<NodeJS.Timeout>();
	private inFlight = 0;
	private readonly idleWaiters: Array<() => void> = [];

	constructor(private readonly state: SandboxState) {
		state.onEvent((event) => this.enqueue(event));
	}

	configure(options: CallbackOptions | undefined): void {
		this.options = options;
	}

	/** The messageBody: 1688 pushes the order-detail object; Taobao a purchase-order summary. */
	private bodyOf(event: SandboxEvent): unknown {
		if (event.platform === '1688') return { ...(orderDetail(this.state.order(event.orderId)) as object), ...event.detail };
		const order = this.state.taobao.order(event.orderId);
		return {
			salesOrderId: order.id,
			status: order.status,
			subOrders: order.lines.map((l) => ({
				purchase_order_id: order.id,
				purchase_order_line_outer_id: l.subOrderId,
				item_id: l.itemId,
				quantity: l.quantity,
				product_amount: l.priceFen * l.quantity,
				logistic_company_name: order.parcels[0]?.companyName,
				logistic_number: order.parcels[0]?.trackingNo,
			})),
			purchaseOrderPriceDTO: { totalAmount: order.lines.reduce((t, l) => t + l.priceFen * l.quantity, 0) },
			...event.detail,
		};
	}

	private enqueue(event: SandboxEvent): void {
		if (!this.options) return;
		const message: Message = {
			id: this.nextId++,
			messageType: messageTypeOf(event.platform, EVENTS[event.type]),
			platform: event.platform,
			orderId: event.orderId,
			body: this.bodyOf(event),
		};
		if (!this.options.delayMs) {
			this.deliver(message, 'first', 1);
			return;
		}
		this.held.push(message);
		this.heldTimer ??= this.later(this.options.delayMs, () => {
			const batch = this.options?.reorder ? [...this.held].reverse() : this.held;
			this.held = [];
			this.heldTimer = undefined;
			for (const m of batch) this.deliver(m, 'first', 1);
		});
	}

	private later(ms: number, run: () => void): NodeJS.Timeout {
		this.inFlight++;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
			this.settle();
		}, ms);
		this.timers.add(timer);
		return timer;
	}

	private settle(): void {
		if (--this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
	}

	private envelope(message: Message): string {
		return stringifyJsonBig({
			messageType: message.messageType,
			messageBody: this.options?.bodyAsString ? stringifyJsonBig(message.body) : message.body,
			messagePlatform: message.platform === '1688' ? 1 : 0,
			timestamp: String(Date.now()),
		});
	}

	private deliver(message: Message, kind: Delivery['kind'], attempt: number): void {
		const options = this.options;
		if (!options) return;
		this.inFlight++;
		const body = this.envelope(message);
		const url = new URL(options.url);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (options.sign) {
			Object.assign(headers, signedHeaders(options.sign, { method: 'POST', path: url.pathname, body }));
		}
		const record = (status: number, error?: string) =>
			this.deliveries.push({ messageId: message.id, messageType: message.messageType, orderId: message.orderId, kind, attempt, status, error, at: Date.now() });
		const timeout = options.timeoutMs ?? 1000;
		request(url, { method: 'POST', body, headers, headersTimeout: timeout, bodyTimeout: timeout })
			.then(async (res) => {
				await res.body.dump();
				record(res.statusCode);
				if (res.statusCode === 200) this.afterSuccess(message, kind);
				else this.retry(message, kind, attempt);
			})
			.catch((error: Error) => {
				record(0, error.message);
				this.retry(message, kind, attempt);
			})
			.finally(() => this.settle());
	}

	private afterSuccess(message: Message, kind: Delivery['kind']): void {
		if (kind === 'duplicate') return;
		const copies = this.options?.duplicates ?? 0;
		for (let n = 1; n <= copies; n++) {
			this.later((this.options?.duplicateDelayMs ?? 20) * n, () => this.deliver(message, 'duplicate', n));
		}
	}

	private retry(message: Message, kind: Delivery['kind'], attempt: number): void {
		const delays = this.options?.retryDelaysMs ?? [1_800_000, 1_800_000, 1_800_000, 1_800_000, 1_800_000];
		const retries = kind === 'retry' ? attempt - 1 : 0;
		if (kind === 'duplicate' || retries >= Math.min(5, delays.length)) return;
		this.later(delays[retries], () => this.deliver(message, 'retry', retries + 2));
	}

	/** Resolves once nothing is held, scheduled or on the wire. */
	idle(): Promise<void> {
		return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
	}

	close(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.options = undefined;
	}
}
