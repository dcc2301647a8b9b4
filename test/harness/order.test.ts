import type { IDataObject } from 'n8n-workflow';

import { PandaponOrder } from '../../nodes/PandaponOrder/PandaponOrder.node';
import { parseJsonBig } from '../../nodes/shared/bigJson';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { FIRST_ORDER_ID } from '../../sandbox/state';
import { listSearch, output, outputItems, PACKAGE, runWorkflow, sandboxCredentials } from './engine';

const ORDER = `${PACKAGE}.pandaponOrder`;
const EARRING = { offerId: '624981234567', specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718' };
const KEYCHAIN = { offerId: '631247789012', specId: '9f5c3e4a1d0f6b82c3d4e5f60718293a' };
const TSHIRT = { offerId: '655310028877', specId: 'a06d4f5b2e1a7c93d4e5f60718293a4b' };
const ADDRESS = {
	address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' },
};
const SHIPPING = { shippingAddress: ADDRESS };

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	expect(sandbox.log.filter((e) => e.contractErrors ?? e.responseErrors)).toEqual([]);
	await sandbox.close();
});

const calls = (endpoint: string) => sandbox.log.filter((e) => e.endpoint === endpoint);

function order(name: string, parameters: IDataObject, extra: IDataObject = {}) {
	return { name, type: ORDER, parameters: { resource: '1688', ...parameters }, ...extra };
}

async function run(nodes: ReturnType<typeof order>[], items?: Array<{ json: IDataObject }>, more: IDataObject = {}) {
	return await runWorkflow({ credentials: sandboxCredentials(sandbox), nodes, items, ...more });
}

function placeOrder(lines = [{ ...EARRING, quantity: 2 }]) {
	return sandbox.state.createOrder('b2b-2206783546291c8f1', sandbox.state.cargoLines(lines.map((l) => ({ ...l, offerId: BigInt(l.offerId) }))).map((c) => c.line), {
		address: { fullName: 'x', mobile: '1', provinceText: 'p', cityText: 'c', address: 'a' },
		flow: 'general',
	});
}

