import type { INodeParameters } from 'n8n-workflow';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { FIRST_ORDER_ID } from '../../sandbox/state';
import { output, outputItems, PACKAGE, runWorkflow, sandboxCredentials } from './engine';

const CART = `${PACKAGE}.pandaponCart`;
const ORDER = `${PACKAGE}.pandaponOrder`;

const ADDRESS = {
	address: {
		fullName: '王小明',
		mobile: '13800138000',
		provinceText: '浙江省',
		cityText: '杭州市',
		areaText: '余杭区',
		address: '文一西路969号 仓库3号门',
		postCode: '311121',
	},
};

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox();
});

afterEach(async () => {
	expect(sandbox.log.filter((e) => e.contractErrors ?? e.responseErrors)).toEqual([]);
	await sandbox.close();
});

describe('Pandapon Cart in the real n8n engine against the sandbox', () => {
	it('adds two items, previews, creates the order from the cart and keeps the 19-digit id exact', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: [
				{ json: { offer: '624981234567', spec: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', qty: 3 } },
				{ json: { offer: '655310028877', spec: 'a06d4f5b2e1a7c93d4e5f60718293a4b', qty: 2 } },
			],
			nodes: [
				{
					name: 'Add',
					type: CART,
					parameters: {
						resource: '1688',
						operation: 'addItem',
						offerId: '={{ $json.offer }}',
						specId: '={{ $json.spec }}',
						quantity: '={{ $json.qty }}',
					},
				},
				{
					name: 'Preview',
					type: CART,
					parameters: {
						resource: '1688',
						operation: 'previewOrder',
						cartIds: "={{ $('Add').all().map(i => i.json.cartId).join(',') }}",
						shippingAddress: ADDRESS,
					},
					executeOnce: true,
				},
				{
					name: 'Create',
					type: CART,
					parameters: {
						resource: '1688',
						operation: 'createOrder',
						cartIds: "={{ $('Add').all().map(i => i.json.cartId) }}",
						shippingAddress: ADDRESS,
						flow: 'general',
						additionalFields: { message: '请分开包装', staffName: 'Li Lei', userId: '2100007341207', tradeType: 'fxassure', shopPromotionId: 'P123' },
					},
					executeOnce: true,
				},
				{
					name: 'Get',
					type: ORDER,
					// The create answer names no order (bare envelope), so the first order is read by its known id.
					parameters: { resource: '1688', operation: 'get', orderId: FIRST_ORDER_ID.toString() },
				},
			],
		});

		expect(run.data.resultData.error).toBeUndefined();
		const added = output(run, 'Add');
		expect(added.map((a) => a.cartId)).toEqual(['100001', '100002']);

		const [preview] = output(run, 'Preview');
		// 3 × 290 + 600 carriage (seller A) and 2 × 1890 + 800 carriage (seller B)
		expect(preview.sumPayment).toBe(870 + 600 + 3780 + 800);
		expect(preview.sumPaymentYuan).toBe(60.5);
		expect(preview.orderCount).toBe(2);

		const [created] = output(run, 'Create');
		expect(created).toMatchObject({ outcome: 'unknown', accepted: true, raw: null, cartIds: ['100001', '100002'] });
		expect(sandbox.state.orders.size).toBe(2);

		const [order] = output(run, 'Get');
		expect(order).toMatchObject({
			orderId: '2542285634920880794',
			status: 'waitbuyerpay',
			totalAmount: 1470,
			totalAmountYuan: 14.7,
			totalAmountRaw: 14.7,
			receiverName: '王小明',
			items: [expect.objectContaining({ offerId: 624981234567, quantity: 3, price: 290, priceRaw: 2.9, itemAmount: 870, subItemId: '3315502871190443521' })],
		});
		const detailRequest = sandbox.log.find((e) => e.endpoint === 'order1688Detail')!;
		expect(detailRequest.body).toBe('{"webSite":"1688","orderId":"2542285634920880794"}');

		const createRequest = sandbox.log.find((e) => e.endpoint === 'cart1688CreateOrder')!;
		expect(JSON.parse(createRequest.body)).toEqual({
			flow: 'general',
			message: '请分开包装',
			shopPromotionId: 'P123',
			tradeType: 'fxassure',
			userId: '2100007341207',
			staffName: 'Li Lei',
			addressParam: {
				fullName: '王小明',
				mobile: '13800138000',
				provinceText: '浙江省',
				cityText: '杭州市',
				areaText: '余杭区',
				address: '文一西路969号 仓库3号门',
				postCode: '311121',
			},
			cartIds: [100001, 100002],
		});
		expect(sandbox.log.every((e) => e.status === 200 && !e.contractErrors)).toBe(true);
		expect(sandbox.state.cart.size).toBe(0);
	});

	it('lists the cart with Limit and simplified lines, in fen with yuan beside', async () => {
		sandbox.state.addToCart(624981234567, '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', 2);
		sandbox.state.addToCart(672200114455, undefined, 5);
		sandbox.state.addToCart(655310028877, 'c28f6b7d4a3c9eb5f60718293a4b5c6d', 1);
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [{ name: 'List', type: CART, parameters: { resource: '1688', operation: 'getMany', limit: 1 } }],
		});
		const lines = output(run, 'List');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ id: 100001, price: 290, priceYuan: 2.9, quantity: 2, available: true });

		const all = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{
					name: 'List',
					type: CART,
					parameters: { resource: '1688', operation: 'getMany', returnAll: true, includeUnavailable: true, simplify: false },
				},
			],
		});
		const everything = output(all, 'List');
		expect(everything).toHaveLength(3);
		expect(everything.find((l) => l.available === false)).toMatchObject({ amountOnSale: 0, itemPic: expect.any(String) });
	});

	it('updates a quantity and removes items', async () => {
		const a = sandbox.state.addToCart(624981234567, '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', 2);
		const b = sandbox.state.addToCart(672200114455, undefined, 5);
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Update', type: CART, parameters: { resource: '1688', operation: 'updateQuantity', cartId: String(a.id), quantity: 7 } },
				{ name: 'Remove', type: CART, parameters: { resource: '1688', operation: 'removeItems', cartIds: String(b.id) } },
			],
		});
		expect(output(run, 'Update')).toEqual([expect.objectContaining({ updated: true, cartId: String(a.id), quantity: 7 })]);
		expect(output(run, 'Remove')).toEqual([expect.objectContaining({ deleted: true, cartIds: [String(b.id)] })]);
		expect(sandbox.state.cartLine(a.id).quantity).toBe(7);
		expect(sandbox.state.cart.has(b.id)).toBe(false);
	});

	it('refuses a wrong secret with a clear API error carrying code, msg and requestId', async () => {
		const run = await runWorkflow({
			credentials: { ...sandboxCredentials(sandbox), accessSecret: 'not-the-secret' },
			nodes: [{ name: 'List', type: CART, parameters: { resource: '1688', operation: 'getMany' } }],
		});
		const error = run.data.resultData.error as unknown as { message: string; description: string; context: { pandapon: Record<string, unknown> } };
		expect(error.message).toBe('Pandapon refused the request: signature mismatch (code 4030)');
		expect(error.description).toMatch(/access secret/);
		expect(error.context.pandapon).toMatchObject({ code: '4030', httpStatus: 403, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
		expect(JSON.stringify(run)).not.toContain('not-the-secret');
	});

	it('says when this machine\'s clock is too far from Pandapon\'s, and when the secret was rotated', async () => {
		const skewed = await startSandbox({ clock: () => Date.now() + 700_000 });
		try {
			const run = await runWorkflow({
				credentials: sandboxCredentials(skewed),
				nodes: [{ name: 'List', type: CART, parameters: { resource: '1688', operation: 'getMany' } }],
			});
			const error = run.data.resultData.error as unknown as { message: string; description: string };
			expect(error.message).toBe('Pandapon refused the request: timestamp outside the 600 s window (code 4120)');
			expect(error.description).toMatch(/clock is probably more than 600 seconds away/);
		} finally {
			await skewed.close();
		}
		const rotated = await runWorkflow({
			credentials: { ...sandboxCredentials(sandbox), accessSecret: 'the-secret-before-it-was-reset' },
			nodes: [{ name: 'List', type: CART, parameters: { resource: '1688', operation: 'getMany' } }],
		});
		expect((rotated.data.resultData.error as unknown as { description: string }).description).toMatch(/access secret/);
	});

	it('names the parameter and the item when cart IDs are missing, before any request', async () => {
		sandbox.state.addToCart(672200114455, undefined, 1);
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: [{ json: { ids: '100001' } }, { json: { ids: '' } }],
			nodes: [
				{
					name: 'Create',
					type: CART,
					parameters: { resource: '1688', operation: 'createOrder', cartIds: '={{ $json.ids }}', shippingAddress: ADDRESS, flow: 'general' },
				},
			],
		});
		const error = run.data.resultData.error!;
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('Cart IDs: at least one ID is required');
		expect(error.context.itemIndex).toBe(1);
		// Every item is checked before the first write: item 0 was valid, yet nothing reached the API.
		expect(sandbox.log.filter((e) => e.endpoint === 'cart1688CreateOrder')).toHaveLength(0);
		expect(sandbox.state.orders.size).toBe(0);
	});

	it('with continueOnFail, yields per-item errors paired with their input and goes on', async () => {
		sandbox.state.addToCart(672200114455, undefined, 1);
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: [{ json: { id: 'abc' } }, { json: { id: '100001' } }, { json: { id: '999999' } }],
			nodes: [
				{
					name: 'Update',
					type: CART,
					continueOnFail: true,
					parameters: { resource: '1688', operation: 'updateQuantity', cartId: '={{ $json.id }}', quantity: 4 },
				},
			],
		});
		const items = outputItems(run, 'Update');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.error).toBe('Cart ID: "abc" is not a numeric ID of at most 19 digits');
		expect(items[1].json).toMatchObject({ updated: true, quantity: 4 });
		expect(items[2].json).toMatchObject({ error: expect.stringContaining('cart item 999999 does not exist'), code: '4040', outcome: 'unknown' });
		expect(sandbox.log.filter((e) => e.endpoint === 'cart1688EditQuantity')).toHaveLength(2);
	});

	async function createFromCart(safety: INodeParameters) {
		sandbox.state.addToCart(624981234567, '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', 3);
		return await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{
					name: 'Create',
					type: CART,
					parameters: { resource: '1688', operation: 'createOrder', cartIds: '100001', shippingAddress: ADDRESS, flow: 'general', safety },
				},
			],
		});
	}

	it('Create Order Dry Run prices the cart through the published preview path and creates nothing', async () => {
		const run = await createFromCart({ dryRun: true });
		expect(run.data.resultData.error).toBeUndefined();
		expect(output(run, 'Create')).toEqual([expect.objectContaining({ dryRun: true, totalFen: 870 + 600, totalYuan: 14.7 })]);
		expect(sandbox.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['POST /alibaba/cart/preview/order 200']);
		expect(sandbox.state.orders.size).toBe(0);
	});

	it('a create answered with the bare envelope gives outcome "unknown" with the clientRequestId, never "undefined"', async () => {
		const run = await createFromCart({ idempotencyKey: 'shop-1' });
		const [created] = output(run, 'Create');
		expect(created).toMatchObject({
			outcome: 'unknown',
			accepted: true,
			clientRequestId: sandbox.log.find((e) => e.endpoint === 'cart1688CreateOrder')!.headers['nonce-str'],
			requestId: expect.any(String),
			raw: null,
			idempotencyKey: 'shop-1',
		});
		expect(JSON.stringify(created)).not.toContain('undefined');
		expect(sandbox.state.orders.size).toBe(1);
	});

	it('Max Total refuses, naming the item, when the preview lists no order instead of reading a total of 0', async () => {
		sandbox.variants.emptyPreview = true;
		const run = await createFromCart({ maxTotalFen: 100_000 });
		expect(run.data.resultData.error?.message).toBe(
			'Safety › Max Total (Fen) / Dry Run: the preview lists no order (orderPreviewResuslt is empty or missing), so the total cannot be checked; nothing was created or paid',
		);
		expect(sandbox.log.filter((e) => e.endpoint === 'cart1688CreateOrder')).toHaveLength(0);
		expect(sandbox.state.orders.size).toBe(0);
	});

	it('runs the demo workflow\'s Pandapon nodes: the bare create answer, then both orders read back with Get Many', async () => {
		const demo = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'demo-cart-to-order.json'), 'utf8')) as { nodes: Array<{ name: string; type: string; parameters: INodeParameters }> };
		const nodes = demo.nodes.filter((n) => n.type.startsWith(PACKAGE)).map(({ name, type, parameters }) => ({ name, type, parameters }));
		const run = await runWorkflow({ credentials: sandboxCredentials(sandbox), nodes });
		expect(run.data.resultData.error).toBeUndefined();
		expect(output(run, 'Create Order')).toEqual([expect.objectContaining({ outcome: 'unknown', accepted: true })]);
		const orders = output(run, 'Get Order');
		expect(orders.map((o) => o.orderId).sort()).toEqual([FIRST_ORDER_ID.toString(), (FIRST_ORDER_ID + 1_000_003n).toString()]);
		expect(orders.find((o) => o.orderId === FIRST_ORDER_ID.toString())).toMatchObject({ status: 'waitbuyerpay', totalAmount: 3 * 290 + 600, totalAmountRaw: 14.7 });
	});
});
