import type { IDataObject, INodeExecutionData, INodeParameters, IRun } from 'n8n-workflow';

import type { EndpointKey } from '../../nodes/shared/catalogue';
import { CATALOGUE_ITEMS, CATALOGUE_OFFERS, TAOBAO_CASE_SHOP } from '../../sandbox/productData';
import { SELLERS } from '../../sandbox/seed';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { output, outputItems, PACKAGE, runWorkflow, sandboxCredentials } from './engine';

const PRODUCT = `${PACKAGE}.pandaponProduct`;

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const png = (fileName = 'photo.png') => ({ data: PNG, mimeType: 'image/png', fileName });

let sandbox: Sandbox;

beforeEach(async () => {
	sandbox = await startSandbox();
});

afterEach(async () => {
	try {
		expect(sandbox.log.filter((e) => e.contractErrors ?? e.responseErrors)).toEqual([]);
	} finally {
		await sandbox.close();
	}
});

async function runProduct(
	parameters: INodeParameters,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
): Promise<IRun> {
	return await runWorkflow({
		credentials: sandboxCredentials(sandbox),
		items: options.items,
		nodes: [{ name: 'Product', type: PRODUCT, parameters, continueOnFail: options.continueOnFail }],
	});
}

const calls = (endpoint: EndpointKey) => sandbox.log.filter((e) => e.endpoint === endpoint);
const bodies = (endpoint: EndpointKey) => calls(endpoint).map((e) => JSON.parse(e.body) as IDataObject);

interface RunError {
	name: string;
	message: string;
	context: { pandapon?: IDataObject };
}
const errorOf = (run: IRun) => run.data.resultData.error as unknown as RunError;

function expectRefusal(run: IRun, code: string, msg: RegExp) {
	const error = errorOf(run);
	expect(error.message).toMatch(/^Pandapon refused the request: /);
	expect(error.message).toMatch(msg);
	expect(error.context.pandapon).toMatchObject({ code, outcome: 'failed', msg: expect.stringMatching(msg) });
}

function expectInputError(run: IRun, message: string) {
	const error = errorOf(run);
	expect(error.name).toBe('NodeOperationError');
	expect(error.message).toBe(message);
}

const EARRINGS = 624981234567;
const KEYCHAIN = 631247789012;
const TSHIRT = 655310028877;
const CABLE = 672200114455;

