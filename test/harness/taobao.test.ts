import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseJsonBig } from '../../nodes/shared/bigJson';
import { TAOBAO as TAOBAO_CONTRACT } from '../../sandbox/contract/taobao';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { SandboxEvent } from '../../sandbox/records';
import type { EndpointKey } from '../../nodes/shared/catalogue';
import { output, PACKAGE, runWorkflow, sandboxCredentials } from './engine';
import type { WorkflowSpec } from './engine';

const CART = `${PACKAGE}.pandaponCart`;
const ORDER = `${PACKAGE}.pandaponOrder`;
const LOGISTICS = `${PACKAGE}.pandaponLogistics`;

const SHOES = { itemId: '681234567890', mpId: 'MP681234567890', skuId: '4961234500001', mpSkuId: 'MPSKU4961234500001' };
const SHOES_SOLD_OUT = { ...SHOES, skuId: '4961234500002', mpSkuId: 'MPSKU4961234500002' };
const MUG = { itemId: '690011223344', mpId: 'MP690011223344', skuId: '5012233445501', mpSkuId: 'MPSKU5012233445501' };
const SHOES_PRICE = 12900;
const MUG_PRICE = 2990;
const MUG_SHOP_POSTAGE = 600;

const FIRST_ORDER = '4015593720611380219';
const SECOND_ORDER = '4015593720612380222';
const FIRST_SUB_ORDER = '4015593720611380301';

/** The receiver as the node takes it, and as the API must receive it. */
const RECEIVER_PARAM = {
	address: {
		name: '王小明 (A123)',
		mobilePhone: '13800138000',
		country: 'CN',
		state: '浙江省',
		city: '杭州市',
		district: '余杭区',
		address: '文一西路969号 3号仓',
		zip: '311121',
	},
};
const RECEIVER_WIRE = {
	name: '王小明 (A123)',
	mobile_phone: '13800138000',
	country: 'CN',
	state: '浙江省',
	city: '杭州市',
	district: '余杭区',
	address: '文一西路969号 3号仓',
	zip: '311121',
};
const RECEIVER_STATE = { name: '仓库', mobile_phone: '13800138000', state: '浙江省', city: '杭州市', address: '文一西路969号' };

let sandbox: Sandbox;
let events: SandboxEvent[];

beforeEach(async () => {
	sandbox = await startSandbox();
	events = [];
	sandbox.state.onEvent((e) => events.push(e));
});

afterEach(async () => {
	expect(sandbox.log.filter((e) => e.contractErrors ?? e.responseErrors)).toEqual([]);
	await sandbox.close();
});

type Nodes = WorkflowSpec['nodes'];

async function run(nodes: Nodes, items?: INodeExecutionData[], extra: Partial<WorkflowSpec> = {}) {
	return await runWorkflow({ credentials: sandboxCredentials(sandbox), nodes, items, ...extra });
}

function calls(endpoint: EndpointKey) {
	return sandbox.log.filter((e) => e.endpoint === endpoint);
}

function body(endpoint: EndpointKey, n = 0): IDataObject {
	return JSON.parse(calls(endpoint)[n].body) as IDataObject;
}

interface RunError {
	name?: string;
	message: string;
	context?: { pandapon?: Record<string, unknown> };
}

function errorOf(result: Awaited<ReturnType<typeof run>>): RunError {
	const error = result.data.resultData.error as unknown as RunError | undefined;
	if (!error) throw new Error('the workflow did not fail');
	return error;
}

function order(parameters: IDataObject): Nodes[number] {
	return { name: 'Order', type: ORDER, parameters: { resource: 'taobao', ...parameters } };
}

function cart(parameters: IDataObject): Nodes[number] {
	return { name: 'Cart', type: CART, parameters: { resource: 'taobao', ...parameters } };
}

function addShoesAndMug() {
	const shoes = sandbox.state.taobao.addToCart({ ...SHOES, quantity: 2 });
	const mug = sandbox.state.taobao.addToCart({ ...MUG, quantity: 3 });
	return { shoes, mug };
}

function stateOrder(lines: Array<{ item: typeof SHOES; quantity: number; priceFen: number }>) {
	return sandbox.state.taobao.createOrder(
		lines.map((l) => ({ itemId: l.item.itemId, skuId: l.item.skuId, title: 'seeded', quantity: l.quantity, priceFen: l.priceFen })),
		RECEIVER_STATE,
	);
}

function paidOrder() {
	const created = stateOrder([
		{ item: SHOES, quantity: 1, priceFen: SHOES_PRICE },
		{ item: MUG, quantity: 2, priceFen: MUG_PRICE },
	]);
	sandbox.state.taobao.pay(created.id);
	return created;
}

