/**
 * Write scenarios: every money-moving operation × the ways a buyer's run goes wrong (a bad row
 * after good rows, a re-run with the same keys, Max Total over the limit, an answer lost after the
 * write, a failure after Pandapon acted against a refusal before it did, a stop after earlier
 * writes went out), with and without Continue On Fail. Each cell runs on a fresh sandbox through
 * n8n's real engine and checks what the sandbox counted (write requests, writes that reached its
 * business logic), each output item's pairing and content, and the node's error.
 */
import type { IDataObject, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';

import { ENDPOINTS } from '../../nodes/shared/catalogue';
import type { EndpointKey } from '../../nodes/shared/catalogue';
import { RATE_LIMIT_RETRIES } from '../../nodes/shared/transport';
import { warehouseOf } from '../../sandbox/handlers/logistics';
import { startSandbox } from '../../sandbox/server';
import type { Fault, Sandbox } from '../../sandbox/server';
import { CODES } from '../../sandbox/errors';
import { outputItems, PACKAGE, runWorkflow, sandboxCredentials } from '../harness/engine';
import { FAULTS } from './matrix';

const ADDRESS_1688 = { address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' } };
const EARRING = { offerId: '624981234567', specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718' };
/** Three offers, so that three cart rows are three cart lines (the cart merges a repeated offer). */
const CART_OFFERS = [EARRING, { offerId: '631247789012', specId: '9f5c3e4a1d0f6b82c3d4e5f60718293a' }, { offerId: '672200114455', specId: 'd3907c8e5b4da0c60718293a4b5c6d7e' }];
const MUG = { itemId: '690011223344', mpId: 'MP690011223344', skuId: '5012233445501', mpSkuId: 'MPSKU5012233445501' };
const MUG_PRICE = 2990;
const RECEIVER = { address: { name: '王小明', mobilePhone: '13800138000', country: 'CN', state: '浙江省', city: '杭州市', address: '文一西路969号' } };
const RECEIVER_STATE = { name: '仓库', mobile_phone: '13800138000', state: '浙江省', city: '杭州市', address: '文一西路969号' };
/** How long a run waits for a write the sandbox leaves unanswered: long enough for a busy machine to deliver the request. */
const UNANSWERED_TIMEOUT_MS = 1000;
/** A Max Total no row reaches, and one every row is above. */
const NO_LIMIT = 100_000_000;
const BELOW_EVERY_TOTAL = 1;

/** A money-moving operation, as the scenarios drive it. */
export interface WriteOp {
	name: string;
	type: 'pandaponCart' | 'pandaponOrder' | 'pandaponLogistics' | 'pandaponAfterSales';
	platform: '1688' | 'taobao';
	operation: string;
	/** The endpoint that writes; its requests and the sandbox's write count are what the cells count. */
	write: EndpointKey;
	/** The operation's parameters, reading each row's fields from `$json`. */
	parameters: IDataObject;
	/** Prepares the sandbox for `count` rows and returns them, each valid. */
	rows: (sandbox: Sandbox, count: number) => IDataObject[];
	/** Fields that make a row invalid, and the parameter its refusal must name. */
	invalid: IDataObject;
	invalidParameter: string;
	/** Whether the operation takes Safety › Idempotency Key and Max Total. */
	safety: boolean;
	/** Whether one call carries all rows of a run (a batch), rather than one call per row. */
	batch: boolean;
	/** The ids an output item names for its row: what a later duplicate must carry as earlierIds. */
	ids: (json: IDataObject) => string[];
	/** What the sandbox says row `n` produced, written one row after another; [] where the answer names nothing. */
	made: (sandbox: Sandbox, rows: IDataObject[], n: number) => string[];
	/** Fields a written row's output must carry. */
	content: (row: IDataObject) => IDataObject;
	/**
	 * Rows for a stop after earlier writes went out: the write calls before the failing one and the
	 * rows they carried. Absent where a run makes one call only (nothing can go out before it).
	 */
	chain?: { rows: (sandbox: Sandbox) => IDataObject[]; callsBefore: number; doneRows: number[] };
}

/**
 * The one place the operation's parameters are written (the selector above Operation is being
 * renamed, which must stay a one-line change here).
 */
export function nodeParameters(op: WriteOp, extra: IDataObject = {}): INodeParameters {
	return { resource: op.platform, operation: op.operation, ...op.parameters, ...extra } as INodeParameters;
}

function orders1688(sandbox: Sandbox, count: number, status: 'unpaid' | 'paid' | 'shipped'): string[] {
	return Array.from({ length: count }, () => {
		const lines = sandbox.state.cargoLines([{ offerId: BigInt(EARRING.offerId), specId: EARRING.specId, quantity: 1 }]).map((c) => c.line);
		const order = sandbox.state.createOrder('b2b-2206783546291c8f1', lines, { ...ADDRESS_1688, flow: 'general' });
		if (status !== 'unpaid') sandbox.state.pay(order.id);
		if (status === 'shipped') sandbox.state.ship(order.id);
		return order.id.toString();
	});
}

function ordersTaobao(sandbox: Sandbox, count: number, status: 'unpaid' | 'paid' = 'unpaid'): string[] {
	return Array.from({ length: count }, () => {
		const order = sandbox.state.taobao.createOrder([{ itemId: MUG.itemId, skuId: MUG.skuId, title: 'seeded', quantity: 1, priceFen: MUG_PRICE }], RECEIVER_STATE);
		if (status === 'paid') sandbox.state.taobao.pay(order.id);
		return order.id.toString();
	});
}

const idRows = (ids: string[]) => ids.map((id) => ({ id }));
const lineRows = (count: number) => Array.from({ length: count }, () => ({ q: 1 }));
/** The id fields as given (not through String()): an id that came out as a number must not match the sandbox's text. */
const idField = (field: string) => (json: IDataObject) => (json[field] === undefined ? [] : [json[field] as string]);
const orderIdOf = idField('orderId');
const ownId = (_sandbox: Sandbox, rows: IDataObject[], n: number) => [String(rows[n].id)];
/** Orders the sandbox holds, oldest first: with rows written one after another, row n made the n-th. */
const created1688 = (sandbox: Sandbox, _rows: IDataObject[], n: number) => [[...sandbox.state.orders.keys()][n]];
const createdTaobao = (sandbox: Sandbox, _rows: IDataObject[], n: number) => [[...sandbox.state.taobao.orders.keys()][n].toString()];
const idParameter = { orderId: '={{ $json.id }}' };
const badId = { id: 'ORD-1' };

type Named = Pick<WriteOp, 'name' | 'type' | 'platform' | 'operation' | 'write' | 'parameters' | 'rows'>;

/** An operation with the usual answers: keys and Max Total, one call per row, the order id it names. */
const writeOp = (op: Named & Partial<WriteOp> & Pick<WriteOp, 'invalid' | 'invalidParameter' | 'made'>): WriteOp => ({
	safety: true,
	batch: false,
	ids: orderIdOf,
	content: () => ({}),
	...op,
});

/** An operation on one existing order per row (its id in `$json.id`), which names that order back. */
const onOrder = (op: Named & Pick<WriteOp, 'content'> & Partial<WriteOp>): WriteOp =>
	writeOp({ invalid: badId, invalidParameter: 'Order ID', made: ownId, ...op });

/** Cancel: no key or Max Total (nothing is bought). */
const cancelOrder = (platform: WriteOp['platform'], write: EndpointKey, rows: WriteOp['rows']): WriteOp =>
	onOrder({
		name: `Order › ${platform === '1688' ? '1688' : 'Taobao'} › Cancel`,
		type: 'pandaponOrder',
		platform,
		operation: 'cancel',
		write,
		parameters: { ...idParameter, cancelReason: 'no longer needed' },
		rows,
		safety: false,
		content: (row) => ({ cancelled: true, orderId: row.id }),
	});

/** Create Order from the cart, one cart line per row; the documented answer names no order, so the row says which cart lines went. */
const cartCreateOrder = (op: Omit<Named, 'type' | 'operation'> & Pick<WriteOp, 'invalid'>): WriteOp =>
	writeOp({
		type: 'pandaponCart',
		operation: 'createOrder',
		invalidParameter: 'Cart IDs',
		ids: () => [],
		made: () => [],
		content: (row) => ({ outcome: 'unknown', accepted: true, cartIds: [row.ids] }),
		...op,
	});

/** 1688 Create and Create Batch: one line per row, its quantity from the row. */
const LINE_ROWS_1688 = {
	parameters: { flow: 'general', lines: { line: [{ ...EARRING, quantity: '={{ $json.q }}' }] }, shippingAddress: ADDRESS_1688 },
	rows: (_sandbox: Sandbox, count: number) => lineRows(count),
	invalid: { q: 0 },
	invalidParameter: 'Lines › Line 1 › Quantity',
};

const refundIdOf = idField('refundId');

export const WRITE_OPS: WriteOp[] = [
	cartCreateOrder({
		name: 'Cart › 1688 › Create Order',
		platform: '1688',
		write: 'cart1688CreateOrder',
		parameters: { cartIds: '={{ $json.ids }}', flow: 'general', shippingAddress: ADDRESS_1688 },
		rows: (sandbox, count) =>
			Array.from({ length: count }, (_, n) => ({ ids: String(sandbox.state.addToCart(BigInt(CART_OFFERS[n].offerId), CART_OFFERS[n].specId, 1).id) })),
		invalid: { ids: '100001, abc' },
	}),
	cartCreateOrder({
		name: 'Cart › Taobao › Create Order',
		platform: 'taobao',
		write: 'taobaoCartCreateOrder',
		parameters: { cartIds: '={{ $json.ids }}', receiver: RECEIVER },
		// One line per row: the same SKU for three buyers (user ids) is three cart lines.
		rows: (sandbox, count) =>
			Array.from({ length: count }, (_, n) => ({ ids: String(sandbox.state.taobao.addToCart({ ...MUG, quantity: 1, userId: `buyer-${n}` }).id) })),
		invalid: { ids: '200001, abc' },
	}),
	writeOp({
		name: 'Order › 1688 › Create',
		type: 'pandaponOrder',
		platform: '1688',
		operation: 'create',
		write: 'order1688Create',
		...LINE_ROWS_1688,
		made: created1688,
	}),
	writeOp({
		name: 'Order › Taobao › Create',
		type: 'pandaponOrder',
		platform: 'taobao',
		operation: 'create',
		write: 'taobaoOrderCreate',
		parameters: { orderLines: { line: [{ itemId: MUG.itemId, skuId: MUG.skuId, quantity: '={{ $json.q }}', price: MUG_PRICE }] }, receiver: RECEIVER },
		rows: (_sandbox, count) => lineRows(count),
		invalid: { q: 0 },
		invalidParameter: 'Order Lines › line 1 › Quantity',
		made: createdTaobao,
		content: () => ({ status: 'WAIT_BUYER_PAY' }),
	}),
	writeOp({
		name: 'Order › 1688 › Create Batch',
		type: 'pandaponOrder',
		platform: '1688',
		operation: 'createBatch',
		write: 'order1688CreateBatch',
		...LINE_ROWS_1688,
		batch: true,
		ids: (json) => (json.orderIds as string[] | undefined) ?? [],
		// Rows of one seller go into one order: every row written names the run's single order.
		made: (sandbox) => [...sandbox.state.orders.keys()],
	}),
	writeOp({
		name: 'Order › 1688 › Pay in Bulk',
		type: 'pandaponOrder',
		platform: '1688',
		operation: 'payInBulk',
		write: 'order1688BulkPay',
		parameters: { orderIds: '={{ $json.id }}' },
		rows: (sandbox, count) => idRows(orders1688(sandbox, count, 'unpaid')),
		invalid: badId,
		invalidParameter: 'Order IDs',
		batch: true,
		ids: (json) => (json.paidOrderIds as string[] | undefined) ?? [],
		made: (_sandbox, rows, n) => [rows[n].id].flat().map(String),
		content: (row) => ({ success: true, paidOrderIds: [row.id].flat() }),
		// 50 orders a call: row 0 fills the first call, rows 1 and 2 share the second.
		chain: {
			rows: (sandbox) => {
				const ids = orders1688(sandbox, 52, 'unpaid');
				return [{ id: ids.slice(0, 50) }, { id: ids[50] }, { id: ids[51] }];
			},
			callsBefore: 1,
			doneRows: [0],
		},
	}),
	onOrder({
		name: 'Order › Taobao › Pay',
		type: 'pandaponOrder',
		platform: 'taobao',
		operation: 'pay',
		write: 'taobaoOrderPay',
		parameters: idParameter,
		rows: (sandbox, count) => idRows(ordersTaobao(sandbox, count)),
		content: (row) => ({ paid: true, orderId: row.id, status: 'WAIT_SELLER_SEND_GOODS' }),
	}),
	cancelOrder('1688', 'order1688Cancel', (sandbox, count) => idRows(orders1688(sandbox, count, 'unpaid'))),
	cancelOrder('taobao', 'taobaoOrderCancel', (sandbox, count) => idRows(ordersTaobao(sandbox, count))),
	onOrder({
		name: 'Order › 1688 › Confirm Receipt',
		type: 'pandaponOrder',
		platform: '1688',
		operation: 'confirmReceipt',
		write: 'order1688ConfirmReceipt',
		parameters: idParameter,
		rows: (sandbox, count) => idRows(orders1688(sandbox, count, 'shipped')),
		safety: false,
		content: (row) => ({ confirmed: true, orderId: row.id }),
	}),
	writeOp({
		name: 'After-Sales › 1688 › Create',
		type: 'pandaponAfterSales',
		platform: '1688',
		operation: 'create',
		write: 'refund1688Create',
		parameters: {
			orderId: '={{ $json.id }}',
			orderEntryIds: '={{ $json.entry }}',
			disputeRequest: 'refund',
			goodsStatus: 'refundWaitSellerSend',
			applyReasonId: 20001,
			applyPayment: 100,
			applyCarriage: 0,
			description: 'no longer wanted',
		},
		rows: (sandbox, count) => orders1688(sandbox, count, 'paid').map((id) => ({ id, entry: sandbox.state.order(id).lines[0].subItemId.toString() })),
		invalid: badId,
		invalidParameter: 'Order ID',
		ids: refundIdOf,
		made: (sandbox, _rows, n) => [[...sandbox.state.refunds.keys()][n]],
		content: (row) => ({ orderId: row.id, applyPayment: 100 }),
	}),
	writeOp({
		name: 'After-Sales › Taobao › Create',
		type: 'pandaponAfterSales',
		platform: 'taobao',
		operation: 'create',
		write: 'taobaoRefundCreate',
		// Paid, not shipped: a refund of the whole sub-order (Taobao's render allows no other amount).
		parameters: { subOrderId: '={{ $json.sub }}', refundType: 1, goodsStatus: 1, reasonId: 1002, refundFee: MUG_PRICE },
		rows: (sandbox, count) => ordersTaobao(sandbox, count, 'paid').map((id) => ({ sub: sandbox.state.taobao.order(id).lines[0].subOrderId.toString() })),
		invalid: { sub: 'SUB-1' },
		invalidParameter: 'Sub-Order ID',
		ids: refundIdOf,
		made: (sandbox, _rows, n) => [[...sandbox.state.taobaoRefunds.refunds.keys()][n]],
		content: (row) => ({ subOrderId: row.sub, refundFee: MUG_PRICE, refundStatus: 'WAIT_SELLER_AGREE' }),
	}),
	writeOp({
		name: 'Logistics › 1688 › Create International Shipment',
		type: 'pandaponLogistics',
		platform: '1688',
		operation: 'createShipment',
		write: 'warehouseShipmentCreate',
		parameters: {
			orderIds: '={{ $json.id }}',
			channelCode: 'YW-LINE',
			consignee: { consignee: { name: 'Jane Doe', phone: '+1 415 555 0100', country: 'us', state: 'CA', city: 'San Francisco', address: '1 Market St', postcode: '94105' } },
			declaredValue: 2500,
		},
		rows: (sandbox, count) => idRows(orders1688(sandbox, count, 'paid')),
		invalid: badId,
		invalidParameter: 'Order IDs',
		ids: idField('shipmentNo'),
		made: (sandbox, _rows, n) => [[...warehouseOf(sandbox.state).shipments.keys()][n]],
		content: (row) => ({ created: true, orderIds: [row.id] }),
	}),
];

/** The faults of the lost-answer and failed-after-acting cells: the sandbox applies the write, then spoils its answer. */
export const AFTER_ACTING: Array<keyof typeof FAULTS> = ['timeout', 'connection reset', '500', '503', 'envelope code != 200'];

/** Refusals Pandapon gives before acting: they prove nothing changed, so the key is free again. */
export const BEFORE_ACTING: Record<string, { kind: Fault['kind']; attempts: number }> = {
	'403 signature refused': { kind: { type: 'status', status: 403, code: CODES.badSignature, msg: 'signature mismatch' }, attempts: 1 },
	'400 validation refused': { kind: FAULTS['400 refused'].kind, attempts: 1 },
	// A write is sent again after a 429 (it proves nothing was done), until the package gives up.
	'429 rate limited': { kind: FAULTS['429'].kind, attempts: RATE_LIMIT_RETRIES + 1 },
};

export type ScenarioName =
	| 'bad row 3 of 3'
	| 'bad row 3 of 3, Continue On Fail'
	| 'same keys again'
	| 'Max Total over on row 3'
	| 'Max Total over on row 3, Continue On Fail'
	| `after acting: ${string}`
	| `before acting: ${string}`
	| 'stop after earlier writes';

export interface Cell {
	op: WriteOp;
	scenario: ScenarioName;
}

/** Every cell that applies: key and Max Total cells only where the operation has them, the stop cell where a run makes several calls. */
export function writeCells(ops: WriteOp[] = WRITE_OPS): Cell[] {
	const cells: Cell[] = [];
	for (const op of ops) {
		const scenarios: ScenarioName[] = ['bad row 3 of 3', 'bad row 3 of 3, Continue On Fail'];
		if (op.safety) scenarios.push('same keys again', 'Max Total over on row 3', 'Max Total over on row 3, Continue On Fail');
		for (const fault of AFTER_ACTING) scenarios.push(`after acting: ${fault}`);
		for (const fault of Object.keys(BEFORE_ACTING)) scenarios.push(`before acting: ${fault}`);
		if (op.chain || !op.batch) scenarios.push('stop after earlier writes');
		cells.push(...scenarios.map((scenario) => ({ op, scenario })));
	}
	return cells;
}

let workflows = 0;

/** What one cell's workflow runs against: a fresh sandbox, a workflow id (and so a key scope) of its own. */
class Stage {
	readonly workflowId = `wf-write-scenario-${++workflows}`;

	constructor(
		readonly op: WriteOp,
		readonly sandbox: Sandbox,
	) {}

	/** Requests that reached the write endpoint, and writes that reached the sandbox's business logic. */
	requests(): number {
		return this.sandbox.log.filter((e) => e.endpoint === this.op.write).length;
	}

	writes(): number {
		return this.sandbox.state.writeCounts.get(ENDPOINTS[this.op.write].path) ?? 0;
	}

	/** Write calls a run of `rows` rows makes. */
	callsFor(rows: number): number {
		return this.op.batch ? Math.min(rows, 1) : rows;
	}

	/** Runs the operation over the rows; `timeout` (ms) only where the sandbox is to leave a write unanswered. */
	async run(rows: IDataObject[], extra: IDataObject, continueOnFail: boolean, timeout?: number): Promise<{ run: IRun; items: INodeExecutionData[] }> {
		const run = await runWorkflow({
			credentials: sandboxCredentials(this.sandbox),
			workflowId: this.workflowId,
			items: rows.map((json) => ({ json })),
			nodes: [
				{
					name: 'Write',
					type: `${PACKAGE}.${this.op.type}`,
					continueOnFail,
					// One row at a time, so which row made which order is the sandbox's order of creation.
					parameters: nodeParameters(this.op, { ...extra, requestOptions: { concurrency: 1, retryDelay: 0, ...(timeout ? { timeout } : {}) } }),
				},
			],
		});
		return { run, items: outputItems(run, 'Write') };
	}
}

interface NodeFailure {
	message: string;
	description?: string;
	context?: IDataObject;
}

const failureOf = (run: IRun) => run.data.resultData.error as unknown as NodeFailure | undefined;
const show = (value: unknown) => JSON.stringify(value);
const keyed = { safety: { idempotencyKey: '={{ $json.key }}' } };
const withKeys = (rows: IDataObject[]) => rows.map((row, n) => ({ ...row, key: `K-${n}` }));

/** Problems with the output of rows written as they should be (each paired, content and ids as the sandbox has them). */
function checkWritten(stage: Stage, rows: IDataObject[], items: INodeExecutionData[], written: number[]): string[] {
	const problems: string[] = [];
	for (const n of written) {
		const item = items.find((i) => show(i.pairedItem) === show({ item: n }));
		if (!item) {
			problems.push(`no output item paired with row ${n}`);
			continue;
		}
		if (item.json.error !== undefined) {
			problems.push(`row ${n} failed: ${String(item.json.error)}`);
			continue;
		}
		for (const [field, value] of Object.entries(stage.op.content(rows[n]))) {
			if (show(item.json[field]) !== show(value)) problems.push(`row ${n}: ${field} is ${show(item.json[field])}, expected ${show(value)}`);
		}
		const expected = stage.op.made(stage.sandbox, rows, n);
		if (show(stage.op.ids(item.json)) !== show(expected)) problems.push(`row ${n} names ids ${show(stage.op.ids(item.json))}, the sandbox made ${show(expected)}`);
	}
	return problems;
}

function checkCounts(stage: Stage, requests: number, writes: number, when: string): string[] {
	const problems: string[] = [];
	if (stage.requests() !== requests) problems.push(`${when}: ${stage.requests()} write requests, expected ${requests}`);
	if (stage.writes() !== writes) problems.push(`${when}: ${stage.writes()} writes reached the sandbox, expected ${writes}`);
	return problems;
}

/** A bad row after good rows: stops before any write; with Continue On Fail the good rows are written. */
async function badRow(stage: Stage, continueOnFail: boolean): Promise<string[]> {
	const rows = stage.op.rows(stage.sandbox, 3);
	rows[2] = { ...rows[2], ...stage.op.invalid };
	const { run, items } = await stage.run(rows, {}, continueOnFail);
	return refusedRow(stage, rows, run, items, continueOnFail, stage.op.invalidParameter);
}

/** Max Total above row 3's total only: the guard runs before any write. */
async function overMaxTotal(stage: Stage, continueOnFail: boolean): Promise<string[]> {
	const rows = stage.op.rows(stage.sandbox, 3).map((row, n) => ({ ...row, cap: n === 2 ? BELOW_EVERY_TOTAL : NO_LIMIT }));
	const { run, items } = await stage.run(rows, { safety: { maxTotalFen: '={{ $json.cap }}' } }, continueOnFail);
	return refusedRow(stage, rows, run, items, continueOnFail, 'Safety › Max Total (Fen)');
}

function refusedRow(stage: Stage, rows: IDataObject[], run: IRun, items: INodeExecutionData[], continueOnFail: boolean, parameter: string): string[] {
	const failure = failureOf(run);
	if (!continueOnFail) {
		const problems = checkCounts(stage, 0, 0, 'stopped run');
		if (!failure) problems.push('the node did not stop');
		else if (!failure.message.startsWith(parameter) || failure.context?.itemIndex !== 2) problems.push(`error "${failure.message}" (item ${failure.context?.itemIndex}) does not name ${parameter} and item 2`);
		return problems;
	}
	const problems = checkCounts(stage, stage.callsFor(2), stage.callsFor(2), 'run');
	if (failure) problems.push(`the node failed: ${failure.message}`);
	if (show(items.map((i) => i.pairedItem)) !== show([{ item: 0 }, { item: 1 }, { item: 2 }])) problems.push(`output pairing ${show(items.map((i) => i.pairedItem))}`);
	const bad = items.find((i) => show(i.pairedItem) === show({ item: 2 }))?.json.error;
	if (typeof bad !== 'string' || !bad.startsWith(parameter)) problems.push(`row 2's error item says ${show(bad)}, expected ${parameter} …`);
	return [...problems, ...checkWritten(stage, rows, items, [0, 1])];
}

/** The same rows with the same keys again: each a duplicate of its own row with the earlier ids, nothing sent. */
async function sameKeys(stage: Stage): Promise<string[]> {
	const rows = withKeys(stage.op.rows(stage.sandbox, 3));
	const first = await stage.run(rows, keyed, false);
	const problems = checkCounts(stage, stage.callsFor(3), stage.callsFor(3), 'first run');
	if (failureOf(first.run)) return [...problems, `the first run failed: ${failureOf(first.run)?.message}`];
	problems.push(...checkWritten(stage, rows, first.items, [0, 1, 2]));
	const again = await stage.run(rows, keyed, false);
	problems.push(...checkCounts(stage, stage.callsFor(3), stage.callsFor(3), 'second run'));
	const expected = rows.map((row, n) => ({
		pairedItem: { item: n },
		json: { duplicate: true, idempotencyKey: row.key, earlierIds: stage.op.ids(first.items.find((i) => show(i.pairedItem) === show({ item: n }))?.json ?? {}) },
	}));
	const got = again.items.map((i) => ({ pairedItem: i.pairedItem, json: i.json }));
	if (show(got) !== show(expected)) problems.push(`second run gave ${show(got)}, expected ${show(expected)}`);
	return problems;
}

/**
 * One row whose write meets a fault: after acting, the item says "unknown", the write is not sent
 * again and its key stays used (a re-run is a duplicate); before acting, the item says "failed"
 * and its key is free (a re-run writes).
 */
async function faulted(stage: Stage, kind: Fault['kind'], afterActing: boolean, attempts: number): Promise<string[]> {
	const rows = stage.op.safety ? withKeys(stage.op.rows(stage.sandbox, 1)) : stage.op.rows(stage.sandbox, 1);
	const extra = stage.op.safety ? keyed : {};
	stage.sandbox.faults.push({ path: ENDPOINTS[stage.op.write].path, when: afterActing ? 'after' : 'before', times: attempts, kind });
	const first = await stage.run(rows, extra, true, kind.type === 'hang' ? UNANSWERED_TIMEOUT_MS : undefined);
	const problems = checkCounts(stage, attempts, afterActing ? 1 : 0, 'faulted run');
	const [item] = first.items;
	const expected = afterActing ? 'unknown' : 'failed';
	if (first.items.length !== 1 || show(item.pairedItem) !== show({ item: 0 })) problems.push(`output ${show(first.items.map((i) => i.pairedItem))}, expected one item paired with row 0`);
	else if (item.json.error === undefined || item.json.outcome !== expected) problems.push(`the row says ${show({ error: item.json.error, outcome: item.json.outcome })}, expected an error with outcome ${expected}`);
	stage.sandbox.faults.length = 0;
	if (afterActing && !stage.op.safety) return problems;
	const again = await stage.run(rows, extra, true);
	if (afterActing) {
		problems.push(...checkCounts(stage, attempts, 1, 're-run'));
		const json = again.items[0]?.json ?? {};
		if (json.duplicate !== true || json.idempotencyKey !== rows[0].key) problems.push(`re-run gave ${show(json)}, expected a duplicate of K-0`);
	} else {
		problems.push(...checkCounts(stage, attempts + 1, 1, 're-run'));
		problems.push(...checkWritten(stage, rows, again.items, [0]).map((p) => `re-run: ${p}`));
	}
	return problems;
}

/**
 * Without Continue On Fail, the write after the earlier ones fails after Pandapon acted (a 500):
 * the node stops, and its error names the rows already written and their ids.
 */
async function stopAfterWrites(stage: Stage): Promise<string[]> {
	const chain = stage.op.chain ?? { rows: (sandbox: Sandbox) => stage.op.rows(sandbox, 3), callsBefore: 2, doneRows: [0, 1] };
	const rows = chain.rows(stage.sandbox);
	stage.sandbox.faults.push({ path: ENDPOINTS[stage.op.write].path, when: 'after', skip: chain.callsBefore, kind: FAULTS['500'].kind });
	const { run } = await stage.run(rows, {}, false);
	const problems = checkCounts(stage, chain.callsBefore + 1, chain.callsBefore + 1, 'run');
	const failure = failureOf(run);
	if (!failure) return [...problems, 'the node did not stop'];
	const done = chain.doneRows.map((n) => ({ items: [n], ids: stage.op.made(stage.sandbox, rows, n) }));
	if (show(failure.context?.alreadyDone) !== show(done)) problems.push(`error context alreadyDone ${show(failure.context?.alreadyDone)}, expected ${show(done)}`);
	for (const d of done) {
		const named = `item ${d.items[0]}${d.ids.length > 0 ? ` → ${d.ids.join(', ')}` : ''}`;
		if (!failure.description?.includes(named)) problems.push(`error description does not name "${named}": ${failure.description}`);
	}
	return problems;
}

/** Runs one cell on a fresh sandbox; the problems found, none when it passed. */
export async function runCell(cell: Cell): Promise<string[]> {
	const sandbox = await startSandbox();
	const stage = new Stage(cell.op, sandbox);
	try {
		const { scenario } = cell;
		if (scenario === 'bad row 3 of 3') return await badRow(stage, false);
		if (scenario === 'bad row 3 of 3, Continue On Fail') return await badRow(stage, true);
		if (scenario === 'same keys again') return await sameKeys(stage);
		if (scenario === 'Max Total over on row 3') return await overMaxTotal(stage, false);
		if (scenario === 'Max Total over on row 3, Continue On Fail') return await overMaxTotal(stage, true);
		if (scenario === 'stop after earlier writes') return await stopAfterWrites(stage);
		if (scenario.startsWith('after acting: ')) {
			const fault = FAULTS[scenario.slice('after acting: '.length) as keyof typeof FAULTS];
			return await faulted(stage, fault.kind, true, 1);
		}
		const refusal = BEFORE_ACTING[scenario.slice('before acting: '.length)];
		return await faulted(stage, refusal.kind, false, refusal.attempts);
	} finally {
		await sandbox.close();
	}
}
