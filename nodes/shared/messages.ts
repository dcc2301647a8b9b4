import { createHash } from 'crypto';

import { parseJsonBig } from './bigJson';
import type { Platform } from './catalogue';

/**
 * Pandapon's message callbacks. Two message types are documented; the rest follow their naming
 * (`<PLATFORM>_ORDER_BUYER_VIEW_ORDER_<EVENT>`) and the sister API's event list, so they are marked
 * inferred, and the trigger also passes unknown types through on request.
 */
export type TriggerEvent =
	| 'created'
	| 'paid'
	| 'priceModified'
	| 'shipped'
	| 'partlyShipped'
	| 'confirmed'
	| 'closed'
	| 'refund'
	| 'statusChanged';

export interface MessageType {
	messageType: string;
	platform: Platform;
	event: TriggerEvent;
	provenance: 'documented' | 'inferred';
	source: string;
}

const SUFFIXES: Record<TriggerEvent, string> = {
	created: 'CREATE',
	paid: 'PAY_SUCCESS',
	priceModified: 'PRICE_MODIFY',
	shipped: 'SELLER_SEND',
	partlyShipped: 'PART_SEND',
	confirmed: 'CONFIRM_RECEIVE',
	closed: 'CLOSE',
	refund: 'BUYER_REFUND',
	statusChanged: 'STATUS_MODIFY',
};

const DOCUMENTED: Record<string, string> = {
	'1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY': 'doc-en/api-263477659',
	TAOBAO_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY: 'doc-en/api-263477629',
};

export const MESSAGE_TYPES: MessageType[] = (['1688', 'taobao'] as const).flatMap((platform) =>
	(Object.entries(SUFFIXES) as Array<[TriggerEvent, string]>).map(([event, suffix]) => {
		const messageType = `${platform === '1688' ? '1688' : 'TAOBAO'}_ORDER_BUYER_VIEW_ORDER_${suffix}`;
		return {
			messageType,
			platform,
			event,
			provenance: DOCUMENTED[messageType] ? 'documented' : 'inferred',
			source: DOCUMENTED[messageType] ?? 'inferred from the documented names and doc-en-ka.xportcn.com/doc-7259275',
		} as MessageType;
	}),
);

/** Events that are status changes, for "Status Changed". */
const STATUS_EVENTS: TriggerEvent[] = ['created', 'paid', 'shipped', 'partlyShipped', 'confirmed', 'closed', 'statusChanged'];

export function messageTypeOf(platform: Platform, event: TriggerEvent): string {
	return MESSAGE_TYPES.find((m) => m.platform === platform && m.event === event)!.messageType;
}

/** Whether a message type is one the user's Trigger On selection asks for. */
export function wanted(messageType: string, selected: string[]): boolean {
	if (selected.includes('*')) return true;
	const known = MESSAGE_TYPES.find((m) => m.messageType === messageType);
	if (!known) return false;
	return selected.includes(known.event) || (selected.includes('statusChanged') && STATUS_EVENTS.includes(known.event));
}

export interface ParsedMessage {
	messageType: string;
	platform: Platform | 'unknown';
	messageBody: unknown;
	timestamp?: string;
}

export type ParseResult = { ok: true; message: ParsedMessage } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a callback body: the documented envelope with `messageBody` as an object or as a JSON
 * string (the sister API sends strings). Big ids stay exact.
 */
export function parseMessage(raw: string): ParseResult {
	let envelope: unknown;
	try {
		envelope = parseJsonBig(raw);
	} catch {
		return { ok: false, reason: 'body is not valid JSON' };
	}
	if (!isRecord(envelope)) return { ok: false, reason: 'body is not a JSON object' };
	if (typeof envelope.messageType !== 'string' || envelope.messageType === '') {
		return { ok: false, reason: 'messageType is missing' };
	}
	let body = envelope.messageBody;
	if (typeof body === 'string') {
		try {
			body = parseJsonBig(body);
		} catch {
			return { ok: false, reason: 'messageBody is a string but not valid JSON' };
		}
	}
	if (!isRecord(body) && !Array.isArray(body)) return { ok: false, reason: 'messageBody is missing' };
	const platformCode = String(envelope.messagePlatform ?? '');
	const known = MESSAGE_TYPES.find((m) => m.messageType === envelope.messageType);
	return {
		ok: true,
		message: {
			messageType: envelope.messageType,
			platform: platformCode === '1' ? '1688' : platformCode === '0' ? 'taobao' : (known?.platform ?? 'unknown'),
			messageBody: body,
			timestamp: envelope.timestamp === undefined ? undefined : String(envelope.timestamp),
		},
	};
}

const ORDER_ID_KEYS = ['orderId', 'salesOrderId', 'purchaseOrderId', 'purchase_order_id', 'idOfStr', 'orderNo'];

/** Every order id a message names, as exact strings (1688: baseInfo; Taobao: salesOrderId and sub-orders). */
export function orderIdsOf(body: unknown): string[] {
	const found = new Set<string>();
	const visit = (value: unknown, depth: number) => {
		if (depth > 3 || value === null || typeof value !== 'object') return;
		if (Array.isArray(value)) {
			for (const v of value) visit(v, depth + 1);
			return;
		}
		const record = value as Record<string, unknown>;
		for (const key of ORDER_ID_KEYS) {
			const v = record[key];
			if ((typeof v === 'string' && /^\d+$/.test(v)) || typeof v === 'number') found.add(String(v));
		}
		if (isRecord(record.baseInfo) && record.baseInfo.id !== undefined && record.baseInfo.idOfStr === undefined) {
			found.add(String(record.baseInfo.id));
		}
		for (const [key, v] of Object.entries(record)) if (key === 'baseInfo' || key === 'subOrders') visit(v, depth + 1);
	};
	visit(body, 0);
	return [...found];
}

/**
 * The identity of a message for redelivery: type, platform and body, not the push timestamp,
 * which a re-send may renew.
 */
export function messageFingerprint(message: ParsedMessage): string {
	const canonical = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(canonical);
		if (isRecord(value)) {
			return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
		}
		return value;
	};
	return createHash('sha256')
		.update(JSON.stringify([message.messageType, message.platform, canonical(message.messageBody)]))
		.digest('hex');
}
