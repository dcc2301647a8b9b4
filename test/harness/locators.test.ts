/**
 * Resource locators in n8n's real engine against the sandbox: the editor's {__rl, mode, value} in
 * each mode, the plain strings of older workflows and of $fromAI(...) expressions, links reduced to
 * their ids, bad links refused before any request, and each node's From List methods.
 */
import type { IDataObject, INodeParameters, IRun } from 'n8n-workflow';

import type { EndpointKey } from '../../nodes/shared/catalogue';
import type { Sandbox } from '../../sandbox/server';
import { listSearch, output, PACKAGE, runWorkflow, sandboxCredentials } from './engine';
import { placeOrder } from './placeOrder';
import { sandboxPerTest } from './sandboxPerTest';

const PRODUCT = `${PACKAGE}.pandaponProduct`;
const CART = `${PACKAGE}.pandaponCart`;
const ORDER = `${PACKAGE}.pandaponOrder`;
const AFTER_SALES = `${PACKAGE}.pandaponAfterSales`;
const LOGISTICS = `${PACKAGE}.pandaponLogistics`;

const EARRINGS = '624981234567';
const SHOES = { itemId: '681234567890', mpId: 'MP681234567890', skuId: '4961234500001', mpSkuId: 'MPSKU4961234500001' };

let sandbox: Sandbox;
sandboxPerTest((fresh) => (sandbox = fresh));

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const calls = (endpoint: EndpointKey) => sandbox.log.filter((e) => e.endpoint === endpoint);

async function run(type: string, parameters: INodeParameters, json: IDataObject = {}): Promise<IRun> {
	return await runWorkflow({
		credentials: sandboxCredentials(sandbox),
		items: [{ json }],
		nodes: [{ name: 'Node', type, parameters }],
	});
}

interface RunError {
	name: string;
	message: string;
	description?: string;
	context?: { itemIndex?: number };
}
const errorOf = (result: IRun) => result.data.resultData.error as unknown as RunError | undefined;

