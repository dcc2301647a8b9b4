/**
 * The workflows buyers build, run the ways they run them: hundreds of rows with a bad one in the
 * middle, run twice, rows appended, a run stopped half way. Each case counts the writes that
 * reached the sandbox and checks each output item's pairing.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { output, outputItems, PACKAGE, runWorkflow, sandboxCredentials, TOOL } from './engine';

const ORDER = `${PACKAGE}.pandaponOrder`;
const EARRING = { offerId: '624981234567', specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718' };
const TSHIRT = { offerId: '655310028877', specId: 'a06d4f5b2e1a7c93d4e5f60718293a4b' };
const SHIPPING = {
	shippingAddress: { address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' } },
};
const LINE_FROM_ROW = { line: [{ offerId: '={{ $json.offer }}', specId: '={{ $json.spec }}', quantity: '={{ $json.q }}' }] };

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	await sandbox.close();
});

const calls = (endpoint: string) => sandbox.log.filter((e) => e.endpoint === endpoint);

interface NodeSpec {
	name: string;
	type: string;
	parameters: INodeParameters;
	id?: string;
	continueOnFail?: boolean;
}

function orderNode(name: string, parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec {
	return { name, type: ORDER, parameters: { resource: '1688', ...parameters } as INodeParameters, ...extra };
}

async function run(nodes: NodeSpec[], items: Array<{ json: IDataObject }>, workflowId: string) {
	return await runWorkflow({ credentials: sandboxCredentials(sandbox), nodes, items, workflowId });
}

const rows = (count: number, from = 0) =>
	Array.from({ length: count }, (_, n) => ({ json: { row: from + n, key: `SHOP-${from + n}`, offer: EARRING.offerId, spec: EARRING.specId, q: 1 } }));

const create = (extra: IDataObject = {}, node: Partial<NodeSpec> = {}) =>
	orderNode('Create', { operation: 'create', flow: 'general', lines: LINE_FROM_ROW, ...SHIPPING, ...extra }, node);

describe('money safety: every row checked before the first write', () => {
	it('a bad row 14 of 20 stops Create with the row named and 0 requests sent', async () => {
		const input = rows(20);
		input[13].json.q = 0;
		const result = await run([create()], input, 'wf-bad-row');
		expect(result.data.resultData.error?.message).toBe('Lines › Line 1 › Quantity: 0 is not a whole number from 1 to 1000000');
		expect(result.data.resultData.error?.context.itemIndex).toBe(13);
		expect(sandbox.log).toHaveLength(0);
		expect(sandbox.state.orders.size).toBe(0);
	});

	it('the same bad row with keys: 0 requests, and every key is free for the corrected run', async () => {
		const input = rows(20);
		input[13].json.q = 0;
		const keyed = create({ safety: { idempotencyKey: '={{ $json.key }}' } });
		await run([keyed], input, 'wf-bad-keyed');
		expect(sandbox.log).toHaveLength(0);
		input[13].json.q = 1;
		const fixed = await run([keyed], input, 'wf-bad-keyed');
		expect(output(fixed, 'Create').filter((o) => o.duplicate)).toEqual([]);
		expect(sandbox.state.orders.size).toBe(20);
	});

	it('with Continue On Fail the bad row becomes its own error item and the good rows are ordered', async () => {
		const input = rows(5);
		input[2].json.q = 0;
		const result = await run([create({}, { continueOnFail: true })], input, 'wf-cof');
		const out = outputItems(result, 'Create');
		expect(out.map((o) => [o.pairedItem, o.json.error === undefined])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, true],
			[{ item: 2 }, false],
			[{ item: 3 }, true],
			[{ item: 4 }, true],
		]);
		expect(calls('order1688Create')).toHaveLength(4);
	});

	it('a bad row stops plain writes too (Cancel): 0 cancels sent', async () => {
		const ids = ['2542285634920880794', '2542285634921880797', 'not-an-id', '2542285634922880800'];
		const result = await run(
			[orderNode('Cancel', { operation: 'cancel', orderId: '={{ $json.id }}', cancelReason: 'x' })],
			ids.map((id) => ({ json: { id } })),
			'wf-cancel',
		);
		expect(result.data.resultData.error?.context.itemIndex).toBe(2);
		expect(calls('order1688Cancel')).toHaveLength(0);
	});
});

describe('money safety: a failure after writes went out names them', () => {
	it('Create stopped by an unknown outcome on row 3 lists the orders of rows 1 and 2', async () => {
		const input = rows(4);
		Object.assign(input[2].json, { offer: TSHIRT.offerId, spec: TSHIRT.specId, q: 5000 });
		const result = await run([create({ requestOptions: { concurrency: 1 } })], input, 'wf-named');
		const error = result.data.resultData.error;
		const created = [...sandbox.state.orders.keys()].map(String);
		expect(created).toHaveLength(2);
		expect(error?.message).toMatch(/out of stock/);
		expect(error?.description).toContain(`item 0 → ${created[0]}; item 1 → ${created[1]}`);
		expect(calls('order1688Create')).toHaveLength(3);
	});
});

describe('money safety: per-row keys', () => {
	it('Create Batch keeps every row\'s key: appended rows are the only ones ordered on the next run', async () => {
		const batch = orderNode('Batch', { operation: 'createBatch', flow: 'general', lines: LINE_FROM_ROW, ...SHIPPING, safety: { idempotencyKey: '={{ $json.key }}' } });
		const first = await run([batch], rows(3), 'wf-batch-keys');
		expect(output(first, 'Batch').every((o) => typeof o.orderId === 'string')).toBe(true);
		const sentFirst = JSON.parse(calls('order1688CreateBatch')[0].body) as { cargoParamList: unknown[] };
		expect(sentFirst.cargoParamList).toHaveLength(3);

		const second = await run([batch], [...rows(3), ...rows(2, 3)], 'wf-batch-keys');
		const out = outputItems(second, 'Batch');
		expect(calls('order1688CreateBatch')).toHaveLength(2);
		const sentSecond = JSON.parse(calls('order1688CreateBatch')[1].body) as { cargoParamList: unknown[] };
		expect(sentSecond.cargoParamList).toHaveLength(2);
		expect(out.map((o) => [o.pairedItem, o.json.duplicate === true, o.json.idempotencyKey])).toEqual([
			[{ item: 0 }, true, 'SHOP-0'],
			[{ item: 1 }, true, 'SHOP-1'],
			[{ item: 2 }, true, 'SHOP-2'],
			[{ item: 3 }, false, 'SHOP-3'],
			[{ item: 4 }, false, 'SHOP-4'],
		]);
		expect(out[0].json.earlierIds).toEqual(output(first, 'Batch')[0].orderIds);
	});

	it('a duplicate in a manual run (no static data saved) still carries the earlier order ids, also after renaming the node', async () => {
		const keyed = create({ safety: { idempotencyKey: '={{ $json.key }}' } }, { id: 'create-node' });
		const first = await run([keyed], rows(2), 'wf-manual');
		const renamed = { ...keyed, name: 'Create Order For Shop' };
		const second = await run([renamed], rows(2), 'wf-manual');
		expect(output(second, 'Create Order For Shop')).toEqual([
			{ duplicate: true, idempotencyKey: 'SHOP-0', earlierIds: [output(first, 'Create')[0].orderId] },
			{ duplicate: true, idempotencyKey: 'SHOP-1', earlierIds: [output(first, 'Create')[1].orderId] },
		]);
		expect(calls('order1688Create')).toHaveLength(2);
	});

	it('keys are per workflow: another workflow with the same node name and key orders its own row', async () => {
		const keyed = create({ safety: { idempotencyKey: '={{ $json.key }}' } });
		await run([keyed], rows(1), 'wf-a');
		const other = await run([keyed], rows(1), 'wf-b');
		expect(output(other, 'Create')[0]).toMatchObject({ orderId: expect.any(String), idempotencyKey: 'SHOP-0' });
		expect(sandbox.state.orders.size).toBe(2);
	});

	it('Pay in Bulk stopped by Max Total on a later row pays nothing and leaves every key free: the re-run pays them all', async () => {
		const created = await run([create()], rows(3), 'wf-pay-orders');
		const ids = output(created, 'Create').map((o) => String(o.orderId));
		const pay = (maxTotalFen: string) =>
			orderNode('Pay', { operation: 'payInBulk', orderIds: '={{ $json.id }}', safety: { idempotencyKey: '={{ $json.key }}', maxTotalFen } });
		const payRows = ids.map((id, n) => ({ json: { id, key: `PAY-${n}`, cap: n === 2 ? 1 : 100000 } }));
		const stopped = await run([pay('={{ $json.cap }}')], payRows, 'wf-pay');
		expect(stopped.data.resultData.error?.message).toMatch(/^Safety › Max Total \(Fen\): /);
		expect(stopped.data.resultData.error?.context.itemIndex).toBe(2);
		expect(calls('order1688BulkPay')).toHaveLength(0);
		const again = await run([pay('100000')], payRows, 'wf-pay');
		expect(output(again, 'Pay').map((o) => [o.success, o.paidOrderIds])).toEqual(ids.map((id) => [true, [id]]));
		expect(calls('order1688BulkPay')).toHaveLength(1);
		const third = await run([pay('100000')], payRows, 'wf-pay');
		expect(output(third, 'Pay').map((o) => [o.duplicate, o.earlierIds])).toEqual(ids.map((id) => [true, [id]]));
		expect(calls('order1688BulkPay')).toHaveLength(1);
	});

	it('one key shared by rows paid in two calls stays used when the first call was refused and the second paid', async () => {
		const created = await run([create()], rows(60), 'wf-shared-orders');
		const ids = output(created, 'Create').map((o) => String(o.orderId));
		// 50 orders a call: row 0 fills the first call, row 1 the second.
		const payRows = [{ json: { ids: ids.slice(0, 50) } }, { json: { ids: ids.slice(50) } }];
		const pay = orderNode(
			'Pay',
			{ operation: 'payInBulk', orderIds: '={{ $json.ids }}', safety: { idempotencyKey: 'PAY-ALL' } },
			{ continueOnFail: true },
		);
		sandbox.faults.push({ path: '/alibaba/order/batch/submit/to/pay', kind: { type: 'status', status: 400, code: 4000, msg: 'params is not valid' } });
		const first = await run([pay], payRows, 'wf-shared-pay');
		expect(calls('order1688BulkPay')).toHaveLength(2);
		expect(output(first, 'Pay')[1].paidOrderIds).toEqual(ids.slice(50));
		// The second call paid: running again must not pay anything a second time.
		const again = await run([pay], payRows, 'wf-shared-pay');
		expect(calls('order1688BulkPay')).toHaveLength(2);
		expect(output(again, 'Pay').map((o) => [o.duplicate, o.earlierIds])).toEqual([
			[true, ids.slice(50)],
			[true, ids.slice(50)],
		]);
	});

	it('a row whose orders went out in two calls, one refused, says what was paid and keeps its key', async () => {
		const created = await run([create()], rows(60), 'wf-partial-orders');
		const ids = output(created, 'Create').map((o) => String(o.orderId));
		const pay = orderNode(
			'Pay',
			{ operation: 'payInBulk', orderIds: '={{ $json.ids }}', safety: { idempotencyKey: 'PAY-60' } },
			{ continueOnFail: true },
		);
		sandbox.faults.push({ path: '/alibaba/order/batch/submit/to/pay', kind: { type: 'status', status: 400, code: 4000, msg: 'params is not valid' } });
		const first = await run([pay], [{ json: { ids } }], 'wf-partial-pay');
		const [row] = output(first, 'Pay');
		expect(row.success).toBe(false);
		expect(row.paidOrderIds).toEqual(ids.slice(50));
		expect((row.failedOrders as IDataObject[]).map((o) => o.orderId)).toEqual(ids.slice(0, 50));
		const again = await run([pay], [{ json: { ids } }], 'wf-partial-pay');
		expect(output(again, 'Pay')).toEqual([{ duplicate: true, idempotencyKey: 'PAY-60', earlierIds: ids.slice(50) }]);
		expect(calls('order1688BulkPay')).toHaveLength(2);
	});

	it('a keyed duplicate whose order ids are gone from the row is still a duplicate, not an input error', async () => {
		const created = await run([create()], rows(1), 'wf-pay-gone');
		const id = String(output(created, 'Create')[0].orderId);
		const pay = orderNode('Pay', { operation: 'payInBulk', orderIds: '={{ $json.id }}', safety: { idempotencyKey: '={{ $json.key }}' } });
		await run([pay], [{ json: { id, key: 'P-1' } }], 'wf-pay-gone');
		const again = await run([pay], [{ json: { id: '', key: 'P-1' } }], 'wf-pay-gone');
		expect(output(again, 'Pay')).toEqual([{ duplicate: true, idempotencyKey: 'P-1', earlierIds: [id] }]);
	});
});

describe('money safety: an AI agent\'s tool spends only under a limit the workflow chose', () => {
	const asTool = (extra: IDataObject = {}) => create(extra, { type: TOOL(ORDER) });

	it('runs Create as a Dry Run when the tool\'s Safety is left as it comes', async () => {
		const result = await run([asTool()], rows(1), 'wf-tool-default');
		expect(result.data.resultData.error).toBeUndefined();
		expect(output(result, 'Create')).toEqual([expect.objectContaining({ dryRun: true, totalFen: expect.any(Number) })]);
		expect(calls('order1688Create')).toHaveLength(0);
		expect(sandbox.state.orders.size).toBe(0);
	});

	it('refuses Create with Dry Run off and no Max Total, before any request', async () => {
		const result = await run([asTool({ safety: { dryRun: false } })], rows(2), 'wf-tool-unlimited');
		expect(result.data.resultData.error?.message).toBe('Safety › Max Total (Fen): an AI agent may create or pay only under a limit; nothing was created or paid');
		expect(sandbox.log).toHaveLength(0);
	});

	it('creates under a Max Total, and the plain node keeps Dry Run off by default', async () => {
		const capped = await run([asTool({ safety: { dryRun: false, maxTotalFen: 50000 } })], rows(1), 'wf-tool-capped');
		expect(capped.data.resultData.error).toBeUndefined();
		expect(calls('order1688Create')).toHaveLength(1);
		const plain = await run([create()], rows(1, 1), 'wf-plain-default');
		expect(plain.data.resultData.error).toBeUndefined();
		expect(calls('order1688Create')).toHaveLength(2);
	});
});

