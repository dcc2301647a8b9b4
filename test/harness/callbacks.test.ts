import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { parseMessage } from '../../nodes/shared/messages';
import { DEFAULT_SIGNING_RULE, verifySignedRequest } from '../../nodes/shared/signing';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { placeOrder } from './placeOrder';

interface Received {
	body: string;
	headers: Record<string, string | string[] | undefined>;
}

let sandbox: Sandbox;
let receiver: Server;
let received: Received[];
let answers: number[];

beforeEach(async () => {
	received = [];
	answers = [];
	receiver = createServer((req, res) => {
		let body = '';
		req.on('data', (c: Buffer) => (body += c.toString()));
		req.on('end', () => {
			received.push({ body, headers: req.headers });
			res.writeHead(answers.shift() ?? 200).end();
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	sandbox = await startSandbox();
});

afterEach(async () => {
	await sandbox.close();
	await new Promise((r) => receiver.close(r));
});

const url = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
const types = () => received.map((r) => (parseMessage(r.body) as { ok: true; message: { messageType: string } }).message.messageType);

describe('sandbox message callbacks', () => {
	it('pushes the documented envelope on every state change, with the 1688 order-detail body', async () => {
		sandbox.callbacks.configure({ url: url() });
		const order = placeOrder(sandbox);
		sandbox.state.changePrice(order.id, 300);
		sandbox.state.pay(order.id);
		sandbox.state.ship(order.id, [order.lines[0].subItemId]);
		sandbox.state.confirmReceipt(order.id);
		await sandbox.callbacks.idle();
		expect(types()).toEqual([
			'1688_ORDER_BUYER_VIEW_ORDER_CREATE',
			'1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY',
			'1688_ORDER_BUYER_VIEW_ORDER_PAY_SUCCESS',
			'1688_ORDER_BUYER_VIEW_ORDER_SELLER_SEND',
			'1688_ORDER_BUYER_VIEW_ORDER_CONFIRM_RECEIVE',
		]);
		const first = JSON.parse(received[1].body) as Record<string, unknown>;
		expect(first).toMatchObject({ messagePlatform: 1, timestamp: expect.stringMatching(/^\d{13}$/) });
		expect(received[1].body).toContain(`"id":${order.id}`);
		expect(received[1].body).toContain('"shippingFee":300');
	});

	it('re-sends a refused delivery up to 5 times on its schedule, then gives up', async () => {
		sandbox.callbacks.configure({ url: url(), retryDelaysMs: [5, 5, 5, 5, 5] });
		answers = [500, 503, 500, 500, 500, 500, 500];
		placeOrder(sandbox);
		await sandbox.callbacks.idle();
		expect(sandbox.callbacks.deliveries.map((d) => [d.kind, d.attempt, d.status])).toEqual([
			['first', 1, 500],
			['retry', 2, 503],
			['retry', 3, 500],
			['retry', 4, 500],
			['retry', 5, 500],
			['retry', 6, 500],
		]);
	});

	it('stops re-sending once a delivery gets 200', async () => {
		sandbox.callbacks.configure({ url: url(), retryDelaysMs: [5, 5, 5, 5, 5] });
		answers = [500, 200];
		placeOrder(sandbox);
		await sandbox.callbacks.idle();
		expect(sandbox.callbacks.deliveries.map((d) => d.status)).toEqual([500, 200]);
	});

	it('duplicates, delays and reorders deliveries, sends string bodies and signs when asked', async () => {
		const sign = { accessKey: 'AK', accessSecret: 'SECRET', userId: 'U', rule: DEFAULT_SIGNING_RULE };
		sandbox.callbacks.configure({ url: url(), duplicates: 2, duplicateDelayMs: 5, delayMs: 30, reorder: true, bodyAsString: true, sign });
		const order = placeOrder(sandbox);
		sandbox.state.pay(order.id);
		await sandbox.callbacks.idle();
		// Held for 30 ms, then delivered newest first.
		expect(types().slice(0, 2)).toEqual(['1688_ORDER_BUYER_VIEW_ORDER_PAY_SUCCESS', '1688_ORDER_BUYER_VIEW_ORDER_CREATE']);
		expect(types().slice(2).sort()).toEqual([
			'1688_ORDER_BUYER_VIEW_ORDER_CREATE',
			'1688_ORDER_BUYER_VIEW_ORDER_CREATE',
			'1688_ORDER_BUYER_VIEW_ORDER_PAY_SUCCESS',
			'1688_ORDER_BUYER_VIEW_ORDER_PAY_SUCCESS',
		]);
		expect(typeof JSON.parse(received[0].body).messageBody).toBe('string');
		for (const r of received) {
			expect(verifySignedRequest({ headers: r.headers, method: 'POST', path: '/hook', body: r.body, secret: 'SECRET', rule: DEFAULT_SIGNING_RULE, now: Date.now(), windowMs: 600_000 })).toEqual({ ok: true });
		}
	});
});