describe('resource locators, read in the real n8n engine', () => {
	it('1688 Offer ID: By ID, By URL, a plain id and a plain link all send the same bare integer', async () => {
		const forms = [
			rl('id', EARRINGS),
			rl('url', `https://detail.1688.com/offer/${EARRINGS}.html?spm=a26352.13672862.offerlist.1`),
			EARRINGS,
			`https://detail.1688.com/offer/${EARRINGS}.html`,
			// What an AI Agent's tool call gives: the id through $fromAI in By ID.
			rl('id', `={{ $json.offer }}`),
		];
		for (const offerId of forms) {
			const result = await run(PRODUCT, { resource: '1688', operation: 'get', offerId, simplify: false }, { offer: EARRINGS });
			expect({ offerId, error: errorOf(result)?.message }).toEqual({ offerId, error: undefined });
		}
		expect(calls('product1688Get').map((e) => e.body)).toEqual(forms.map(() => `{"offerId":${EARRINGS},"country":"en"}`));
	});

	it('Taobao Item ID: item.taobao.com and detail.tmall.com links with other query parameters give the id, sent as text', async () => {
		const forms = [
			rl('id', SHOES.itemId),
			rl('url', `https://item.taobao.com/item.htm?spm=a21n57.1.0.0&id=${SHOES.itemId}&ns=1#detail`),
			rl('url', `https://detail.tmall.com/item.htm?id=${SHOES.itemId}&skuId=${SHOES.skuId}`),
			SHOES.itemId,
			`https://item.taobao.com/item.htm?id=${SHOES.itemId}`,
		];
		for (const itemId of forms) {
			const result = await run(PRODUCT, { resource: 'taobao', operation: 'get', itemId });
			// The sandbox knows the item only by its exact id, so an answer with it proves what was sent.
			expect({ itemId, error: errorOf(result)?.message, got: output(result, 'Node')[0]?.itemId }).toEqual({ itemId, error: undefined, got: SHOES.itemId });
		}
		expect(calls('taobaoProductGet')).toHaveLength(forms.length);
	});

	it('Cart › Add Item takes the product link on both platforms', async () => {
		const offer = await run(CART, {
			resource: '1688',
			operation: 'addItem',
			offerId: rl('url', `https://detail.1688.com/offer/${EARRINGS}.html`),
			specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718',
			quantity: 2,
		});
		expect(errorOf(offer)).toBeUndefined();
		expect(calls('cart1688Add').map((e) => e.body)).toEqual([`{"offerId":${EARRINGS},"specId":"7f3a1c2e9b8d4f60a1b2c3d4e5f60718","quantity":2}`]);
		const item = await run(CART, {
			resource: 'taobao',
			operation: 'addItem',
			...SHOES,
			itemId: rl('url', `https://detail.tmall.com/item.htm?ali_refid=a3&id=${SHOES.itemId}`),
			quantity: 1,
		});
		expect(errorOf(item)).toBeUndefined();
		expect(calls('taobaoCartAdd').map((e) => e.body)).toEqual([expect.stringContaining(`"itemId":${SHOES.itemId},`)]);
	});

	it('a link that is not the right product page is a NodeOperationError naming the parameter, before any request', async () => {
		// Links from input data or from $fromAI(...) reach the node as expressions, which n8n does not validate beforehand.
		const cases: Array<[string, INodeParameters, string, string]> = [
			[PRODUCT, { resource: '1688', operation: 'get', offerId: rl('url', '={{ $json.link }}') }, 'https://shop1234.1688.com/page/offerlist.htm', 'Offer ID: "https://shop1234.1688.com/page/offerlist.htm" is not a 1688 offer link'],
			[PRODUCT, { resource: '1688', operation: 'get', offerId: '={{ $json.link }}' }, `https://item.taobao.com/item.htm?id=${SHOES.itemId}`, `Offer ID: "https://item.taobao.com/item.htm?id=${SHOES.itemId}" is not a 1688 offer link`],
			[PRODUCT, { resource: 'taobao', operation: 'get', itemId: rl('url', '={{ $json.link }}') }, 'https://item.taobao.com/item.htm?spm=a21n57', 'Item ID: "https://item.taobao.com/item.htm?spm=a21n57" is not a Taobao or Tmall item link'],
			[CART, { resource: 'taobao', operation: 'addItem', ...SHOES, itemId: rl('id', '={{ $json.link }}'), quantity: 1 }, 'https://item.taobao.com/item.htm?id=12x', 'Item ID: "https://item.taobao.com/item.htm?id=12x" is not a Taobao or Tmall item link'],
			[ORDER, { resource: '1688', operation: 'get', orderId: rl('id', '={{ $json.link }}') }, '2542285634920880794x', 'Order ID: "2542285634920880794x" is not a numeric ID of at most 19 digits'],
		];
		for (const [type, parameters, link, message] of cases) {
			const error = errorOf(await run(type, parameters, { link }));
			expect({ name: error?.name, message: error?.message, item: error?.context?.itemIndex }).toEqual({ name: 'NodeOperationError', message, item: 0 });
		}
		const [type, parameters, link] = cases[0];
		expect(errorOf(await run(type, parameters, { link }))?.description).toBe('Paste a link such as https://detail.1688.com/offer/624981234567.html, or the ID alone.');
		expect(sandbox.log.filter((e) => e.endpoint !== undefined)).toEqual([]);
	});

	it("a wrong link typed as a fixed value is already stopped by n8n's check of the By URL mode", async () => {
		await expect(run(PRODUCT, { resource: '1688', operation: 'get', offerId: rl('url', 'https://shop1234.1688.com/page/offerlist.htm') })).rejects.toThrow(
			/Not a 1688 offer link/,
		);
		expect(sandbox.log).toEqual([]);
	});

	it('Order ID: a 19-digit id keeps every digit in each mode and as a plain string', async () => {
		const order = placeOrder(sandbox);
		const id = order.id.toString();
		expect(id).toHaveLength(19);
		for (const orderId of [rl('list', id), rl('id', id), id, rl('id', '={{ $json.order }}')]) {
			const result = await run(ORDER, { resource: '1688', operation: 'get', orderId }, { order: id });
			expect(errorOf(result)).toBeUndefined();
		}
		expect(calls('order1688Detail').map((e) => e.body)).toEqual(Array(4).fill(`{"webSite":"1688","orderId":"${id}"}`));
		// Where the API types it as an integer, it goes out as the same digits, bare.
		await run(ORDER, { resource: '1688', operation: 'cancel', orderId: rl('list', id), cancelReason: 'buyerCancel' });
		expect(calls('order1688Cancel')[0].body).toContain(`"orderId":${id},`);
	});

	it('Save Address: From List "New Address" (or nothing) adds, By ID updates, and the old plain value still works', async () => {
		const address = { name: '韩梅梅', phone: '13900000001', province: '广东省', city: '广州市', address: '天河路2号' };
		for (const addressId of [rl('list', 'new'), rl('id', ''), 'new', rl('id', '5001'), '5001']) {
			const result = await run(ORDER, { resource: '1688', operation: 'saveAddress', addressId, ...address });
			expect(errorOf(result)).toBeUndefined();
		}
		expect(calls('address1688Save').map((e) => (JSON.parse(e.body) as IDataObject).id)).toEqual([undefined, undefined, undefined, 5001, 5001]);
		const bad = errorOf(await run(ORDER, { resource: '1688', operation: 'saveAddress', addressId: rl('id', '={{ $json.to }}'), ...address }, { to: 'home' }));
		expect(bad?.message).toBe('Saved Address: "home" is not a numeric ID of at most 19 digits');
	});
});