describe('Pandapon Order 1688: preview and create', () => {
	it('previews one seller\'s lines with shipping, and refuses lines from two sellers', async () => {
		const ok = await run([order('Preview', { operation: 'preview', lines: { line: [{ ...EARRING, quantity: 3 }, { ...KEYCHAIN, quantity: 10 }] }, ...SHIPPING })]);
		expect(output(ok, 'Preview')[0]).toMatchObject({ sumPayment: 870 + 1500 + 600, sumCarriage: 600, orderCount: 1 });
		const mixed = await run([order('Preview', { operation: 'preview', lines: { line: [{ ...EARRING, quantity: 1 }, { ...TSHIRT, quantity: 1 }] }, ...SHIPPING })]);
		expect(mixed.data.resultData.error?.message).toMatch(/belong to 2 sellers.*\(code 4000\)/);
	});

	it('refuses missing lines, fractional quantities and incomplete addresses before any request', async () => {
		const cases: Array<[IDataObject, string]> = [
			[{ lines: { line: [] }, ...SHIPPING }, 'Lines: add at least one line (offer ID and quantity)'],
			[{ lines: { line: [{ ...EARRING, quantity: 1.5 }] }, ...SHIPPING }, 'Lines › Line 1 › Quantity: 1.5 is not a whole number from 1 to 1000000'],
			[{ lines: { line: [{ offerId: 2542285634920880600, quantity: 1 }] }, ...SHIPPING }, 'Lines › Line 1 › Offer ID: "2542285634920880600" is not a numeric offer ID'],
			// An expression that gives nothing passes n8n's own required check and meets ours.
			[{ lines: { line: [{ ...EARRING, quantity: 1 }] }, shippingAddress: { address: { fullName: 'x', mobile: '1', provinceText: 'p', cityText: 'c', address: '={{ "" }}' } } }, 'Shipping Address › Street Address: is required'],
			[{ lines: { line: [{ ...EARRING, quantity: 1 }] }, shippingAddress: { address: { fullName: 'x', provinceText: 'p', cityText: 'c', address: 'a' } } }, 'Shipping Address › Mobile: mobile or phone is required'],
		];
		for (const [parameters, message] of cases) {
			const result = await run([order('Create', { operation: 'create', flow: 'general', ...parameters })]);
			expect(result.data.resultData.error?.message).toBe(message);
		}
		// Left empty in the form, a required address line is n8n's own parameter issue: nothing runs.
		const incomplete = { address: { fullName: 'x', mobile: '1', provinceText: 'p', cityText: 'c' } };
		await expect(run([order('Create', { operation: 'create', flow: 'general', lines: { line: [{ ...EARRING, quantity: 1 }] }, shippingAddress: incomplete })])).rejects.toThrow(
			/Parameter "Street Address" is required/,
		);
		expect(sandbox.log).toHaveLength(0);
	});

	it('creates a single-seller order and returns its 19-digit id as text', async () => {
		const result = await run([order('Create', { operation: 'create', flow: 'general', lines: { line: [{ ...EARRING, quantity: 2 }] }, ...SHIPPING, additionalFields: { message: 'hi' } })]);
		expect(output(result, 'Create')).toEqual([
			expect.objectContaining({ outcome: 'created', orderId: FIRST_ORDER_ID.toString(), totalSuccessAmount: 580 + 600, totalSuccessAmountYuan: 11.8, postFee: 600 }),
		]);
		expect(JSON.parse(calls('order1688Create')[0].body)).toMatchObject({ flow: 'general', message: 'hi', cargoParamList: [{ offerId: 624981234567, quantity: 2 }] });
	});

	it('creates one order per Idempotency Key, even when the workflow runs twice', async () => {
		const staticData = {};
		const node = order('Create', {
			operation: 'create',
			flow: 'general',
			lines: { line: [{ ...EARRING, quantity: 1 }] },
			...SHIPPING,
			safety: { idempotencyKey: '={{ $json.shopOrder }}' },
		});
		const first = await run([node], [{ json: { shopOrder: 'SHOP-1001' } }, { json: { shopOrder: 'SHOP-1001' } }], { workflowId: 'wf-idem', staticData });
		const second = await run([node], [{ json: { shopOrder: 'SHOP-1001' } }], { workflowId: 'wf-idem', staticData });
		expect(sandbox.state.orders.size).toBe(1);
		expect(calls('order1688Create')).toHaveLength(1);
		expect(output(first, 'Create')[1]).toEqual({ duplicate: true, idempotencyKey: 'SHOP-1001', earlierIds: [FIRST_ORDER_ID.toString()] });
		expect(output(second, 'Create')[0]).toMatchObject({ duplicate: true, earlierIds: [FIRST_ORDER_ID.toString()] });
	});

	it('frees the key only after a refusal that precedes any action (HTTP 4xx); a code it does not know keeps it', async () => {
		const node = (quantity: number, idempotencyKey = 'K-1') =>
			order('Create', { operation: 'create', flow: 'general', lines: { line: [{ ...TSHIRT, quantity }] }, ...SHIPPING, safety: { idempotencyKey } });
		sandbox.faults.push({ path: '/alibaba/order/create', kind: { type: 'status', status: 403 } });
		const refused = await run([node(1)], undefined, { workflowId: 'wf-free' });
		expect(refused.data.resultData.error?.message).toBe('Pandapon refused the request: injected HTTP 403 (code 5001)');
		const ok = await run([node(1)], undefined, { workflowId: 'wf-free' });
		expect(output(ok, 'Create')[0]).toMatchObject({ orderId: FIRST_ORDER_ID.toString(), idempotencyKey: 'K-1' });

		const unknown = await run([node(5000, 'K-2')], undefined, { workflowId: 'wf-free' });
		expect(unknown.data.resultData.error?.message).toMatch(/^Outcome unknown: .*out of stock.*\(code 4090\)$/);
		const again = await run([node(1, 'K-2')], undefined, { workflowId: 'wf-free' });
		expect(output(again, 'Create')[0]).toMatchObject({ duplicate: true, idempotencyKey: 'K-2', earlierIds: [] });
		expect(calls('order1688Create')).toHaveLength(3);
	});

	it('Dry Run previews and creates nothing; Max Total stops an item above the cap before any create', async () => {
		const dry = await run([order('Create', { operation: 'create', flow: 'general', lines: { line: [{ ...EARRING, quantity: 2 }] }, ...SHIPPING, safety: { dryRun: true } })]);
		expect(output(dry, 'Create')[0]).toMatchObject({ dryRun: true, totalFen: 1180, totalYuan: 11.8 });
		const capped = await run(
			[order('Create', { operation: 'create', flow: 'general', lines: { line: [{ ...EARRING, quantity: '={{ $json.q }}' }] }, ...SHIPPING, safety: { maxTotalFen: 2000 } }, { continueOnFail: true })],
			[{ json: { q: 2 } }, { json: { q: 100 } }],
		);
		const [okItem, stopped] = outputItems(capped, 'Create');
		expect(okItem.json).toMatchObject({ orderId: FIRST_ORDER_ID.toString() });
		expect(stopped.json.error).toBe(
			'Safety › Max Total (Fen): the previewed total 29600 fen (¥296) is above the limit of 2000 fen; nothing was created or paid',
		);
		expect(stopped.pairedItem).toEqual({ item: 1 });
		expect(calls('order1688Create')).toHaveLength(1);
		expect(sandbox.state.orders.size).toBe(1);
	});

	it('reports a create that timed out as an unknown outcome, never re-sends it and keeps its key', async () => {
		sandbox.faults.push({ path: '/alibaba/order/create', when: 'after', kind: { type: 'hang' } });
		const node = order('Create', {
			operation: 'create',
			flow: 'general',
			lines: { line: [{ ...EARRING, quantity: 1 }] },
			...SHIPPING,
			safety: { idempotencyKey: 'T-1' },
			requestOptions: { timeout: 300 },
		});
		const result = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [{ ...node, continueOnFail: true, parameters: { ...node.parameters } }],
			workflowId: 'wf-timeout',
		});
		const [item] = output(result, 'Create');
		expect(item).toMatchObject({ outcome: 'unknown', error: 'Outcome unknown: No answer from Pandapon within 300 ms', clientRequestId: expect.stringMatching(/^[A-Za-z0-9]{32}$/) });
		expect(item.description).toMatch(/not re-sent.*Check the order list/);
		expect(calls('order1688Create')).toHaveLength(1);
		expect(sandbox.state.writeCounts.get('/alibaba/order/create')).toBe(1);
		const again = await run([node], undefined, { workflowId: 'wf-timeout' });
		expect(output(again, 'Create')[0]).toMatchObject({ duplicate: true, idempotencyKey: 'T-1' });
		expect(sandbox.state.orders.size).toBe(1);
	});

	it('re-sends a write only after a 429, which proves Pandapon did not act', async () => {
		sandbox.faults.push({ path: '/alibaba/order/create', kind: { type: 'status', status: 429 }, times: 2 });
		sandbox.faults.push({ path: '/alibaba/order/cancel', kind: { type: 'status', status: 503 } });
		const created = await run([order('Create', { operation: 'create', flow: 'general', lines: { line: [{ ...EARRING, quantity: 1 }] }, ...SHIPPING })]);
		expect(output(created, 'Create')[0]).toMatchObject({ orderId: FIRST_ORDER_ID.toString() });
		expect(calls('order1688Create').map((e) => e.status)).toEqual([429, 429, 200]);
		const cancel = await run([order('Cancel', { operation: 'cancel', orderId: FIRST_ORDER_ID.toString(), cancelReason: 'x' })]);
		expect(cancel.data.resultData.error?.message).toBe('Outcome unknown: injected HTTP 503 (code 5001)');
		expect(calls('order1688Cancel')).toHaveLength(1);
	});
});