describe('Pandapon Product, 1688, in the real n8n engine against the sandbox', () => {
	it('Get: reads an offer simplified (IDs as text, fen with yuan) and raw on request', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{
					name: 'Simple',
					type: PRODUCT,
					parameters: { resource: '1688', operation: 'get', offerId: String(TSHIRT), options: { outMemberId: 'shop-user-1' } },
				},
				{ name: 'Raw', type: PRODUCT, parameters: { resource: '1688', operation: 'get', offerId: String(EARRINGS), simplify: false } },
			],
		});
		expect(run.data.resultData.error).toBeUndefined();
		const [offer] = output(run, 'Simple');
		expect(offer).toEqual({
			offerId: String(TSHIRT),
			subject: '纯棉宽松短袖T恤 Cotton T-shirt',
			subjectTrans: 'Pure cotton loose short-sleeve T-shirt',
			status: 'published',
			categoryId: '127380009',
			categoryName: 'T恤',
			sellerOpenId: SELLERS[1].sellerOpenId,
			companyName: '广州潮流服饰有限公司',
			minOrderQuantity: 1,
			amountOnSale: 2000,
			priceMin: 1790,
			priceMinYuan: 17.9,
			priceMax: 1890,
			priceMaxYuan: 18.9,
			imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01tshirt.jpg',
			detailUrl: `https://detail.1688.com/offer/${TSHIRT}.html`,
			skus: [
				{ specId: 'a06d4f5b2e1a7c93d4e5f60718293a4b', skuId: '5120098765432', attributes: 'Color: Black; Size: M', price: 1890, priceYuan: 18.9, amountOnSale: 1200 },
				{ specId: 'b17e5a6c3f2b8da4e5f60718293a4b5c', skuId: '5120098765433', attributes: 'Color: Black; Size: L', price: 1890, priceYuan: 18.9, amountOnSale: 800 },
				{ specId: 'c28f6b7d4a3c9eb5f60718293a4b5c6d', skuId: '5120098765434', attributes: 'Color: White; Size: M', price: 1790, priceYuan: 17.9, amountOnSale: 0 },
			],
		});
		const [raw] = output(run, 'Raw');
		expect(raw).toMatchObject({
			offerId: EARRINGS,
			categoryName: '耳饰',
			description: expect.stringContaining('S925银针'),
			images: expect.arrayContaining(['https://cbu01.alicdn.com/img/ibank/O1CN01pearl.jpg']),
			minOrderQuantity: 2,
			saleInfo: { amountOnSale: 8000, priceRanges: [{ startQuantity: 2, price: 290 }, { startQuantity: 100, price: 270 }, { startQuantity: 1000, price: 250 }] },
			skuInfos: [
				expect.objectContaining({ specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', skuId: 4870123456789, price: 290, amountOnSale: 5000 }),
				expect.objectContaining({ specId: '8e4b2d3f0c9e5a71b2c3d4e5f6071829', price: 320 }),
			],
		});
		// offerId goes out as a bare integer, as the API types it.
		expect(calls('product1688Get').map((e) => e.body)).toEqual([
			`{"offerId":${TSHIRT},"country":"en","outMemberId":"shop-user-1"}`,
			`{"offerId":${EARRINGS},"country":"en"}`,
		]);
	});

	it('Get: an unknown offer is refused with code and message; a malformed ID is stopped before any request', async () => {
		const run = await runProduct(
			{ resource: '1688', operation: 'get', offerId: '={{ $json.offer }}' },
			{ continueOnFail: true, items: [{ json: { offer: '62498-1234567' } }, { json: { offer: '600000000001' } }] },
		);
		const items = outputItems(run, 'Product');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.error).toBe('Offer ID: "62498-1234567" is not a numeric ID of at most 19 digits');
		expect(items[1].json).toMatchObject({
			error: 'Pandapon refused the request: offer 600000000001 does not exist or is no longer published (code 4040)',
			code: '4040',
			outcome: 'failed',
		});
		expect(bodies('product1688Get')).toEqual([{ offerId: 600000000001, country: 'en' }]);

		const failed = await runProduct({ resource: '1688', operation: 'get', offerId: '600000000001' });
		expectRefusal(failed, '4040', /offer 600000000001 does not exist/);
	});

	it('Search: matches English or Chinese title words and sends sort as JSON text, filters and yuan bounds', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'English', type: PRODUCT, parameters: { resource: '1688', operation: 'search', keyword: 'earring' } },
				{ name: 'Chinese', type: PRODUCT, parameters: { resource: '1688', operation: 'search', keyword: '耳环' } },
				{
					name: 'Filtered',
					type: PRODUCT,
					parameters: {
						resource: '1688',
						operation: 'search',
						keyword: 'phone CASE',
						limit: 8,
						sortBy: 'price',
						sortOrder: 'asc',
						options: { priceStart: 5, priceEnd: 8.5, filters: ['shipInToday'], categoryId: '1046' },
					},
				},
			],
		});
		expect(run.data.resultData.error).toBeUndefined();
		for (const name of ['English', 'Chinese']) {
			expect(output(run, name)).toEqual([
				{
					offerId: String(EARRINGS),
					subject: '韩版简约珍珠耳环 S925银针 Pearl earrings',
					subjectTrans: 'Korean simple pearl earrings S925 silver needle',
					imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01pearl.jpg',
					price: 290,
					priceYuan: 2.9,
					monthSold: 3120,
					repurchaseRate: '31%',
					isOnePsale: true,
					sellerOpenId: SELLERS[0].sellerOpenId,
					categoryId: 124076001,
				},
			]);
		}
		const filtered = output(run, 'Filtered');
		const expected = CATALOGUE_OFFERS.filter(
			(o) => o.title.includes('phone case') && o.tags.includes('shipInToday') && Math.min(...o.specs.map((s) => s.priceFen)) >= 500 && Math.min(...o.specs.map((s) => s.priceFen)) <= 850,
		);
		expect(expected.length).toBeGreaterThan(8);
		expect(filtered).toHaveLength(8);
		const prices = filtered.map((o) => o.price as number);
		expect(prices).toEqual([...prices].sort((a, b) => a - b));
		expect(prices.every((p) => p >= 500 && p <= 850)).toBe(true);
		expect(filtered.every((o) => typeof o.offerId === 'string')).toBe(true);
		expect(bodies('product1688Search')).toEqual([
			{ keyword: 'earring', country: 'en', beginPage: 1, pageSize: 50 },
			{ keyword: '耳环', country: 'en', beginPage: 1, pageSize: 50 },
			{
				keyword: 'phone CASE',
				country: 'en',
				filter: 'shipInToday',
				sort: '{"price":"asc"}',
				priceStart: '5',
				priceEnd: '8.5',
				categoryId: '1046',
				beginPage: 1,
				pageSize: 8,
			},
		]);
	});

	it('Search: Limit above one page keeps the page size across pages and stops at the limit; Return All reads to the end', async () => {
		const total = CATALOGUE_OFFERS.filter((o) => o.title.includes('phone case')).length;
		expect(total).toBeGreaterThan(50);
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Limited', type: PRODUCT, parameters: { resource: '1688', operation: 'search', keyword: 'phone case', limit: 55 } },
				{ name: 'All', type: PRODUCT, parameters: { resource: '1688', operation: 'search', keyword: '手机壳', returnAll: true }, executeOnce: true },
			],
		});
		const limited = output(run, 'Limited');
		expect(limited).toHaveLength(55);
		expect(new Set(limited.map((o) => o.offerId)).size).toBe(55);
		const all = output(run, 'All');
		expect(all).toHaveLength(total);
		expect(all.slice(0, 55)).toEqual(limited);
		expect(bodies('product1688Search').map((b) => [b.keyword, b.beginPage, b.pageSize])).toEqual([
			['phone case', 1, 50],
			['phone case', 2, 50],
			['手机壳', 1, 50],
			['手机壳', 2, 50],
		]);
	});

	it('Search: Min Price above Max Price, or no keyword, is stopped before any request, naming the option and the item', async () => {
		const run = await runProduct(
			{ resource: '1688', operation: 'search', keyword: 'case', options: { priceStart: '={{ $json.min }}', priceEnd: 3 } },
			{ items: [{ json: { min: 1 } }, { json: { min: 5 } }] },
		);
		expectInputError(run, 'Options › Max Price (Yuan): 3 is below Min Price (5)');
		// Every item is checked before the first request, so the valid item 0 was not searched either.
		expect(bodies('product1688Search')).toEqual([]);

		const empty = await runProduct({ resource: '1688', operation: 'search', keyword: '  ' });
		expectInputError(empty, 'Keyword: is required');
		const unknownFilter = await runProduct({ resource: '1688', operation: 'search', keyword: 'case', options: { filters: '={{ "shipInToday, sameDay" }}' } });
		expectInputError(
			unknownFilter,
			'Options › Filters: expected some of certifiedFactory, isOnePsale, noReason7DReturn, shipIn24Hours, shipInToday',
		);
		expect(calls('product1688Search')).toHaveLength(0);

		const textFilters = await runProduct({ resource: '1688', operation: 'search', keyword: 'cable', options: { filters: '={{ "shipInToday, certifiedFactory" }}' } });
		expect(output(textFilters, 'Product').map((o) => o.offerId)).toEqual([String(CABLE)]);
		expect(bodies('product1688Search')[0]).toMatchObject({ filter: 'shipInToday,certifiedFactory' });
	});

	it('Search by Image: sends a binary image as base64 and an image URL as imageAddress', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: [{ json: {}, binary: { photo: png() } }],
			nodes: [
				{
					name: 'Binary',
					type: PRODUCT,
					parameters: { resource: '1688', operation: 'searchByImage', binaryPropertyName: 'photo', limit: 3, options: { region: '0,1,0,1' } },
				},
				{
					name: 'Url',
					type: PRODUCT,
					executeOnce: true,
					parameters: {
						resource: '1688',
						operation: 'searchByImage',
						imageSource: 'url',
						imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01pearl_2.jpg',
						limit: 2,
						sortBy: 'monthSold',
						options: { categoryId: '1813' },
					},
				},
			],
		});
		expect(run.data.resultData.error).toBeUndefined();
		expect(output(run, 'Binary')).toHaveLength(3);
		// The picture of the pearl earrings finds them; the keychain shares the top category. Sorted by monthly sales.
		expect(output(run, 'Url').map((o) => o.offerId)).toEqual([String(KEYCHAIN), String(EARRINGS)]);
		expect(bodies('product1688ImageSearch')).toEqual([
			{ imageBase64: PNG, country: 'en', region: '0,1,0,1', beginPage: 1, pageSize: 3 },
			{ imageAddress: 'https://cbu01.alicdn.com/img/ibank/O1CN01pearl_2.jpg', country: 'en', sort: '{"monthSold":"desc"}', categoryId: 1813, beginPage: 1, pageSize: 2 },
		]);
	});

	it('Search by Image: a missing or non-image binary field is an input error naming the field and the item; bytes that are no image are refused by the API', async () => {
		const run = await runProduct(
			{ resource: '1688', operation: 'searchByImage', binaryPropertyName: 'photo', limit: 1 },
			{ items: [{ json: {}, binary: { photo: png() } }, { json: {}, binary: { picture: png() } }] },
		);
		const error = errorOf(run);
		expectInputError(run, 'Input Binary Field: the input item has no binary field "photo"');
		expect((error as unknown as { description: string }).description).toBe('Binary fields of this item: picture.');
		// Every item is checked before the first request: not even the valid item 0 reached the API.
		expect(calls('product1688ImageSearch')).toHaveLength(0);

		const pdf = await runProduct(
			{ resource: '1688', operation: 'searchByImage' },
			{ items: [{ json: {}, binary: { data: { data: PNG, mimeType: 'application/pdf', fileName: 'a.pdf' } } }] },
		);
		expectInputError(pdf, 'Input Binary Field: "data" is application/pdf, not an image');
		const badUrl = await runProduct({ resource: '1688', operation: 'searchByImage', imageSource: 'url', imageUrl: 'ftp://x/y.jpg' });
		expectInputError(badUrl, 'Image URL: "ftp://x/y.jpg" is not an http(s) address');
		expect(calls('product1688ImageSearch')).toHaveLength(0);

		const notImage = await runProduct(
			{ resource: '1688', operation: 'searchByImage' },
			{ items: [{ json: {}, binary: { data: { data: Buffer.from('not a picture').toString('base64'), mimeType: 'image/jpeg' } } }] },
		);
		expectRefusal(notImage, '4000', /imageBase64 is not a JPEG, PNG, GIF or WEBP image/);
	});

	it("Search Store: searches one seller's offers, with or without a keyword", async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Keyword', type: PRODUCT, parameters: { resource: '1688', operation: 'searchStore', sellerOpenId: SELLERS[0].sellerOpenId, keyword: '钥匙扣' } },
				{
					name: 'All',
					type: PRODUCT,
					parameters: { resource: '1688', operation: 'searchStore', sellerOpenId: SELLERS[0].sellerOpenId, returnAll: true, sortBy: 'price', sortOrder: 'desc' },
				},
			],
		});
		expect(output(run, 'Keyword')).toEqual([expect.objectContaining({ offerId: String(KEYCHAIN), price: 150, priceYuan: 1.5 })]);
		expect(output(run, 'All').map((o) => o.offerId)).toEqual([String(EARRINGS), String(KEYCHAIN)]);
		expect(bodies('product1688StoreSearch')).toEqual([
			{ sellerOpenId: SELLERS[0].sellerOpenId, keyword: '钥匙扣', country: 'en', beginPage: 1, pageSize: 50 },
			{ sellerOpenId: SELLERS[0].sellerOpenId, country: 'en', sort: '{"price":"desc"}', beginPage: 1, pageSize: 50 },
		]);
	});

	it('Search Store: an unknown seller is refused with code and message', async () => {
		const run = await runProduct({ resource: '1688', operation: 'searchStore', sellerOpenId: 'b2b-0000000000000000', keyword: 'x' });
		expectRefusal(run, '4040', /seller b2b-0000000000000000 does not exist/);
	});

	it('Get Recommendations: lists recommended offers up to the limit', async () => {
		const run = await runProduct({ resource: '1688', operation: 'getRecommendations', limit: 3, options: { outMemberId: 'm-7' } });
		const offers = output(run, 'Product');
		expect(offers).toHaveLength(3);
		expect(offers[0]).toMatchObject({ offerId: String(CABLE), monthSold: 25400, price: 450, priceYuan: 4.5 });
		const sold = offers.map((o) => o.monthSold as number);
		expect(sold).toEqual([...sold].sort((a, b) => b - a));
		expect(bodies('product1688Recommend')).toEqual([{ country: 'en', outMemberId: 'm-7', beginPage: 1, pageSize: 3 }]);
	});

	it('Get Recommendations: a Limit of 0 is stopped before any request', async () => {
		const run = await runProduct({ resource: '1688', operation: 'getRecommendations', limit: 0 });
		expectInputError(run, 'Limit: 0 is not a whole number of at least 1');
		expect(calls('product1688Recommend')).toHaveLength(0);
	});

	it('Get Related: offers near one offer, titles in the chosen language, offerId as text and pageNo paging', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Earrings', type: PRODUCT, parameters: { resource: '1688', operation: 'getRelated', offerId: String(EARRINGS), language: 'vi' } },
				{ name: 'Cases', type: PRODUCT, parameters: { resource: '1688', operation: 'getRelated', offerId: '701000000000', limit: 4 }, executeOnce: true },
			],
		});
		expect(output(run, 'Earrings')).toEqual([
			expect.objectContaining({ offerId: String(KEYCHAIN), subjectTrans: 'Móc khóa thép không gỉ', price: 150, priceYuan: 1.5 }),
		]);
		const cases = output(run, 'Cases');
		expect(cases).toHaveLength(4);
		expect(cases.every((o) => o.categoryId === 201294005 && o.offerId !== '701000000000')).toBe(true);
		expect(bodies('product1688Related')).toEqual([
			{ offerId: String(EARRINGS), language: 'vi', pageNo: 1, pageSize: 50 },
			{ offerId: '701000000000', language: 'en', pageNo: 1, pageSize: 4 },
		]);
		expect(calls('product1688Related')[0].body).toContain(`"offerId":"${EARRINGS}"`);
	});

	it('Get Related: an unknown offer is refused with code and message', async () => {
		const run = await runProduct({ resource: '1688', operation: 'getRelated', offerId: '123' });
		expectRefusal(run, '4040', /offer 123 does not exist/);
	});

	it('Get Category: the top level and a category with its children, translated', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Top', type: PRODUCT, parameters: { resource: '1688', operation: 'getCategory' } },
				{ name: 'Phones', type: PRODUCT, parameters: { resource: '1688', operation: 'getCategory', categoryId: '1046', language: 'vi' } },
			],
		});
		const [top] = output(run, 'Top');
		expect(top).toMatchObject({ categoryId: 0, translatedName: 'All categories', leaf: false, level: 0 });
		expect((top.children as IDataObject[]).map((c) => c.translatedName)).toEqual(['Accessories & jewelry', 'Apparel', 'Digital & computers']);
		expect(output(run, 'Phones')).toEqual([
			{
				categoryId: 1046,
				chineseName: '手机配件',
				translatedName: 'Phụ kiện điện thoại',
				language: 'vi',
				parentCateId: 7,
				level: 2,
				leaf: false,
				children: [
					{ categoryId: 201294004, chineseName: '数据线', translatedName: 'Cáp dữ liệu', language: 'vi', parentCateId: 1046, level: 3, leaf: true },
					{ categoryId: 201294005, chineseName: '手机壳', translatedName: 'Ốp lưng điện thoại', language: 'vi', parentCateId: 1046, level: 3, leaf: true },
				],
			},
		]);
		expect(calls('product1688Category').map((e) => e.body)).toEqual(['{"categoryId":0,"language":"en"}', '{"categoryId":1046,"language":"vi"}']);
	});

	it('Get Category: an unknown category is refused with code and message', async () => {
		const run = await runProduct({ resource: '1688', operation: 'getCategory', categoryId: '999' });
		expectRefusal(run, '4040', /category 999 does not exist/);
	});

	it('Get Wangwang URL: from a seller or from an offer', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Seller', type: PRODUCT, parameters: { resource: '1688', operation: 'getWangwangUrl', sellerOpenId: SELLERS[1].sellerOpenId } },
				{ name: 'Offer', type: PRODUCT, parameters: { resource: '1688', operation: 'getWangwangUrl', lookUpBy: 'offerId', offerId: String(CABLE) } },
			],
		});
		expect(output(run, 'Seller')).toEqual([
			{
				sellerOpenId: SELLERS[1].sellerOpenId,
				loginId: 'gzchaoliu2019',
				wangwangUrl: 'https://amos.alibaba.com/msg.aw?v=2&uid=gzchaoliu2019&site=cnalichn&s=10&charset=UTF-8',
			},
		]);
		expect(output(run, 'Offer')).toEqual([expect.objectContaining({ sellerOpenId: SELLERS[2].sellerOpenId, loginId: 'szshuma_pf' })]);
		expect(calls('product1688Wangwang').map((e) => e.body)).toEqual([`{"sellerOpenId":"${SELLERS[1].sellerOpenId}"}`, `{"offerId":${CABLE}}`]);
	});

	it('Get Wangwang URL: a missing seller is stopped before any request; an unknown one is refused', async () => {
		const run = await runProduct({ resource: '1688', operation: 'getWangwangUrl', sellerOpenId: '={{ $json.seller }}' }, { items: [{ json: { seller: '' } }] });
		expectInputError(run, 'Seller Open ID: is required');
		expect(calls('product1688Wangwang')).toHaveLength(0);
		const unknown = await runProduct({ resource: '1688', operation: 'getWangwangUrl', sellerOpenId: 'b2b-nobody' });
		expectRefusal(unknown, '4040', /seller b2b-nobody does not exist/);
	});
});