describe('Pandapon Cart (Taobao)', () => {
	it('adds an item with its optional fields; the item ID goes as a bare integer and properties as a JSON string', async () => {
		const properties = [{ propId: '20549', propName: '尺码', valueId: '28383', valueName: '42' }];
		const result = await run([
			cart({
				operation: 'addItem',
				...SHOES,
				quantity: 2,
				additionalFields: {
					itemTitle: 'Running shoes',
					price: 15900,
					promotionPrice: 12900,
					properties: JSON.stringify(properties),
					shopId: '57300112',
					shopName: '跑者之家旗舰店',
					skuQuantity: 300,
					userId: '2100007341207',
					userNick: 'runner_home',
				},
			}),
		]);
		expect(result.data.resultData.error).toBeUndefined();
		expect(output(result, 'Cart')).toEqual([
			expect.objectContaining({ added: true, cartId: '200001', itemId: SHOES.itemId, skuId: SHOES.skuId, quantity: 2 }),
		]);
		const raw = calls('taobaoCartAdd')[0].body;
		expect(raw).toContain(`"itemId":${SHOES.itemId},`);
		expect(raw).toContain('"shopId":57300112');
		expect(JSON.parse(raw)).toEqual({
			...SHOES,
			itemId: Number(SHOES.itemId),
			quantity: 2,
			userId: '2100007341207',
			itemTitle: 'Running shoes',
			price: 15900,
			promotionPrice: 12900,
			properties: JSON.stringify(properties),
			shopId: 57300112,
			shopName: '跑者之家旗舰店',
			skuQuantity: '300',
			userNick: 'runner_home',
		});
		expect(sandbox.state.taobao.cartLine(200001)).toMatchObject({ quantity: 2, title: 'Running shoes', userId: '2100007341207' });
	});

	it('refuses an MP SKU ID that does not belong to the SKU (API error with code and msg)', async () => {
		const result = await run([cart({ operation: 'addItem', ...SHOES, mpSkuId: MUG.mpSkuId, quantity: 1 })]);
		const error = errorOf(result);
		expect(error.message).toMatch(/^Outcome unknown: MP ID .* do not belong to item 681234567890.*\(code 4040\)$/);
		expect(error.context?.pandapon).toMatchObject({ code: '4040', outcome: 'unknown' });
		expect(sandbox.state.taobao.cart.size).toBe(0);
	});

	it('refuses malformed properties and a non-numeric SKU ID before any request', async () => {
		const result = await run(
			[
				cart({
					operation: 'addItem',
					...SHOES,
					skuId: '={{ $json.sku }}',
					quantity: 1,
					additionalFields: { properties: '={{ $json.props }}' },
				}),
			],
			[{ json: { sku: SHOES.skuId, props: '[{"propId": "1"}]' } }],
		);
		expect(errorOf(result).message).toBe('Properties (JSON) › entry 1: "propName" is missing');
		const second = await run([cart({ operation: 'addItem', ...SHOES, skuId: 'abc', quantity: 1 })]);
		expect(errorOf(second).message).toBe('SKU ID: "abc" is not a numeric ID of at most 19 digits');
		expect(calls('taobaoCartAdd')).toHaveLength(0);
	});

	it('lists the cart per line with Limit and Simplify, and everything (sold-out too) raw', async () => {
		addShoesAndMug();
		sandbox.state.taobao.addToCart({ ...SHOES_SOLD_OUT, quantity: 1 });
		const limited = await run([cart({ operation: 'getMany', limit: 1 })]);
		expect(output(limited, 'Cart')).toEqual([
			{
				id: '200001',
				itemId: SHOES.itemId,
				skuId: SHOES.skuId,
				mpId: SHOES.mpId,
				mpSkuId: SHOES.mpSkuId,
				itemTitle: expect.stringContaining('running shoes'),
				quantity: 2,
				price: 15900,
				priceYuan: 159,
				promotionPrice: 12900,
				promotionPriceYuan: 129,
				shopName: '跑者之家旗舰店',
				available: true,
			},
		]);
		const all = await run([cart({ operation: 'getMany', returnAll: true, includeUnavailable: true, simplify: false })]);
		const lines = output(all, 'Cart');
		expect(lines.map((l) => [l.id, l.available])).toEqual([
			['200001', true],
			['200002', true],
			['200003', false],
		]);
		expect(lines[1]).toMatchObject({ shopId: '61800045', skuQuantity: '1000', properties: expect.stringContaining('白色') });
		expect(calls('taobaoCartList')).toHaveLength(2);
	});

	it('filters the cart by user and refuses a Limit of 0 before any request', async () => {
		sandbox.state.taobao.addToCart({ ...SHOES, quantity: 1, userId: '2100007341207' });
		sandbox.state.taobao.addToCart({ ...MUG, quantity: 1, userId: '999' });
		const filtered = await run([cart({ operation: 'getMany', returnAll: true, filters: { userId: '999' } })]);
		expect(output(filtered, 'Cart').map((l) => l.itemId)).toEqual([MUG.itemId]);
		const before = calls('taobaoCartList').length;
		const refused = await run([cart({ operation: 'getMany', limit: 0 })]);
		expect(errorOf(refused).message).toMatch(/^Limit: "?0"? is not a whole number .*$/);
		expect(calls('taobaoCartList')).toHaveLength(before);
	});

	it('updates a quantity, and refuses an unknown cart line', async () => {
		const { shoes } = addShoesAndMug();
		const ok = await run([cart({ operation: 'updateQuantity', cartId: String(shoes.id), quantity: 5 })]);
		expect(output(ok, 'Cart')).toEqual([expect.objectContaining({ updated: true, cartId: '200001', quantity: 5 })]);
		expect(body('taobaoCartEditQuantity')).toEqual({ id: 200001, quantity: 5 });
		expect(sandbox.state.taobao.cartLine(shoes.id).quantity).toBe(5);

		const refused = await run([cart({ operation: 'updateQuantity', cartId: '299999', quantity: 1 })]);
		expect(errorOf(refused).context?.pandapon).toMatchObject({ code: '4040', msg: 'Taobao cart item 299999 does not exist' });
	});

	it('removes items, and refuses an empty Cart IDs before any request', async () => {
		const { shoes, mug } = addShoesAndMug();
		const ok = await run([cart({ operation: 'removeItems', cartIds: `${shoes.id}, ${mug.id}` })]);
		expect(output(ok, 'Cart')).toEqual([expect.objectContaining({ deleted: true, cartIds: ['200001', '200002'] })]);
		expect(body('taobaoCartDelete')).toEqual({ ids: [200001, 200002] });
		expect(sandbox.state.taobao.cart.size).toBe(0);

		const refused = await run([cart({ operation: 'removeItems', cartIds: ' ' })]);
		expect(errorOf(refused).message).toBe('Cart IDs: at least one ID is required');
		expect(calls('taobaoCartDelete')).toHaveLength(1);
	});

	it('previews cart lines with postage, in fen with yuan beside, and refuses a sold-out line', async () => {
		const { shoes, mug } = addShoesAndMug();
		const ok = await run([cart({ operation: 'previewOrder', cartIds: [String(shoes.id), String(mug.id)] })]);
		const [preview] = output(ok, 'Cart');
		const total = 2 * SHOES_PRICE + 3 * MUG_PRICE + MUG_SHOP_POSTAGE;
		expect(preview).toMatchObject({ totalAmount: total, totalAmountYuan: total / 100, postFee: 600, postFeeYuan: 6, currency: 'CNY' });
		expect((preview.lines as IDataObject[])[1]).toMatchObject({ cartId: '200002', itemId: MUG.itemId, price: MUG_PRICE, priceYuan: 29.9, amount: 3 * MUG_PRICE });
		expect(body('taobaoCartPreview')).toEqual({ ids: [200001, 200002] });

		const soldOut = sandbox.state.taobao.addToCart({ ...SHOES_SOLD_OUT, quantity: 1 });
		const refused = await run([cart({ operation: 'previewOrder', cartIds: String(soldOut.id) })]);
		expect(errorOf(refused).context?.pandapon).toMatchObject({ code: '4090', msg: expect.stringContaining('has 0 in stock') });
	});

	it('creates one order from the cart with the documented body; the 19-digit order ID stays exact', async () => {
		const { shoes, mug } = addShoesAndMug();
		const result = await run([
			cart({
				operation: 'createOrder',
				cartIds: `${shoes.id},${mug.id}`,
				receiver: RECEIVER_PARAM,
				additionalFields: { userId: '2100007341207' },
				safety: { idempotencyKey: 'shop-1042' },
			}),
		]);
		expect(result.data.resultData.error).toBeUndefined();
		const [created] = output(result, 'Cart');
		// The documented answer is a bare envelope: the order exists, but the answer does not say which.
		expect(created).toMatchObject({ outcome: 'unknown', accepted: true, raw: null, cartIds: ['200001', '200002'], idempotencyKey: 'shop-1042' });
		expect(created.clientRequestId).toBe(calls('taobaoCartCreateOrder')[0].headers['nonce-str']);
		expect(sandbox.state.taobao.order(FIRST_ORDER).lines).toEqual([
			expect.objectContaining({ subOrderId: BigInt(FIRST_SUB_ORDER), itemId: SHOES.itemId, quantity: 2 }),
			expect.anything(),
		]);
		expect(body('taobaoCartCreateOrder')).toEqual({ ids: [200001, 200002], orderAddress: RECEIVER_WIRE, userId: '2100007341207' });
		// Without Max Total or Dry Run there is nothing to preview.
		expect(calls('taobaoCartPreview')).toHaveLength(0);
		expect(sandbox.state.taobao.cart.size).toBe(0);
		expect(sandbox.state.taobao.order(FIRST_ORDER)).toMatchObject({ userId: '2100007341207', cartIds: [200001, 200002] });
		expect(events.map((e) => [e.type, e.platform, e.orderId])).toEqual([['create', 'taobao', FIRST_ORDER]]);
	});

	it('stops before creating when the previewed total is above Max Total, and Dry Run only previews', async () => {
		const { shoes, mug } = addShoesAndMug();
		const guarded = await run([
			cart({ operation: 'createOrder', cartIds: `${shoes.id},${mug.id}`, receiver: RECEIVER_PARAM, safety: { maxTotalFen: 30000 } }),
		]);
		expect(errorOf(guarded).message).toBe(
			'Safety › Max Total (Fen): the previewed total 35370 fen (¥353.7) is above the limit of 30000 fen; nothing was created or paid',
		);
		const dry = await run([
			cart({ operation: 'createOrder', cartIds: `${shoes.id},${mug.id}`, receiver: RECEIVER_PARAM, safety: { dryRun: true } }),
		]);
		expect(output(dry, 'Cart')).toEqual([expect.objectContaining({ dryRun: true, totalFen: 35370, totalYuan: 353.7 })]);
		expect(calls('taobaoCartPreview')).toHaveLength(2);
		expect(calls('taobaoCartCreateOrder')).toHaveLength(0);
		expect(sandbox.state.taobao.orders.size).toBe(0);
	});

	it('refuses a receiver without a phone before any request', async () => {
		const { shoes } = addShoesAndMug();
		const receiver = { address: { ...RECEIVER_PARAM.address, mobilePhone: '' } };
		const result = await run([cart({ operation: 'createOrder', cartIds: String(shoes.id), receiver })]);
		expect(errorOf(result).message).toBe('Receiver › Mobile Phone: mobile phone or phone is required');
		expect(sandbox.log).toHaveLength(0);
	});
});

