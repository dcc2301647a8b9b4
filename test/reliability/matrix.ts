/**
 * The fault matrix: every fault the sandbox can inject × a read and a write of every node, run
 * through n8n's real engine with Continue On Fail, each cell checked against what it must do:
 * reads retry and then fail clearly, writes never repeat and say "unknown" when nobody can know,
 * the sandbox counts at most one write, and the access secret appears in no output.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../sandbox/server';
import type { Fault, Sandbox } from '../../sandbox/server';
import { outputItems, PACKAGE, runWorkflow, sandboxCredentials } from '../harness/engine';

export type FaultName =
	| '429'
	| '500'
	| '502 HTML page'
	| '503'
	| 'timeout'
	| 'connection reset'
	| 'malformed JSON'
	| 'envelope code != 200'
	| 'data.success false'
	| 'slow past timeout'
	| '400 refused';

export const FAULTS: Record<FaultName, { kind: Fault['kind']; times: number; transient?: boolean; unknownForWrites: boolean; retriedForReads: boolean }> = {
	'429': { kind: { type: 'status', status: 429 }, times: 2, transient: true, unknownForWrites: false, retriedForReads: true },
	'500': { kind: { type: 'status', status: 500 }, times: 10, unknownForWrites: true, retriedForReads: true },
	'502 HTML page': { kind: { type: 'html', status: 502 }, times: 10, unknownForWrites: true, retriedForReads: true },
	'503': { kind: { type: 'status', status: 503 }, times: 10, unknownForWrites: true, retriedForReads: true },
	timeout: { kind: { type: 'hang' }, times: 10, unknownForWrites: true, retriedForReads: true },
	'connection reset': { kind: { type: 'reset' }, times: 10, unknownForWrites: true, retriedForReads: true },
	'malformed JSON': { kind: { type: 'malformed' }, times: 10, unknownForWrites: true, retriedForReads: false },
	'envelope code != 200': { kind: { type: 'status', status: 200, code: 5009, msg: '系统繁忙' }, times: 10, unknownForWrites: true, retriedForReads: false },
	'data.success false': { kind: { type: 'nestedFailure' }, times: 10, unknownForWrites: true, retriedForReads: false },
	'slow past timeout': { kind: { type: 'delay', ms: 600 }, times: 10, unknownForWrites: true, retriedForReads: true },
	// The one kind of refusal that proves a write changed nothing: Pandapon answers 4xx before acting.
	'400 refused': { kind: { type: 'status', status: 400 }, times: 10, unknownForWrites: false, retriedForReads: false },
};

interface Target {
	node: string;
	kind: 'read' | 'write';
	path: string;
	type: string;
	parameters: IDataObject;
	setup?: (sandbox: Sandbox) => IDataObject;
}

function paidOrder(sandbox: Sandbox) {
	const lines = sandbox.state.cargoLines([{ offerId: 624981234567n, specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', quantity: 2 }]).map((c) => c.line);
	const order = sandbox.state.createOrder('b2b-2206783546291c8f1', lines, {
		address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' },
		flow: 'general',
	});
	sandbox.state.pay(order.id);
	return order;
}

const ADDRESS = { address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' } };

export const TARGETS: Target[] = [
	{
		node: 'Cart',
		kind: 'read',
		path: '/alibaba/cart/list',
		type: 'pandaponCart',
		parameters: { resource: '1688', operation: 'getMany' },
		setup: (s) => {
			s.state.addToCart(672200114455, undefined, 1);
			return {};
		},
	},
	{
		node: 'Cart',
		kind: 'write',
		path: '/alibaba/cart/add',
		type: 'pandaponCart',
		parameters: { resource: '1688', operation: 'addItem', offerId: '672200114455', quantity: 1 },
	},
	{
		node: 'Order',
		kind: 'read',
		path: '/alibaba/order/detail',
		type: 'pandaponOrder',
		parameters: { resource: '1688', operation: 'get', orderId: '={{ $json.orderId }}' },
		setup: (s) => ({ orderId: paidOrder(s).id.toString() }),
	},
	{
		node: 'Order',
		kind: 'write',
		path: '/alibaba/order/create',
		type: 'pandaponOrder',
		parameters: { resource: '1688', operation: 'create', flow: 'general', lines: { line: [{ offerId: '672200114455', quantity: 1 }] }, shippingAddress: ADDRESS },
	},
	{ node: 'Product', kind: 'read', path: '/alibaba/product/detail/get', type: 'pandaponProduct', parameters: { resource: '1688', operation: 'get', offerId: '624981234567' } },
	{
		node: 'Logistics',
		kind: 'read',
		path: '/alibaba/order/logistics/trace',
		type: 'pandaponLogistics',
		parameters: { resource: '1688', operation: 'getTracking', orderId: '={{ $json.orderId }}' },
		setup: (s) => ({ orderId: paidOrder(s).id.toString() }),
	},
	{
		node: 'Logistics',
		kind: 'write',
		path: '/alibaba/warehouse/domestic/update',
		type: 'pandaponLogistics',
		parameters: { resource: '1688', operation: 'updateDomesticTracking', orderId: '={{ $json.orderId }}', carrierCode: 'SF', trackingNumber: 'SF1234567890' },
		setup: (s) => ({ orderId: paidOrder(s).id.toString() }),
	},
	{
		node: 'After-Sales',
		kind: 'read',
		path: '/alibaba/refund/info',
		type: 'pandaponAfterSales',
		parameters: { resource: '1688', operation: 'get', refundId: '={{ $json.refundId }}' },
		setup: (s) => {
			const order = paidOrder(s);
			const refund = s.state.createRefund({
				orderId: order.id,
				subItemIds: [order.lines[0].subItemId],
				disputeRequest: 'refund',
				applyPaymentFen: 100,
				applyCarriageFen: 0,
				reasonId: 20001,
				description: 'x',
				goodsStatus: 'refundWaitSellerSend',
				vouchers: [],
			});
			return { refundId: refund.id };
		},
	},
	{
		node: 'After-Sales',
		kind: 'write',
		path: '/alibaba/refund/voucher/upload',
		type: 'pandaponAfterSales',
		parameters: { resource: '1688', operation: 'uploadVoucher', imageSource: 'url', imageUrl: 'https://example.com/damage.jpg' },
	},
];

export interface Cell {
	node: string;
	kind: 'read' | 'write';
	fault: FaultName;
	passed: boolean;
	requests: number;
	writes: number;
	outcome: string;
	problem?: string;
	leak: boolean;
}

/** Runs one cell on a fresh sandbox and checks it. */
export async function runCell(target: Target, fault: FaultName): Promise<Cell> {
	const sandbox = await startSandbox();
	try {
		const input = target.setup?.(sandbox) ?? {};
		const spec = FAULTS[fault];
		// A write's worst case is the answer lost after the API acted, so every answer that cannot prove
		// a refusal (5xx, broken bodies, codes the package does not know) is spoiled after the work.
		const when = target.kind === 'write' && spec.unknownForWrites ? 'after' : 'before';
		sandbox.faults.push({ path: target.path, when, times: spec.times, kind: spec.kind });
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: [{ json: input }],
			nodes: [
				{
					name: 'Node',
					type: `${PACKAGE}.${target.type}`,
					continueOnFail: true,
					parameters: { ...target.parameters, requestOptions: { timeout: 300, retryDelay: 5 } },
				},
			],
		});
		const items = outputItems(run, 'Node');
		const requests = sandbox.log.filter((e) => e.path === target.path).length;
		const writes = sandbox.state.writeCounts.get(target.path) ?? 0;
		const first = items[0]?.json ?? {};
		const outcome = first.error === undefined ? 'ok' : String(first.outcome ?? 'error');
		const leak = JSON.stringify([run.data.resultData, items]).includes(sandbox.options.accessSecret);
		const problems: string[] = [];
		if (run.data.resultData.error) problems.push(`the node failed instead of routing the item: ${run.data.resultData.error.message}`);
		if (JSON.stringify(items[0]?.pairedItem) !== '{"item":0}') problems.push('item not paired with its input');
		if (spec.transient) {
			if (outcome !== 'ok') problems.push(`a transient ${fault} should be retried to success, got ${outcome}`);
		} else if (first.error === undefined) {
			problems.push('a persistent fault should fail the item');
		} else if (target.kind === 'read') {
			const expected = spec.retriedForReads ? 4 : 1;
			if (requests !== expected) problems.push(`read sent ${requests} requests, expected ${expected}`);
			if (outcome !== 'failed') problems.push(`read outcome ${outcome}, expected failed`);
		} else {
			if (requests !== 1) problems.push(`write sent ${requests} requests, expected exactly 1`);
			const expected = spec.unknownForWrites ? 'unknown' : 'failed';
			if (outcome !== expected) problems.push(`write outcome ${outcome}, expected ${expected}`);
		}
		if (writes > 1) problems.push(`${writes} writes reached the sandbox`);
		if (leak) problems.push('the access secret appears in the output');
		return { node: target.node, kind: target.kind, fault, passed: problems.length === 0, requests, writes, outcome, problem: problems.join('; ') || undefined, leak };
	} finally {
		await sandbox.close();
	}
}

/** Every cell, or those of reads or writes only (jest runs the two halves as separate files, in parallel). */
export async function runMatrix(kind?: Target['kind']): Promise<Cell[]> {
	const cells: Cell[] = [];
	for (const target of TARGETS.filter((t) => !kind || t.kind === kind)) {
		for (const fault of Object.keys(FAULTS) as FaultName[]) cells.push(await runCell(target, fault));
	}
	return cells;
}
