import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { outputItems, PACKAGE, runWorkflow, sandboxCredentials } from './engine';

const OFFERS = [
	{ offerId: '624981234567', specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718' },
	{ offerId: '631247789012', specId: '9f5c3e4a1d0f6b82c3d4e5f60718293a' },
	{ offerId: '672200114455', specId: 'd3907c8e5b4da0c60718293a4b5c6d7e' },
];
const ADDRESS = { address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' } };

let sandbox: Sandbox;
afterEach(async () => {
	expect(sandbox.log.filter((e) => e.contractErrors ?? e.responseErrors)).toEqual([]);
	await sandbox.close();
});

function items(n: number, bad: number[] = []) {
	return Array.from({ length: n }, (_, i) => ({ json: { n: i, ...OFFERS[i % 3], qty: bad.includes(i) ? 0 : i + 1 } as IDataObject }));
}

const addItem = (extra: IDataObject = {}, node: IDataObject = {}) => ({
	name: 'Add',
	type: `${PACKAGE}.pandaponCart`,
	parameters: {
		resource: '1688',
		operation: 'addItem',
		offerId: '={{ $json.offerId }}',
		specId: '={{ $json.specId }}',
		quantity: '={{ $json.qty }}',
		requestOptions: { concurrency: 8 },
		...extra,
	},
	...node,
});

describe('concurrency', () => {
	it('keeps output order and pairing exact while answers come back out of order', async () => {
		sandbox = await startSandbox({ latencyMs: 5, latencyJitterMs: 40, gatherFirst: 8 });
		const run = await runWorkflow({ credentials: sandboxCredentials(sandbox), items: items(40), nodes: [addItem()] });
		const out = outputItems(run, 'Add');
		expect(out.map((o) => o.pairedItem)).toEqual(Array.from({ length: 40 }, (_, i) => ({ item: i })));
		expect(out.map((o) => o.json.quantity)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		expect(sandbox.stats.maxInFlight).toBe(8);
	});

	it('with continueOnFail puts each error item at its own place; without it fails on the first bad item before any request', async () => {
		sandbox = await startSandbox({ latencyJitterMs: 20 });
		const continued = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: items(20, [3, 11]),
			nodes: [addItem({}, { continueOnFail: true })],
		});
		const out = outputItems(continued, 'Add');
		expect(out.map((o) => o.pairedItem)).toEqual(Array.from({ length: 20 }, (_, i) => ({ item: i })));
		expect(out.filter((o) => o.json.error).map((o) => [o.json.error, o.pairedItem])).toEqual([
			['Quantity: 0 is not a whole number from 1 to 1000000', { item: 3 }],
			['Quantity: 0 is not a whole number from 1 to 1000000', { item: 11 }],
		]);
		const adds = () => sandbox.log.filter((e) => e.endpoint === 'cart1688Add').length;
		expect(adds()).toBe(18);
		const stopped = await runWorkflow({ credentials: sandboxCredentials(sandbox), items: items(20, [11, 3]), nodes: [addItem()] });
		expect(stopped.data.resultData.error?.message).toBe('Quantity: 0 is not a whole number from 1 to 1000000');
		expect(stopped.data.resultData.error?.context.itemIndex).toBe(3);
		// Every row is read before the first request, so the bad rows stop the run with nothing sent.
		expect(adds()).toBe(18);
	});

	it('slows down under a 429 storm and still writes every create exactly once', async () => {
		sandbox = await startSandbox({ latencyMs: 10, rateLimitPerSecond: 15 });
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: items(30),
			nodes: [
				{
					name: 'Create',
					type: `${PACKAGE}.pandaponOrder`,
					parameters: {
						resource: '1688',
						operation: 'create',
						flow: 'general',
						lines: { line: [{ offerId: '={{ $json.offerId }}', specId: '={{ $json.specId }}', quantity: '={{ $json.qty }}' }] },
						shippingAddress: ADDRESS,
						requestOptions: { concurrency: 8 },
					},
				},
			],
		});
		expect(run.data.resultData.error).toBeUndefined();
		const out = outputItems(run, 'Create');
		expect(out).toHaveLength(30);
		expect(new Set(out.map((o) => o.json.orderId)).size).toBe(30);
		const creates = sandbox.log.filter((e) => e.endpoint === 'order1688Create');
		expect(creates.filter((e) => e.status === 429).length).toBeGreaterThan(0);
		expect(creates.filter((e) => e.status === 200)).toHaveLength(30);
		expect(sandbox.state.writeCounts.get('/alibaba/order/create')).toBe(30);
		expect(sandbox.state.orders.size).toBe(30);
	}, 60_000);

	it('never re-sends a write that failed with 5xx, even under concurrency', async () => {
		sandbox = await startSandbox();
		sandbox.faults.push({ path: '/alibaba/cart/add', kind: { type: 'status', status: 500 }, times: 3 });
		const run = await runWorkflow({ credentials: sandboxCredentials(sandbox), items: items(10), nodes: [addItem({}, { continueOnFail: true })] });
		const failed = outputItems(run, 'Add').filter((o) => o.json.error);
		expect(failed).toHaveLength(3);
		expect(sandbox.log.filter((e) => e.endpoint === 'cart1688Add')).toHaveLength(10);
	});
});