describe('Pandapon Order (Taobao)', () => {
	const line = (item: typeof SHOES, quantity: number, price: number, orderLineNo?: string) => ({
		itemId: item.itemId,
		skuId: item.skuId,
		quantity,
		price,
		...(orderLineNo ? { orderLineNo } : {}),
	});

	it('previews lines given as fields and as JSON; both JSON-in-a-string fields are sent as documented', async () => {
		const result = await run([
			order({
				operation: 'preview',
				orderLines: { line: [line(SHOES, 2, 15900)] },
				orderLinesJson: JSON.stringify([line(MUG, 3, MUG_PRICE, 'M-1')]),
				receiver: RECEIVER_PARAM,
			}),
		]);
		expect(result.data.resultData.error).toBeUndefined();
		const sent = body('taobaoOrderPreview');
		expect(typeof sent.orderLineList).toBe('string');
		expect(JSON.parse(sent.orderLineList as string)).toEqual([
			{ itemId: SHOES.itemId, orderLineNo: '1', quantity: 2, price: 15900, currency: 'CNY', skuId: SHOES.skuId },
			{ itemId: MUG.itemId, orderLineNo: 'M-1', quantity: 3, price: MUG_PRICE, currency: 'CNY', skuId: MUG.skuId },
		]);
		expect(JSON.parse(sent.receiver as string)).toEqual(RECEIVER_WIRE);
		const [preview] = output(result, 'Order');
		const total = 2 * SHOES_PRICE + 3 * MUG_PRICE + MUG_SHOP_POSTAGE;
		expect(preview).toMatchObject({ totalAmount: total, totalAmountYuan: total / 100, postFee: 600, canBuy: true });
		expect((preview.orderLines as IDataObject[])[0]).toMatchObject({ itemId: SHOES.itemId, price: SHOES_PRICE, requestedPrice: 15900, priceChanged: true });
	});

	it('refuses invalid order-line JSON, a zero quantity and duplicate line numbers before any request', async () => {
		const params = { operation: 'preview', receiver: RECEIVER_PARAM };
		const badJson = await run([order({ ...params, orderLinesJson: '[{"itemId": ' })]);
		expect(errorOf(badJson).message).toBe('Order Lines (JSON): is not valid JSON');
		const zero = await run([order({ ...params, orderLines: { line: [line(SHOES, 0, SHOES_PRICE)] } })]);
		expect(errorOf(zero).message).toBe('Order Lines › line 1 › Quantity: must be a whole number from 1 to 1000000');
		const typo = await run([order({ ...params, orderLinesJson: [{ ...line(SHOES, 1, SHOES_PRICE), qty: 2 }] })]);
		expect(errorOf(typo).message).toBe('Order Lines (JSON) › line 1: unknown field "qty"');
		const twice = await run([
			order({ ...params, orderLines: { line: [line(SHOES, 1, SHOES_PRICE, '7')] }, orderLinesJson: [line(MUG, 1, MUG_PRICE, '7')] }),
		]);
		expect(errorOf(twice).message).toBe('Order Lines: order line number "7" is used twice');
		const none = await run([order({ ...params })]);
		expect(errorOf(none).message).toBe('Order Lines: at least one line is required');
		expect(sandbox.log).toHaveLength(0);
	});

	it('refuses an unknown SKU in a preview (API error)', async () => {
		const result = await run([
			order({ operation: 'preview', orderLines: { line: [{ ...line(SHOES, 1, 100), skuId: '1' }] }, receiver: RECEIVER_PARAM }),
		]);
		expect(errorOf(result).context?.pandapon).toMatchObject({ code: '4040', msg: 'Taobao item 681234567890 has no SKU 1' });
	});

	it('creates an order with budget, source and shop order number; the same idempotency key creates nothing twice', async () => {
		const staticData: IDataObject = {};
		const nodes = [
			order({
				operation: 'create',
				orderLines: { line: [line(SHOES, 2, SHOES_PRICE)] },
				orderLinesJson: '={{ $json.lines }}',
				receiver: RECEIVER_PARAM,
				additionalFields: { purchaseAmount: 40000, orderSource: 'shopify', sellerOrderNumber: '#1042' },
				safety: { idempotencyKey: '={{ $json.shopOrder }}' },
			}),
		];
		const items = [{ json: { shopOrder: '1042', lines: [line(MUG, 3, MUG_PRICE)] } }];
		const first = await run(nodes, items, { staticData, workflowId: 'wf-taobao-create' });
		expect(first.data.resultData.error).toBeUndefined();
		const total = 2 * SHOES_PRICE + 3 * MUG_PRICE + MUG_SHOP_POSTAGE;
		expect(output(first, 'Order')).toEqual([
			{
				orderId: FIRST_ORDER,
				status: 'WAIT_BUYER_PAY',
				totalAmount: total,
				totalAmountYuan: total / 100,
				postFee: 600,
				postFeeYuan: 6,
				subOrders: [
					{ subOrderId: FIRST_SUB_ORDER, orderLineNo: '1', itemId: SHOES.itemId, skuId: SHOES.skuId, quantity: 2, price: SHOES_PRICE, priceYuan: 129 },
					expect.objectContaining({ orderLineNo: '2', itemId: MUG.itemId }),
				],
				requestId: expect.any(String),
				purchaseAmount: 40000,
				purchaseAmountFrom: 'parameter',
				idempotencyKey: '1042',
			},
		]);
		const sent = body('taobaoOrderCreate');
		expect(Object.keys(sent)).toEqual(['orderLineList', 'receiver', 'purchaseAmount', 'orderSource', 'sellerOrderNumber']);
		expect(sent).toMatchObject({ purchaseAmount: 40000, orderSource: 'shopify', sellerOrderNumber: '#1042' });
		expect(JSON.parse(sent.receiver as string)).toEqual(RECEIVER_WIRE);

		const again = await run(nodes, items, { staticData, workflowId: 'wf-taobao-create' });
		expect(output(again, 'Order')).toEqual([{ duplicate: true, idempotencyKey: '1042', earlierIds: [FIRST_ORDER] }]);
		expect(calls('taobaoOrderCreate')).toHaveLength(1);
		expect(sandbox.state.taobao.order(FIRST_ORDER)).toMatchObject({ purchaseAmountFen: 40000, orderSource: 'shopify', sellerOrderNumber: '#1042' });
	});

	it('sends the previewed total as the required purchaseAmount when no budget is given, and says so', async () => {
		const result = await run([order({ operation: 'create', orderLines: { line: [line(MUG, 3, MUG_PRICE)] }, receiver: RECEIVER_PARAM })]);
		const total = 3 * MUG_PRICE + MUG_SHOP_POSTAGE;
		expect(output(result, 'Order')).toEqual([expect.objectContaining({ orderId: FIRST_ORDER, purchaseAmount: total, purchaseAmountFrom: 'preview' })]);
		expect(body('taobaoOrderCreate')).toMatchObject({ purchaseAmount: total });
		expect(calls('taobaoOrderPreview')).toHaveLength(1);
		// Purchase Amount added but left at its default 0 is "not given" too, not a budget of nothing.
		const atDefault = await run([
			order({ operation: 'create', orderLines: { line: [line(MUG, 3, MUG_PRICE)] }, receiver: RECEIVER_PARAM, additionalFields: { purchaseAmount: 0 } }),
		]);
		expect(output(atDefault, 'Order')).toEqual([expect.objectContaining({ purchaseAmount: total, purchaseAmountFrom: 'preview' })]);
		// A line left at the Unit Price default (0) is refused before anything is sent.
		const noPrice = await run([order({ operation: 'create', orderLines: { line: [line(MUG, 3, 0)] }, receiver: RECEIVER_PARAM })]);
		expect(errorOf(noPrice).message).toMatch(/Unit Price \(Fen\).*must be a whole number of fen from 1/);
		expect(calls('taobaoOrderCreate')).toHaveLength(2);
	});

	it('refuses a stale price and a budget below the total (API errors); Max Total stops it before the create', async () => {
		const stale = await run([order({ operation: 'create', orderLines: { line: [line(SHOES, 1, 15900)] }, receiver: RECEIVER_PARAM })]);
		expect(errorOf(stale).message).toBe(
			'Outcome unknown: the price of SKU 4961234500001 is now 12900 fen, not 15900; preview the order again (code 4090)',
		);
		const budget = await run([
			order({ operation: 'create', orderLines: { line: [line(MUG, 3, MUG_PRICE)] }, receiver: RECEIVER_PARAM, additionalFields: { purchaseAmount: 9000 } }),
		]);
		expect(errorOf(budget).context?.pandapon).toMatchObject({ code: '4090', msg: expect.stringContaining('above the purchase amount') });
		const guarded = await run([
			order({ operation: 'create', orderLines: { line: [line(MUG, 3, MUG_PRICE)] }, receiver: RECEIVER_PARAM, safety: { maxTotalFen: 9000 } }),
		]);
		expect(errorOf(guarded).message).toMatch(/^Safety › Max Total \(Fen\): the previewed total 9570 fen/);
		expect(calls('taobaoOrderCreate')).toHaveLength(2);
		// Once for the stale create (no budget given: the preview's total becomes purchaseAmount), once for Max Total.
		expect(calls('taobaoOrderPreview')).toHaveLength(2);
		expect(sandbox.state.taobao.orders.size).toBe(0);
	});

	it('gets an order simplified (ids as text, fen with yuan) and raw', async () => {
		const created = stateOrder([{ item: SHOES, quantity: 2, priceFen: SHOES_PRICE }]);
		const result = await run([order({ operation: 'get', orderId: FIRST_ORDER })]);
		expect(output(result, 'Order')).toEqual([
			{
				orderId: FIRST_ORDER,
				status: 'WAIT_BUYER_PAY',
				totalAmount: 25800,
				totalAmountYuan: 258,
				postFee: 0,
				postFeeYuan: 0,
				createTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
				receiverName: '仓库',
				lines: [{ subOrderId: FIRST_SUB_ORDER, itemId: SHOES.itemId, skuId: SHOES.skuId, title: 'seeded', quantity: 2, price: SHOES_PRICE, priceYuan: 129 }],
			},
		]);
		const raw = await run([order({ operation: 'get', orderId: created.id.toString(), simplify: false })]);
		expect(output(raw, 'Order')[0]).toMatchObject({ orderId: FIRST_ORDER, goodsAmount: 25800, currency: 'CNY', vouchers: [], preWarehouseModified: false });
		expect(calls('taobaoOrderDetail')).toHaveLength(2);
	});

	it('refuses an unknown order (API error) and an order ID that lost digits in a number (input error)', async () => {
		const unknown = await run([order({ operation: 'get', orderId: '4015593720611380000' })]);
		expect(errorOf(unknown).context?.pandapon).toMatchObject({ code: '4040', msg: 'Taobao order 4015593720611380000 does not exist' });
		const rounded = await run([order({ operation: 'get', orderId: '={{ 4015593720611380219 }}' })]);
		expect(errorOf(rounded).message).toMatch(/^Order ID: 4015593720611380\d+ is a number that has already lost digits/);
		expect(calls('taobaoOrderDetail')).toHaveLength(1);
	});

	it('pages through orders with a fixed page size: Return All, a Limit across pages, and a status filter', async () => {
		for (let n = 0; n < 55; n++) stateOrder([{ item: MUG, quantity: 1 + n, priceFen: MUG_PRICE }]);
		const newestFirst = sandbox.state.taobao.list().map((o) => o.id.toString());
		sandbox.state.taobao.pay(newestFirst[3]);
		sandbox.state.taobao.pay(newestFirst[40]);

		const all = await run([order({ operation: 'getMany', returnAll: true })]);
		expect(output(all, 'Order').map((o) => o.orderId)).toEqual(newestFirst);
		expect(calls('taobaoOrderPage')).toHaveLength(2);

		const limited = await run([order({ operation: 'getMany', limit: 52, simplify: false })]);
		const limitedIds = output(limited, 'Order').map((o) => String(o.orderId));
		expect(limitedIds).toEqual(newestFirst.slice(0, 52));
		expect(calls('taobaoOrderPage')).toHaveLength(4);

		const paid = await run([order({ operation: 'getMany', returnAll: true, filters: { status: 'WAIT_SELLER_SEND_GOODS' } })]);
		expect(output(paid, 'Order').map((o) => o.orderId)).toEqual([newestFirst[3], newestFirst[40]]);
	});

	it('refuses a Limit that is not a whole number before any request', async () => {
		const result = await run([order({ operation: 'getMany', limit: 2.5 })]);
		expect(errorOf(result).message).toMatch(/^Limit: "?2\.5"? is not a whole number .*$/);
		expect(sandbox.log).toHaveLength(0);
	});

	it('cancels an unpaid order, and refuses to cancel a paid one', async () => {
		stateOrder([{ item: MUG, quantity: 1, priceFen: MUG_PRICE }]);
		const ok = await run([order({ operation: 'cancel', orderId: FIRST_ORDER, cancelReason: 'Customer cancelled' })]);
		expect(output(ok, 'Order')).toEqual([expect.objectContaining({ cancelled: true, orderId: FIRST_ORDER })]);
		expect(calls('taobaoOrderCancel')[0].body).toBe(`{"orderId":${FIRST_ORDER},"cancelReason":"Customer cancelled"}`);
		expect(sandbox.state.taobao.order(FIRST_ORDER)).toMatchObject({ status: 'TRADE_CLOSED', cancelReason: 'Customer cancelled' });

		paidOrder();
		const refused = await run([order({ operation: 'cancel', orderId: SECOND_ORDER })]);
		expect(errorOf(refused).context?.pandapon).toMatchObject({ code: '4090', outcome: 'unknown' });
		expect(events.map((e) => e.type)).toEqual(['create', 'cancel', 'create', 'pay']);
	});

	it('pays an order; Max Total is checked against the order total as changed by the seller', async () => {
		const created = stateOrder([{ item: MUG, quantity: 2, priceFen: MUG_PRICE }]);
		sandbox.state.taobao.changePrice(created.id, 1500);
		const guarded = await run([order({ operation: 'pay', orderId: FIRST_ORDER, safety: { maxTotalFen: 7000 } })]);
		expect(errorOf(guarded).message).toMatch(/^Safety › Max Total \(Fen\): the previewed total 7480 fen \(¥74\.8\)/);
		expect(calls('taobaoOrderPay')).toHaveLength(0);
		expect(calls('taobaoOrderDetail')).toHaveLength(1);

		const ok = await run([order({ operation: 'pay', orderId: FIRST_ORDER, safety: { maxTotalFen: 7480 } })]);
		expect(output(ok, 'Order')).toEqual([
			expect.objectContaining({ paid: true, orderId: FIRST_ORDER, status: 'WAIT_SELLER_SEND_GOODS', paidAmount: 7480, paidAmountYuan: 74.8 }),
		]);
		expect(calls('taobaoOrderPay')[0].body).toBe(`{"orderId":${FIRST_ORDER}}`);
		expect(events.map((e) => [e.type, e.detail])).toEqual([
			['create', undefined],
			['priceChange', { postFee: 1500, totalAmount: 7480 }],
			['pay', { totalAmount: 7480 }],
		]);
	});

	it('refuses to pay an order twice (API error, not retried)', async () => {
		paidOrder();
		const result = await run([order({ operation: 'pay', orderId: FIRST_ORDER })]);
		expect(errorOf(result).context?.pandapon).toMatchObject({ code: '4090', msg: expect.stringContaining('not waiting for payment') });
		expect(calls('taobaoOrderPay')).toHaveLength(1);
	});

	it('uploads a voucher image from a binary property as base64, and one from a URL', async () => {
		stateOrder([{ item: MUG, quantity: 1, priceFen: MUG_PRICE }]);
		const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
		const binaryItem: INodeExecutionData = {
			json: {},
			binary: { slip: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'slip.png' } },
		};
		const fromBinary = await run(
			[order({ operation: 'uploadPaymentVoucher', orderId: FIRST_ORDER, imageSource: 'binary', binaryPropertyName: 'slip', remark: 'ref 88231' })],
			[binaryItem],
		);
		expect(fromBinary.data.resultData.error).toBeUndefined();
		expect(output(fromBinary, 'Order')).toEqual([expect.objectContaining({ uploaded: true, orderId: FIRST_ORDER, voucherCount: 1 })]);
		expect(calls('taobaoOrderVoucher')[0].body).toBe(`{"orderId":${FIRST_ORDER},"imageBase64":"${png.toString('base64')}","remark":"ref 88231"}`);

		const fromUrl = await run([
			order({ operation: 'uploadPaymentVoucher', orderId: FIRST_ORDER, imageSource: 'url', imageUrl: 'https://example.com/slip.jpg' }),
		]);
		expect(output(fromUrl, 'Order')).toEqual([
			expect.objectContaining({ voucherUrl: 'https://example.com/slip.jpg', voucherCount: 2 }),
		]);
		// Read with every digit: JSON.parse would round both sides of a Number() comparison alike.
		expect(parseJsonBig(calls('taobaoOrderVoucher')[1].body, { asBigInt: true })).toEqual({ orderId: BigInt(FIRST_ORDER), imageAddress: 'https://example.com/slip.jpg' });
	});

	it('refuses a voucher that is not an image before any request, and one for a paid order (API error)', async () => {
		paidOrder();
		const pdf: INodeExecutionData = { json: {}, binary: { data: { data: 'JVBERi0=', mimeType: 'application/pdf', fileName: 'slip.pdf' } } };
		const notImage = await run([order({ operation: 'uploadPaymentVoucher', orderId: FIRST_ORDER })], [pdf]);
		expect(errorOf(notImage).message).toBe('Input Binary Field: "data" is application/pdf, not an image');
		expect(calls('taobaoOrderVoucher')).toHaveLength(0);

		const paid = await run([
			order({ operation: 'uploadPaymentVoucher', orderId: FIRST_ORDER, imageSource: 'url', imageUrl: 'https://example.com/slip.jpg' }),
		]);
		expect(errorOf(paid).context?.pandapon).toMatchObject({ code: '4090', msg: expect.stringContaining('vouchers are for orders waiting for payment') });
	});

	it('updates the pre-warehouse receiver (a JSON string, as create sends it) until the order ships', async () => {
		const created = paidOrder();
		const warehouse = { address: { ...RECEIVER_PARAM.address, name: '新仓库 B7', address: '仓前街道 88 号' } };
		const ok = await run([order({ operation: 'updatePreWarehouseInfo', orderId: FIRST_ORDER, receiver: warehouse })]);
		expect(output(ok, 'Order')).toEqual([expect.objectContaining({ updated: true, orderId: FIRST_ORDER })]);
		const sent = body('taobaoOrderWarehouse');
		expect(JSON.parse(sent.receiver as string)).toEqual({ ...RECEIVER_WIRE, name: '新仓库 B7', address: '仓前街道 88 号' });
		expect(sandbox.state.taobao.order(FIRST_ORDER).warehouse).toMatchObject({ name: '新仓库 B7' });

		sandbox.state.taobao.ship(created.id, [created.lines[0].subOrderId]);
		const refused = await run([order({ operation: 'updatePreWarehouseInfo', orderId: FIRST_ORDER, receiver: warehouse })]);
		expect(errorOf(refused).context?.pandapon).toMatchObject({ code: '4090', msg: expect.stringContaining('has shipped parcels') });
	});

	it('gets an IM link with the documented example body, and refuses an unknown item', async () => {
		const ok = await run([order({ operation: 'getImLink', sourceType: 'item', bizId: SHOES.itemId })]);
		expect(calls('taobaoOrderImLink')[0].body).toBe(`{"sourceType":"item","bizId":"${SHOES.itemId}"}`);
		expect(output(ok, 'Order')).toEqual([
			expect.objectContaining({ url: expect.stringMatching(/^https:\/\/distributor\.taobao\.global\/apps\/open\/imchat\?/), sourceType: 'item', bizId: SHOES.itemId }),
		]);
		const refused = await run([order({ operation: 'getImLink', sourceType: 'item', bizId: '234576234' })]);
		expect(errorOf(refused).context?.pandapon).toMatchObject({ code: '4040', msg: 'Taobao item 234576234 does not exist' });
	});
});