describe('Pandapon Product, Taobao, in the real n8n engine against the sandbox', () => {
	const SHOES = '681234567890';
	const MUG = '690011223344';

	it('Get: reads an item by GET, simplified with fen and yuan, and raw on request', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Simple', type: PRODUCT, parameters: { resource: 'taobao', operation: 'get', itemId: SHOES } },
				{ name: 'Raw', type: PRODUCT, parameters: { resource: 'taobao', operation: 'get', itemId: MUG, simplify: false } },
			],
		});
		expect(output(run, 'Simple')).toEqual([
			{
				itemId: SHOES,
				mpId: 'MP681234567890',
				title: '夏季透气运动鞋 Breathable running shoes',
				status: 'ONSALE',
				itemType: 'tmall',
				price: 15900,
				priceYuan: 159,
				promotionPrice: 12900,
				promotionPriceYuan: 129,
				quantity: 300,
				shopId: '57300112',
				shopName: '跑者之家旗舰店',
				categoryName: '运动鞋',
				picUrl: 'https://img.alicdn.com/imgextra/shoes1.jpg',
				skus: [
					{ skuId: '4961234500001', mpSkuId: 'MPSKU4961234500001', properties: '尺码: 42', price: 15900, priceYuan: 159, promotionPrice: 12900, promotionPriceYuan: 129, quantity: 300, status: 'ONSALE' },
					{ skuId: '4961234500002', mpSkuId: 'MPSKU4961234500002', properties: '尺码: 43', price: 15900, priceYuan: 159, promotionPrice: 12900, promotionPriceYuan: 129, quantity: 0, status: 'SOLDOUT' },
				],
			},
		]);
		expect(output(run, 'Raw')).toEqual([
			expect.objectContaining({
				itemId: 690011223344,
				categoryPath: '餐饮具>杯子>马克杯',
				beginAmount: 1,
				productUnit: '个',
				userNick: 'jdz_ceramic',
				skuList: [expect.objectContaining({ skuId: '5012233445501', price: 3500, promotionPrice: 2990, quantity: 1000 })],
			}),
		]);
		expect(calls('taobaoProductGet').map((e) => [e.method, e.body])).toEqual([
			['GET', ''],
			['GET', ''],
		]);
	});

	it('Get: an unknown item is refused with code and message; a malformed ID is stopped before any request', async () => {
		const run = await runProduct({ resource: 'taobao', operation: 'get', itemId: '111111111111' });
		expectRefusal(run, '4040', /Taobao item 111111111111 does not exist/);
		const bad = await runProduct({ resource: 'taobao', operation: 'get', itemId: '={{ $json.id }}' }, { items: [{ json: { id: { itemId: 1 } } }] });
		expectInputError(bad, 'Item ID: an object is not a numeric ID of at most 19 digits');
		expect(calls('taobaoProductGet')).toHaveLength(1);
	});

	it('Batch Check: checks all input items in one call and gives each input item its own result, paired', async () => {
		const run = await runProduct(
			{ resource: 'taobao', operation: 'batchCheck', itemId: '={{ $json.item }}', skuIds: '={{ $json.skus }}' },
			{
				items: [
					{ json: { item: SHOES, skus: '4961234500002' } },
					{ json: { item: MUG, skus: '' } },
					{ json: { item: SHOES, skus: '4961234500001, 4961234599999' } },
					{ json: { item: '123456789012', skus: '' } },
				],
			},
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(bodies('taobaoProductBatchCheck')).toHaveLength(1);
		const [body] = bodies('taobaoProductBatchCheck');
		expect(typeof body.params).toBe('string');
		expect(JSON.parse(body.params as string)).toEqual([
			{ itemId: SHOES, skuIds: ['4961234500002', '4961234500001', '4961234599999'] },
			{ itemId: MUG },
			{ itemId: '123456789012' },
		]);
		const items = outputItems(run, 'Product');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		const [first, second, third, fourth] = items.map((i) => i.json);
		expect(first).toMatchObject({ itemId: SHOES, available: true, mpId: 'MP681234567890', missingSkuIds: [] });
		expect(first.skus).toEqual([expect.objectContaining({ skuId: '4961234500002', mpSkuId: 'MPSKU4961234500002', quantity: 0, status: 'SOLDOUT' })]);
		expect(second).toMatchObject({ itemId: MUG, available: true, price: 3500, priceYuan: 35, missingSkuIds: [] });
		expect(second.skus).toHaveLength(1);
		expect(third).toMatchObject({ itemId: SHOES, available: true, missingSkuIds: ['4961234599999'] });
		expect(third.skus).toEqual([expect.objectContaining({ skuId: '4961234500001', quantity: 300 })]);
		expect(fourth).toEqual({ itemId: '123456789012', available: false, reason: '商品不存在或已下架' });
	});

	it('Batch Check: 120 input items take three calls of at most 50 item IDs, each result paired with its input', async () => {
		const known = CATALOGUE_ITEMS.map((i) => i.itemId);
		const ids = Array.from({ length: 120 }, (_, n) => (n % 2 === 0 && n / 2 < known.length ? known[n / 2] : String(800000000000 + n)));
		const run = await runProduct(
			{ resource: 'taobao', operation: 'batchCheck', itemId: '={{ $json.id }}', simplify: false },
			{ items: ids.map((id) => ({ json: { id } })) },
		);
		expect(run.data.resultData.error).toBeUndefined();
		expect(bodies('taobaoProductBatchCheck').map((b) => (JSON.parse(b.params as string) as unknown[]).length)).toEqual([50, 50, 20]);
		const items = outputItems(run, 'Product');
		expect(items).toHaveLength(120);
		items.forEach((item, n) => {
			expect(item.pairedItem).toEqual({ item: n });
			expect(item.json.itemId).toBe(ids[n]);
			expect(item.json.available).toBe(known.includes(ids[n]));
		});
		expect(items.find((i) => i.json.itemId === SHOES)?.json).toMatchObject({ skuList: expect.any(Array), categoryPath: '运动鞋new>跑步鞋' });
	});

	it('Batch Check: a bad item ID stops the node before any request; with Continue On Fail it becomes that item\'s error and the rest are checked', async () => {
		const items = [{ json: { item: SHOES } }, { json: { item: 'B0-not-an-id' } }, { json: { item: MUG } }];
		const parameters = { resource: 'taobao', operation: 'batchCheck', itemId: '={{ $json.item }}' };
		const stopped = await runProduct(parameters, { items });
		expectInputError(stopped, 'Item ID: "B0-not-an-id" is not a numeric ID of at most 19 digits');
		expect(calls('taobaoProductBatchCheck')).toHaveLength(0);

		const run = await runProduct(parameters, { items, continueOnFail: true });
		const out = outputItems(run, 'Product');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json).toMatchObject({ itemId: SHOES, available: true });
		expect(out[1].json.error).toBe('Item ID: "B0-not-an-id" is not a numeric ID of at most 19 digits');
		expect(out[2].json).toMatchObject({ itemId: MUG, available: true });
		expect(bodies('taobaoProductBatchCheck').map((b) => JSON.parse(b.params as string))).toEqual([[{ itemId: SHOES }, { itemId: MUG }]]);
	});

	it('Batch Check: an API refusal becomes the error of every item of that call, with code and message', async () => {
		sandbox.faults.push({ path: '/open/product/batch/check', kind: { type: 'status', status: 400, code: 4000, msg: 'params is not valid' } });
		const run = await runProduct(
			{ resource: 'taobao', operation: 'batchCheck', itemId: '={{ $json.item }}' },
			{ items: [{ json: { item: SHOES } }, { json: { item: MUG } }], continueOnFail: true },
		);
		const out = outputItems(run, 'Product');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of out) {
			expect(item.json).toMatchObject({ error: 'Pandapon refused the request: params is not valid (code 4000)', code: '4000', httpStatus: 400 });
		}
		expect(calls('taobaoProductBatchCheck')).toHaveLength(1);
	});

	it('Get Source: where an item comes from, translated', async () => {
		const run = await runProduct({ resource: 'taobao', operation: 'getSource', itemId: SHOES, language: 'vi' });
		expect(output(run, 'Product')).toEqual([
			{
				itemId: SHOES,
				itemResource: 'TMALL',
				sourceUrl: `https://detail.tmall.com/item.htm?id=${SHOES}`,
				title: '夏季透气运动鞋 Breathable running shoes',
				language: 'vi',
				titleTrans: 'Giày chạy bộ thoáng khí mùa hè',
				description: expect.stringContaining('飞织鞋面'),
				shopId: 57300112,
				shopName: '跑者之家旗舰店',
				location: '福建 泉州',
			},
		]);
		expect(calls('taobaoProductSource').map((e) => e.body)).toEqual([`{"itemId":"${SHOES}","language":"vi"}`]);
	});

	it('Get Source: an unknown item is refused with code and message', async () => {
		const run = await runProduct({ resource: 'taobao', operation: 'getSource', itemId: '222222222222' });
		expectRefusal(run, '4040', /Taobao item 222222222222 does not exist/);
	});

	it('Search: keyword with a sort, pages of at most 40 up to the limit', async () => {
		const run = await runProduct({ resource: 'taobao', operation: 'search', keyword: 'phone case', limit: 45, sort: 'total_sales_desc' });
		const found = output(run, 'Product');
		expect(found).toHaveLength(45);
		const sales = found.map((i) => i.sales as number);
		expect(sales).toEqual([...sales].sort((a, b) => b - a));
		expect(found[0]).toMatchObject({ itemId: expect.stringMatching(/^\d{12}$/), shopId: String(TAOBAO_CASE_SHOP.shopId), priceYuan: expect.any(Number) });
		expect(bodies('taobaoProductSearch')).toEqual([
			{ keyword: 'phone case', sort: 'total_sales_desc', pageNo: 1, pageSize: 40 },
			{ keyword: 'phone case', sort: 'total_sales_desc', pageNo: 2, pageSize: 40 },
		]);

		const mugs = await runProduct({ resource: 'taobao', operation: 'search', keyword: '马克杯' });
		expect(output(mugs, 'Product')).toEqual([
			expect.objectContaining({ itemId: MUG, price: 3500, priceYuan: 35, promotionPrice: 2990, promotionPriceYuan: 29.9, shopId: '61800045' }),
		]);
	});

	it('Search: an empty keyword is stopped before any request', async () => {
		const run = await runProduct({ resource: 'taobao', operation: 'search', keyword: '={{ $json.k }}' }, { items: [{ json: { k: '' } }] });
		expectInputError(run, 'Keyword: is required');
		expect(calls('taobaoProductSearch')).toHaveLength(0);
	});

	it('Search by Image: by image URL and by binary image', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: [{ json: {}, binary: { data: png() } }],
			nodes: [
				{ name: 'Binary', type: PRODUCT, parameters: { resource: 'taobao', operation: 'searchByImage', limit: 5 } },
				{
					name: 'Url',
					type: PRODUCT,
					executeOnce: true,
					parameters: { resource: 'taobao', operation: 'searchByImage', imageSource: 'url', imageUrl: 'https://img.alicdn.com/imgextra/mug1.jpg', limit: 1 },
				},
			],
		});
		expect(output(run, 'Url')).toEqual([expect.objectContaining({ itemId: MUG })]);
		expect(output(run, 'Binary')).toHaveLength(5);
		expect(bodies('taobaoProductImageSearch')).toEqual([
			{ imageBase64: PNG, pageNo: 1, pageSize: 5 },
			{ imageAddress: 'https://img.alicdn.com/imgextra/mug1.jpg', pageNo: 1, pageSize: 1 },
		]);
	});

	it('Search by Image: a wrong binary field is an input error naming the field and the item, before any request', async () => {
		const run = await runProduct(
			{ resource: 'taobao', operation: 'searchByImage', binaryPropertyName: 'image' },
			{ items: [{ json: { note: 'no binary at all' } }] },
		);
		expectInputError(run, 'Input Binary Field: the input item has no binary field "image"');
		expect(calls('taobaoProductImageSearch')).toHaveLength(0);
	});

	it('Search Shop: the items of one shop, by keyword or all', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'All', type: PRODUCT, parameters: { resource: 'taobao', operation: 'searchShop', shopId: '57300112', returnAll: true } },
				{
					name: 'Keyword',
					type: PRODUCT,
					parameters: { resource: 'taobao', operation: 'searchShop', shopId: String(TAOBAO_CASE_SHOP.shopId), keyword: 'galaxy', sort: 'price_asc', returnAll: true },
					executeOnce: true,
				},
			],
		});
		expect(output(run, 'All')).toEqual([expect.objectContaining({ itemId: SHOES, shopName: '跑者之家旗舰店' })]);
		const galaxy = output(run, 'Keyword');
		expect(galaxy.length).toBe(CATALOGUE_ITEMS.filter((i) => i.title.includes('Galaxy')).length);
		const prices = galaxy.map((i) => i.promotionPrice as number);
		expect(prices).toEqual([...prices].sort((a, b) => a - b));
		expect(calls('taobaoShopSearch').map((e) => e.body)).toEqual([
			'{"shopId":57300112,"pageNo":1,"pageSize":40}',
			`{"shopId":${TAOBAO_CASE_SHOP.shopId},"keyword":"galaxy","sort":"price_asc","pageNo":1,"pageSize":40}`,
		]);
	});

	it('Search Shop: an unknown shop is refused with code and message', async () => {
		const run = await runProduct({ resource: 'taobao', operation: 'searchShop', shopId: '1' });
		expectRefusal(run, '4040', /Taobao shop 1 does not exist/);
	});
});