describe('Pandapon Order 1688: batches across sellers', () => {
	const items = [
		{ json: { offer: EARRING.offerId, spec: EARRING.specId, q: 2 } },
		{ json: { offer: TSHIRT.offerId, spec: TSHIRT.specId, q: 1 } },
		{ json: { offer: KEYCHAIN.offerId, spec: KEYCHAIN.specId, q: 4 } },
	];
	const lines = { line: [{ offerId: '={{ $json.offer }}', specId: '={{ $json.spec }}', quantity: '={{ $json.q }}' }] };

	it('previews all items in one call, one result per seller paired with its items', async () => {
		const result = await run([order('Batch', { operation: 'previewBatch', lines, ...SHIPPING })], items);
		const out = outputItems(result, 'Batch');
		expect(calls('order1688PreviewBatch')).toHaveLength(1);
		expect(out.map((o) => [o.json.sellerOpenId, o.json.sumPayment, o.pairedItem])).toEqual([
			['b2b-2206783546291c8f1', 580 + 600 + 600, [{ item: 0 }, { item: 2 }]],
			['b2b-3318820139524d6a2', 1890 + 800, [{ item: 1 }]],
		]);
	});

	it('creates one order per seller in one call; each item comes out alone with the orders its lines went into', async () => {
		const result = await run([order('Batch', { operation: 'createBatch', lines, ...SHIPPING, flow: 'general' })], items);
		const out = outputItems(result, 'Batch');
		expect(calls('order1688CreateBatch')).toHaveLength(1);
		const first = FIRST_ORDER_ID.toString();
		const second = (FIRST_ORDER_ID + 1_000_003n).toString();
		expect(out.map((o) => [o.json.orderId, o.json.orderIds, o.pairedItem])).toEqual([
			[first, [first], { item: 0 }],
			[second, [second], { item: 1 }],
			[first, [first], { item: 2 }],
		]);
		expect((out[1].json.orders as IDataObject[])[0]).toMatchObject({ orderId: second, totalAmount: 2690 });
	});

	it('with continueOnFail, a bad item becomes an error item and the rest are ordered; a refused batch fails every item', async () => {
		const bad = [...items, { json: { offer: 'x', spec: '', q: 1 } }];
		const result = await run([order('Batch', { operation: 'createBatch', lines, ...SHIPPING, flow: 'general' }, { continueOnFail: true })], bad);
		const out = outputItems(result, 'Batch');
		expect(out).toHaveLength(4);
		expect(out[3]).toMatchObject({ json: { error: 'Lines › Line 1 › Offer ID: "x" is not a numeric offer ID' }, pairedItem: { item: 3 } });
		sandbox.state.orders.clear();
		const refused = await run(
			[order('Batch', { operation: 'createBatch', lines, ...SHIPPING, flow: 'general' }, { continueOnFail: true })],
			[items[0], { json: { offer: '999999999', spec: '', q: 1 } }],
		);
		expect(outputItems(refused, 'Batch').map((o) => [o.json.code, o.pairedItem])).toEqual([
			['4040', { item: 0 }],
			['4040', { item: 1 }],
		]);
		expect(sandbox.state.orders.size).toBe(0);
	});
});