describe('From List methods, as the editor calls them', () => {
	it('1688 orders: id · status · total from Order › Get Many, in Order, After-Sales and Logistics', async () => {
		const first = placeOrder(sandbox);
		const second = placeOrder(sandbox, 4);
		sandbox.state.pay(second.id);
		for (const [type, operation] of [
			[ORDER, 'get'],
			[AFTER_SALES, 'create'],
			[LOGISTICS, 'getTracking'],
		] as const) {
			const { results, paginationToken } = await listSearch(sandbox, type, 'searchOrders1688', { resource: '1688', operation });
			expect(results.map((r) => r.value)).toEqual([second.id.toString(), first.id.toString()]);
			expect(results[0].name).toMatch(new RegExp(`^${second.id} · waitsellersend · ¥\\d+\\.\\d{2}$`));
			expect(paginationToken).toBeUndefined();
		}
		const narrowed = await listSearch(sandbox, ORDER, 'searchOrders1688', {}, 'WAITBUYERPAY');
		expect(narrowed.results.map((r) => r.value)).toEqual([first.id.toString()]);
		expect(calls('order1688Page').map((e) => e.body)).toEqual(Array(4).fill('{"pageNo":1,"pageSize":50}'));
	});

	it('1688 orders: a pagination token walks the pages', async () => {
		for (let n = 0; n < 55; n++) placeOrder(sandbox);
		const one = await listSearch(sandbox, ORDER, 'searchOrders1688', {});
		expect(one.results).toHaveLength(50);
		expect(one.paginationToken).toBe('2');
		const two = await listSearch(sandbox, ORDER, 'searchOrders1688', {}, undefined, one.paginationToken);
		expect(two.results).toHaveLength(5);
		expect(two.paginationToken).toBeUndefined();
		expect(new Set([...one.results, ...two.results].map((r) => r.value)).size).toBe(55);
	});

	it('Taobao orders: id · status · total in yuan from the fen the list answers', async () => {
		const created = sandbox.state.taobao.createOrder([{ itemId: SHOES.itemId, skuId: SHOES.skuId, title: 'seeded', quantity: 1, priceFen: 12900 }], {
			name: '仓库',
			mobile_phone: '13800138000',
			state: '浙江省',
			city: '杭州市',
			address: '文一西路969号',
		});
		const { results } = await listSearch(sandbox, ORDER, 'searchTaobaoOrders', { resource: 'taobao', operation: 'get' });
		expect(results.map((r) => r.value)).toEqual([created.id.toString()]);
		expect(results[0].name).toMatch(new RegExp(`^${created.id} · WAIT_BUYER_PAY · ¥\\d+\\.\\d{2}$`));
	});

	it('saved addresses: "New Address" first, then the saved ones; the filter narrows them', async () => {
		const all = await listSearch(sandbox, ORDER, 'searchAddresses', { resource: '1688', operation: 'saveAddress' });
		expect(all.results.map((r) => [r.name, r.value])).toEqual([
			['New Address', 'new'],
			['王小明 · 浙江省 杭州市 余杭区 文一西路969号 仓库3号门', '5001'],
		]);
		expect((await listSearch(sandbox, ORDER, 'searchAddresses', {}, '杭州')).results.map((r) => r.value)).toEqual(['5001']);
	});
});