describe('Pandapon Logistics (Taobao)', () => {
	const tracking = (parameters: IDataObject = {}): Nodes[number] => ({
		name: 'Tracking',
		type: LOGISTICS,
		parameters: { resource: 'taobao', operation: 'getTracking', ...parameters },
	});

	it('tracks a purchase sub-order through the published GET ?subPurchaseOrderId= and reads pnmLogisticsDetails', async () => {
		const created = paidOrder();
		const [shoesLine, mugLine] = created.lines;
		sandbox.state.taobao.ship(created.id, [shoesLine.subOrderId]);
		sandbox.state.taobao.ship(created.id);
		expect(events.map((e) => e.type)).toEqual(['create', 'pay', 'partialShip', 'ship']);

		const sub = shoesLine.subOrderId.toString();
		const result = await run([tracking({ subPurchaseOrderId: sub })]);
		expect(output(result, 'Tracking')).toEqual([
			{
				orderId: sub,
				shipped: true,
				carrier: '',
				carrierCode: '',
				trackingNumber: '7730000000001',
				trackingUrl: '',
				subItemIds: [sub],
				shippedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+08:00$/),
				isPartial: false,
				events: [
					{ time: expect.any(String), description: '卖家已发货 (shipped by seller)' },
					{ time: expect.any(String), description: '快件已揽收 (picked up)' },
					{ time: expect.any(String), description: '快件已到达转运中心 (arrived at sorting centre)' },
				],
			},
		]);
		expect(sandbox.log[0]).toMatchObject({ method: 'GET', path: '/open/order/logistics/detail/get', status: 200 });
		const mug = output(await run([tracking({ subPurchaseOrderId: mugLine.subOrderId.toString() })]), 'Tracking');
		expect(mug).toEqual([expect.objectContaining({ trackingNumber: '7730000000002', subItemIds: [mugLine.subOrderId.toString()] })]);
	});

	it('gives {shipped: false} (or nothing) for a sub-order without a parcel', async () => {
		const created = paidOrder();
		const sub = created.lines[0].subOrderId.toString();
		const unshipped = await run([tracking({ subPurchaseOrderId: sub })]);
		expect(output(unshipped, 'Tracking')).toEqual([{ orderId: sub, shipped: false }]);
		const nothing = await run([tracking({ subPurchaseOrderId: sub, outputUnshipped: false })]);
		expect(output(nothing, 'Tracking')).toEqual([]);
	});

	it('refuses an unknown sub-order (API error) and a missing sub-order ID (input error, no request)', async () => {
		const unknown = await run([tracking({ subPurchaseOrderId: '4015593720611380000' })]);
		expect(errorOf(unknown).context?.pandapon).toMatchObject({ code: '4040', httpStatus: 200 });
		const missing = await run([tracking({ subPurchaseOrderId: '={{ $json.id }}' })], [{ json: { id: '' } }]);
		expect(errorOf(missing).message).toBe('Sub-Order ID: nothing is not a numeric ID of at most 19 digits');
		expect(calls('taobaoLogistics')).toHaveLength(1);
	});
});