describe('Pandapon Order 1688: after the order', () => {
	it('gets many orders with Limit, Return All and a status filter', async () => {
		for (let n = 0; n < 3; n++) placeOrder();
		sandbox.state.pay(FIRST_ORDER_ID);
		const limited = await run([order('List', { operation: 'getMany', limit: 2 })]);
		expect(output(limited, 'List')).toHaveLength(2);
		for (let n = 0; n < 60; n++) placeOrder();
		const paged = await run([order('List', { operation: 'getMany', limit: 55 })]);
		const ids = output(paged, 'List').map((o) => o.orderId);
		expect(new Set(ids).size).toBe(55);
		expect(calls('order1688Page').slice(-2).map((c) => JSON.parse(c.body))).toEqual([
			{ pageNo: 1, pageSize: 50 },
			{ pageNo: 2, pageSize: 50 },
		]);
		for (const o of [...sandbox.state.orders.values()].slice(3)) sandbox.state.orders.delete(o.id.toString());
		const all = await run([order('List', { operation: 'getMany', returnAll: true })]);
		expect(output(all, 'List').map((o) => o.orderId)).toHaveLength(3);
		const paid = await run([order('List', { operation: 'getMany', returnAll: true, filters: { status: 'waitsellersend' } })]);
		expect(output(paid, 'List')).toEqual([expect.objectContaining({ orderId: FIRST_ORDER_ID.toString(), status: 'waitsellersend' })]);
		const bad = await run([order('List', { operation: 'getMany', limit: 0 })]);
		expect(bad.data.resultData.error?.message).toBe('Limit: 0 is not a whole number of at least 1');
	});

	it('reads an unknown order as a clear API error', async () => {
		const result = await run([order('Get', { operation: 'get', orderId: '2542285634920880001' })]);
		expect(result.data.resultData.error?.message).toBe('Pandapon refused the request: order 2542285634920880001 does not exist (code 4040)');
	});

	it('cancels an unpaid order and refuses to cancel a paid one', async () => {
		const a = placeOrder();
		const b = placeOrder();
		sandbox.state.pay(b.id);
		const result = await run(
			[order('Cancel', { operation: 'cancel', orderId: '={{ $json.id }}', cancelReason: '不想要了' }, { continueOnFail: true })],
			[{ json: { id: a.id.toString() } }, { json: { id: b.id.toString() } }],
		);
		const [done, refused] = output(result, 'Cancel');
		expect(done).toMatchObject({ cancelled: true, orderId: a.id.toString() });
		expect(refused).toMatchObject({ code: '4090', outcome: 'unknown' });
		expect(sandbox.state.order(a.id).status).toBe('cancel');
		expect(calls('order1688Cancel')[0].body).toBe(`{"webSite":"1688","orderId":${a.id},"cancelReason":"不想要了"}`);
	});

	it('gets the payment link of one order per call (one orderId, as the page takes it) and names an order that cannot be paid', async () => {
		const a = placeOrder();
		const b = placeOrder();
		sandbox.state.pay(b.id);
		const result = await run([order('Link', { operation: 'getPaymentLink', orderId: '={{ $json.id }}' })], [{ json: { id: a.id.toString() } }, { json: { id: b.id.toString() } }]);
		expect(output(result, 'Link')).toEqual([
			expect.objectContaining({ orderId: a.id.toString(), payUrl: expect.stringContaining(a.id.toString()), cantPayOrderList: [] }),
			expect.objectContaining({ orderId: b.id.toString(), payUrl: '', cantPayOrderList: [b.id.toString()] }),
		]);
		expect(calls('order1688PayUrl').map((c) => c.path)).toEqual(['/alibaba/order/pay/url', '/alibaba/order/pay/url']);
		const bad = await run([order('Link', { operation: 'getPaymentLink', orderId: 'abc' })]);
		expect(bad.data.resultData.error?.message).toBe('Order ID: "abc" is not a numeric ID of at most 19 digits');
	});

	it('pays the orders of all items in as few calls as the API allows, one result per item', async () => {
		const orders = Array.from({ length: 55 }, () => placeOrder());
		sandbox.state.pay(orders[54].id);
		const items = [
			{ json: { ids: orders.slice(0, 30).map((o) => o.id.toString()) } },
			{ json: { ids: orders.slice(30, 55).map((o) => o.id.toString()) } },
		];
		const result = await run([order('Pay', { operation: 'payInBulk', orderIds: '={{ $json.ids }}' })], items);
		const out = outputItems(result, 'Pay');
		expect(calls('order1688BulkPay').map((c) => (JSON.parse(c.body) as { orderIds: string[] }).orderIds.length)).toEqual([50, 5]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[0].json).toMatchObject({ success: true });
		expect(out[0].json).not.toHaveProperty('unknownOrderIds');
		expect(out[0].json.paidOrderIds).toHaveLength(30);
		expect(out[1].json).toMatchObject({ success: false, failedOrders: [{ orderId: orders[54].id.toString(), reason: expect.stringMatching(/not waiting for payment/) }] });
		expect((out[1].json.paidOrderIds as string[]).length).toBe(24);
		expect([...sandbox.state.orders.values()].every((o) => o.status === 'waitsellersend')).toBe(true);
	});

	it('reports orders as unknown, not failed, when the bulk-pay answer says nothing about them', async () => {
		sandbox.variants.bulkPayAnswer = 'bare';
		const a = placeOrder();
		const pay = order('Pay', { operation: 'payInBulk', orderIds: a.id.toString(), safety: { idempotencyKey: 'K1' } });
		const result = await run([pay], undefined, { workflowId: 'wf-unknown-pay' });
		const [paid] = output(result, 'Pay');
		expect(paid).toMatchObject({
			success: false,
			outcome: 'unknown',
			clientRequestId: calls('order1688BulkPay')[0].headers['nonce-str'],
			raw: null,
			paidOrderIds: [],
			failedOrders: [],
			unknownOrderIds: [a.id.toString()],
			reason: expect.any(String),
		});
		expect(sandbox.state.order(a.id).status).toBe('waitsellersend');
		const again = await run([pay], undefined, { workflowId: 'wf-unknown-pay' });
		expect(output(again, 'Pay')[0]).toMatchObject({ duplicate: true });
		expect(calls('order1688BulkPay')).toHaveLength(1);
	});

	it('checks Max Total against the order detail\'s yuan total converted to fen (¥11.80 is 1180 fen, not 12)', async () => {
		const a = placeOrder();
		const result = await run([order('Pay', { operation: 'payInBulk', orderIds: a.id.toString(), safety: { maxTotalFen: 1000 } })]);
		expect(result.data.resultData.error?.message).toBe(
			'Safety › Max Total (Fen): the previewed total 1180 fen (¥11.8) is above the limit of 1000 fen; nothing was created or paid',
		);
		expect(calls('order1688BulkPay')).toHaveLength(0);
		expect(sandbox.state.order(a.id).status).toBe('waitbuyerpay');
	});

	it('pays nothing on Dry Run or above Max Total, and nothing twice for one key', async () => {
		const a = placeOrder();
		const b = placeOrder();
		const result = await run(
			[
				order(
					'Pay',
					{ operation: 'payInBulk', orderIds: '={{ $json.id }}', safety: { dryRun: '={{ $json.dry }}', maxTotalFen: 1500, idempotencyKey: '={{ $json.key }}' } },
					{ continueOnFail: true },
				),
			],
			[
				{ json: { id: a.id.toString(), dry: true, key: 'P-a' } },
				{ json: { id: `${a.id},${b.id}`, dry: false, key: 'P-ab' } },
				{ json: { id: b.id.toString(), dry: false, key: 'P-b' } },
				{ json: { id: b.id.toString(), dry: false, key: 'P-b' } },
			],
		);
		const out = output(result, 'Pay');
		expect(out[0]).toMatchObject({ dryRun: true, totalFen: 1180 });
		expect(out[1].error).toMatch(/previewed total 2360 fen .* above the limit of 1500 fen/);
		expect(out[2]).toMatchObject({ success: true, paidOrderIds: [b.id.toString()], idempotencyKey: 'P-b' });
		// Rows of one Pay in Bulk run that share a key are one purchase: the order is paid once, both rows report it.
		expect(out[3]).toMatchObject({ success: true, paidOrderIds: [b.id.toString()], idempotencyKey: 'P-b' });
		expect(sandbox.state.order(a.id).status).toBe('waitbuyerpay');
		expect(calls('order1688BulkPay')).toHaveLength(1);
	});

	it('confirms receipt of a shipped order; an unshippable confirm comes back as the nested upstream error', async () => {
		const a = placeOrder();
		sandbox.state.pay(a.id);
		sandbox.state.ship(a.id);
		const ok = await run([order('Confirm', { operation: 'confirmReceipt', orderId: a.id.toString() })]);
		expect(output(ok, 'Confirm')[0]).toMatchObject({ confirmed: true, orderId: a.id.toString() });
		expect(sandbox.state.order(a.id).status).toBe('confirm_goods');
		const unpaid = placeOrder();
		const refused = await run([order('Confirm', { operation: 'confirmReceipt', orderId: unpaid.id.toString(), orderEntryIds: unpaid.lines[0].subItemId.toString() })]);
		const error = refused.data.resultData.error as unknown as { message: string; context: { pandapon: IDataObject } };
		expect(error.message).toMatch(/cannot be confirmed/);
		expect(error.context.pandapon).toMatchObject({ code: '200', errorCode: 'ORDER_STATUS_NOT_SUPPORT' });
		// Read with every digit: JSON.parse would round both sides of a Number() comparison alike.
		expect(parseJsonBig(calls('order1688ConfirmReceipt')[1].body, { asBigInt: true })).toEqual({
			orderId: BigInt(unpaid.id),
			orderEntryIds: [BigInt(unpaid.lines[0].subItemId)],
		});
	});

	it('saves, lists and updates addresses; an unknown address id is refused', async () => {
		const saved = await run([order('Save', { operation: 'saveAddress', name: '李雷', phone: '13900000000', province: '广东省', city: '广州市', address: '天河路1号' })]);
		expect(output(saved, 'Save')[0]).toMatchObject({ saved: true });
		const listed = await run([order('List', { operation: 'getAddresses', returnAll: true })]);
		expect(output(listed, 'List').map((a) => a.id)).toEqual(['5001', '5002']);
		// "New Address" is the default and the first entry of From List; chosen, it adds rather than updates.
		const { results: entries } = await listSearch(sandbox, ORDER, 'searchAddresses', { resource: '1688', operation: 'saveAddress' });
		const field = new PandaponOrder().description.properties.find((p) => p.name === 'addressId')!;
		const chosen = field.default as { mode: string; value: string };
		expect(chosen.mode).toBe('list');
		expect(entries.map((e) => e.value)).toEqual([chosen.value, '5001', '5002']);
		expect(entries[0].name).toBe('New Address');
		await run([order('Save', { operation: 'saveAddress', addressId: { __rl: true, ...chosen }, name: '韩梅梅', phone: '13900000001', province: '广东省', city: '广州市', address: '天河路2号' })]);
		expect(calls('address1688Save').map((c) => 'id' in (parseJsonBig(c.body) as IDataObject))).toEqual([false, false]);
		const refused = await run([order('Save', { operation: 'saveAddress', addressId: '9999', name: 'a', phone: '1', province: 'p', city: 'c', address: 'a' })]);
		expect(refused.data.resultData.error?.message).toBe('Outcome unknown: address 9999 does not exist (code 4040)');
	});
});