describe('Taobao contract (what the sandbox refuses)', () => {
	const create = TAOBAO_CONTRACT.taobaoOrderCreate!.body!;
	const good = {
		orderLineList: JSON.stringify([{ itemId: SHOES.itemId, orderLineNo: '1', quantity: 1, price: SHOES_PRICE, currency: 'CNY', skuId: SHOES.skuId }]),
		receiver: JSON.stringify(RECEIVER_WIRE),
		purchaseAmount: 40000,
	};

	it('accepts the documented shape (purchaseAmount required) and refuses lines or receivers that are not JSON strings of the right shape', () => {
		expect(create.safeParse(good).success).toBe(true);
		const lines = JSON.parse(good.orderLineList) as IDataObject[];
		const refused = [
			{ ...good, orderLineList: lines },
			{ ...good, orderLineList: JSON.stringify([{ ...lines[0], currency: 'USD' }]) },
			{ ...good, orderLineList: JSON.stringify([{ ...lines[0], itemId: Number(SHOES.itemId) }]) },
			{ ...good, orderLineList: JSON.stringify([lines[0], lines[0]]) },
			{ ...good, orderLineList: '[]' },
			{ ...good, receiver: JSON.stringify({ ...RECEIVER_WIRE, mobile_phone: undefined }) },
			{ ...good, receiver: '{"name":' },
			{ ...good, purchaseAmount: '40000' },
			{ ...good, purchaseAmount: undefined },
		];
		for (const candidate of refused) expect([candidate, create.safeParse(candidate).success]).toEqual([candidate, false]);
	});

	it('refuses quoted integer ids and a voucher with both or neither image', () => {
		const voucher = TAOBAO_CONTRACT.taobaoOrderVoucher!.body!;
		expect(voucher.safeParse({ orderId: 4015593720611380219n, imageAddress: 'https://example.com/a.jpg' }).success).toBe(true);
		expect(voucher.safeParse({ orderId: FIRST_ORDER, imageAddress: 'https://example.com/a.jpg' }).success).toBe(false);
		expect(voucher.safeParse({ orderId: 1, imageAddress: 'https://example.com/a.jpg', imageBase64: 'AAAA' }).success).toBe(false);
		expect(voucher.safeParse({ orderId: 1 }).success).toBe(false);
		expect(TAOBAO_CONTRACT.taobaoCartCreateOrder!.body!.safeParse({ ids: ['200001'], orderAddress: RECEIVER_WIRE }).success).toBe(false);
	});
});
