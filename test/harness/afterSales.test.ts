import type { IDataObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { FIRST_ORDER_ID } from '../../sandbox/state';
import type { Order } from '../../sandbox/state';
import type { TaobaoOrder, TaobaoOrderStatus } from '../../sandbox/taobao/state';
import { loadOptions as loadOptionsOf, output, outputItems, PACKAGE, runWorkflow, sandboxCredentials } from './engine';

const AFTER_SALES = `${PACKAGE}.pandaponAfterSales`;
const EARRING = { offerId: 624981234567n, specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718' };
const KEYCHAIN = { offerId: 631247789012n, specId: '9f5c3e4a1d0f6b82c3d4e5f60718293a' };
/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64',
);

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	expect(sandbox.log.filter((e) => e.contractErrors ?? e.responseErrors)).toEqual([]);
	await sandbox.close();
});

const calls = (endpoint: string) => sandbox.log.filter((e) => e.endpoint === endpoint);

function node(name: string, platform: '1688' | 'taobao', parameters: IDataObject, extra: IDataObject = {}) {
	return { name, type: AFTER_SALES, parameters: { resource: platform, ...parameters }, ...extra };
}

async function run(nodes: Array<ReturnType<typeof node>>, items?: INodeExecutionData[], more: IDataObject = {}) {
	return await runWorkflow({ credentials: sandboxCredentials(sandbox), nodes, items, ...more });
}

function errorOf(result: Awaited<ReturnType<typeof run>>) {
	return result.data.resultData.error as unknown as { name: string; message: string; context: { pandapon?: IDataObject } };
}

/** A 1688 order (earrings ×10 at 290 fen + keychains ×4 at 150 fen, 600 fen carriage) moved to `status`. */
function order1688(status: 'waitsellersend' | 'waitbuyerreceive' | 'confirm_goods'): Order {
	const lines = sandbox.state.cargoLines([{ ...EARRING, quantity: 10 }, { ...KEYCHAIN, quantity: 4 }]).map((c) => c.line);
	const created = sandbox.state.createOrder('b2b-2206783546291c8f1', lines, {
		address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' },
		flow: 'general',
	});
	sandbox.state.pay(created.id);
	if (status !== 'waitsellersend') sandbox.state.ship(created.id);
	if (status === 'confirm_goods') sandbox.state.confirmReceipt(created.id);
	return created;
}

const [EARRING_LINE, KEYCHAIN_LINE] = ['3315502871190443521', '3315502871190443522'];

/** A Taobao order of 2 pairs of shoes at 12900 fen, set to `status`. */
function taobaoOrder(status: TaobaoOrderStatus): TaobaoOrder {
	const created = sandbox.state.taobao.createOrder(
		[{ itemId: '681234567890', skuId: '4961234500001', title: '夏季透气运动鞋 Breathable running shoes', quantity: 2, priceFen: 12900 }],
		{ name: '王小明', mobile_phone: '13800138000', state: '浙江省', city: '杭州市', address: '文一西路969号' },
	);
	created.status = status;
	return created;
}

function taobaoRefund(o: TaobaoOrder, fee = 25800) {
	return sandbox.state.taobaoRefunds.create(sandbox.state, {
		subOrderId: o.lines[0].subOrderId.toString(),
		refundType: 2,
		goodsStatus: 2,
		reasonId: 2003,
		refundFee: fee,
		images: [],
	});
}

/** The After-Sales node's load-options method, as the editor calls it. */
async function loadOptions(method: string, parameters: IDataObject): Promise<INodePropertyOptions[]> {
	return await loadOptionsOf(sandbox, AFTER_SALES, method, parameters);
}

describe('Pandapon After-Sales 1688: reasons', () => {
	it('lists the reasons for order lines in a goods status, sending the 19-digit ids as bare integers', async () => {
		order1688('waitsellersend');
		const result = await run([
			node('Reasons', '1688', {
				operation: 'getReasons',
				orderId: FIRST_ORDER_ID.toString(),
				orderEntryIds: `${EARRING_LINE}, ${KEYCHAIN_LINE}`,
				goodsStatus: 'refundWaitSellerSend',
			}),
		]);
		expect(output(result, 'Reasons')).toEqual([
			expect.objectContaining({ reasonId: 20001, name: '我不想要了 (no longer wanted)', needVoucher: false, goodsStatus: 'refundWaitSellerSend' }),
			expect.objectContaining({ reasonId: 20002 }),
			expect.objectContaining({ reasonId: 20003 }),
		]);
		expect(calls('refund1688Reasons')[0].body).toBe(
			`{"orderId":${FIRST_ORDER_ID},"orderEntryIds":[${EARRING_LINE},${KEYCHAIN_LINE}],"goodsStatus":"refundWaitSellerSend"}`,
		);
	});

	it('maps a goods status that does not fit the order to an API error, and refuses a bad sub-order id before any request', async () => {
		order1688('waitsellersend');
		const refused = await run([
			node('Reasons', '1688', { operation: 'getReasons', orderId: FIRST_ORDER_ID.toString(), orderEntryIds: EARRING_LINE, goodsStatus: 'aftersaleBuyerReceived' }),
		]);
		expect(errorOf(refused).message).toBe(
			`Pandapon refused the request: goods status aftersaleBuyerReceived does not fit order ${FIRST_ORDER_ID}, which is waitsellersend (code 4090)`,
		);
		expect(errorOf(refused).context.pandapon).toMatchObject({ code: '4090', outcome: 'failed' });

		const bad = await run(
			[node('Reasons', '1688', { operation: 'getReasons', orderId: FIRST_ORDER_ID.toString(), orderEntryIds: '={{ $json.lines }}', goodsStatus: 'refundWaitSellerSend' })],
			[{ json: { lines: [EARRING_LINE, 'line-2'] } }],
		);
		expect(errorOf(bad).message).toBe('Sub-Order IDs: "line-2" is not a numeric ID of at most 19 digits');
		expect(calls('refund1688Reasons')).toHaveLength(1);
	});

	it('loads the Reason dropdown of Create from the typed order, lines and goods status', async () => {
		order1688('waitbuyerreceive');
		const options = await loadOptions('getRefundReasons', {
			resource: '1688',
			operation: 'create',
			orderId: FIRST_ORDER_ID.toString(),
			orderEntryIds: EARRING_LINE,
			goodsStatus: 'refundBuyerReceived',
		});
		expect(options).toEqual([
			{ name: '质量问题 (quality problem)', value: 20005, description: 'Needs a voucher' },
			{ name: '少件/漏发 (items missing)', value: 20006, description: 'Needs a voucher' },
			{ name: '商品与描述不符 (not as described)', value: 20007, description: 'Needs a voucher' },
			{ name: '七天无理由退货 (7-day return, no reason)', value: 20008, description: '退货运费由买家承担 (the buyer pays the return postage)' },
		]);
		// The Order ID as the editor saves it now, a resource locator, picked From List or typed By ID.
		for (const mode of ['list', 'id']) {
			const picked = { __rl: true, mode, value: FIRST_ORDER_ID.toString() };
			expect(await loadOptions('getRefundReasons', { resource: '1688', operation: 'create', orderId: picked, orderEntryIds: EARRING_LINE, goodsStatus: 'refundBuyerReceived' })).toEqual(options);
		}
		await expect(
			loadOptions('getRefundReasons', { orderId: '={{ $json.order }}', orderEntryIds: EARRING_LINE, goodsStatus: 'refundBuyerReceived' }),
		).rejects.toThrow('Enter the Order ID as a fixed value to load this list, or set this field with an expression');
		await expect(
			loadOptions('getRefundReasons', { orderId: { __rl: true, mode: 'id', value: '={{ $json.order }}' }, orderEntryIds: EARRING_LINE, goodsStatus: 'refundBuyerReceived' }),
		).rejects.toThrow('Enter the Order ID as a fixed value to load this list, or set this field with an expression');
		expect(calls('refund1688Reasons')).toHaveLength(3);
	});

	it('leaves the API dropdowns empty, without an error, while the fields they need are still empty', async () => {
		const before = sandbox.log.length;
		expect(await loadOptions('getRefundReasons', { orderId: '', orderEntryIds: '', goodsStatus: 'refundWaitSellerSend' })).toEqual([]);
		expect(await loadOptions('getRefundReasons', { orderId: { __rl: true, mode: 'list', value: '' }, orderEntryIds: '', goodsStatus: 'refundWaitSellerSend' })).toEqual([]);
		expect(await loadOptions('getTaobaoRefundReasons', { subOrderId: '', refundType: 1, goodsStatus: 2 })).toEqual([]);
		expect(await loadOptions('getReturnCompanies', { refundId: '' })).toEqual([]);
		expect(sandbox.log.length).toBe(before);
	});
});

describe('Pandapon After-Sales 1688: vouchers, claims and returns', () => {
	it('uploads a voucher image, claims a return with it, reads the refund and submits the return shipment', async () => {
		order1688('waitbuyerreceive');
		const result = await run(
			[
				node('Voucher', '1688', { operation: 'uploadVoucher', imageSource: 'binary', binaryPropertyName: 'photo' }),
				node('Claim', '1688', {
					operation: 'create',
					orderId: FIRST_ORDER_ID.toString(),
					orderEntryIds: EARRING_LINE,
					disputeRequest: 'returnRefund',
					goodsStatus: 'refundBuyerReceived',
					applyReasonId: 20005,
					applyPayment: 870,
					applyCarriage: 0,
					description: '3 of 10 earrings arrived broken',
					additionalFields: {
						vouchers: '={{ [$json.voucherUrl] }}',
						lineQuantities: { line: [{ id: EARRING_LINE, count: 3 }] },
					},
					safety: { maxTotalFen: 1000 },
				}),
				node('Get', '1688', { operation: 'get', refundId: '={{ $json.refundId }}' }),
				node('Return', '1688', {
					operation: 'submitReturnShipment',
					refundId: '={{ $json.refundId }}',
					logisticsCompanyNo: 'YTO',
					freightBill: 'YT7310000000099',
					additionalFields: { description: 'Sent back in the original box' },
				}),
			],
			[{ json: {}, binary: { photo: { data: PNG.toString('base64'), mimeType: 'image/png', fileName: 'broken.png' } } }],
		);
		expect(result.data.resultData.error).toBeUndefined();
		const [voucher] = output(result, 'Voucher');
		expect(voucher.voucherUrl).toMatch(/^https:\/\/cbu01\.alicdn\.com\/img\/ibank\/refund\/O1CN01[0-9a-f]{20}\.png$/);
		expect(JSON.parse(calls('refund1688Voucher')[0].body)).toEqual({ imageBase64: PNG.toString('base64') });

		const [claim] = output(result, 'Claim');
		expect(claim).toMatchObject({ refundId: 'TQ2207123456789012', orderId: FIRST_ORDER_ID.toString(), applyPayment: 870, applyPaymentYuan: 8.7 });
		expect(calls('refund1688Create')[0].body).toBe(
			`{"orderId":${FIRST_ORDER_ID},"orderEntryIds":[${EARRING_LINE}],"disputeRequest":"returnRefund","applyPayment":870,"applyCarriage":0,` +
				`"applyReasonId":20005,"description":"3 of 10 earrings arrived broken","goodsStatus":"refundBuyerReceived",` +
				`"vouchers":["${String(voucher.voucherUrl)}"],"orderEntryCountList":[{"id":${EARRING_LINE},"count":3}]}`,
		);
		// Max Total needed the preview, which checked the reason first.
		expect(calls('refund1688Reasons')).toHaveLength(1);

		expect(output(result, 'Get')).toEqual([
			expect.objectContaining({
				refundId: 'TQ2207123456789012',
				orderId: FIRST_ORDER_ID.toString(),
				orderEntryIds: [EARRING_LINE],
				status: 'waitbuyersend',
				applyPayment: 870,
				applyPaymentYuan: 8.7,
				applyReason: '质量问题 (quality problem)',
			}),
		]);
		const getRequest = calls('refund1688Get')[0];
		// One mirror shows refundId in the query, the other in the body: both carry it.
		expect([getRequest.method, getRequest.path, getRequest.body]).toEqual(['POST', '/alibaba/refund/info', '{"refundId":"TQ2207123456789012"}']);

		expect(output(result, 'Return')).toEqual([
			expect.objectContaining({ submitted: true, refundId: 'TQ2207123456789012', status: 'waitsellerreceive', freightBill: 'YT7310000000099' }),
		]);
		expect(sandbox.state.refund('TQ2207123456789012')).toMatchObject({
			status: 'waitsellerreceive',
			returnShipment: { logisticsCompanyNo: 'YTO', freightBill: 'YT7310000000099', description: 'Sent back in the original box' },
		});
	});

	it('uploads a voucher from a URL', async () => {
		const result = await run([node('Voucher', '1688', { operation: 'uploadVoucher', imageSource: 'url', imageUrl: 'https://example.com/box.jpg' })]);
		expect(output(result, 'Voucher')[0]).toMatchObject({ imageDomain: 'cbu01.alicdn.com', voucherUrl: expect.stringMatching(/\.jpg$/) });
		expect(JSON.parse(calls('refund1688Voucher')[0].body)).toEqual({ imageAddress: 'https://example.com/box.jpg' });
	});

	it('refuses a binary that is not an image before any request, and maps bytes that are no image to an API error', async () => {
		const items = [
			{ json: {}, binary: { data: { data: Buffer.from('hello').toString('base64'), mimeType: 'text/plain' } } },
			{ json: {}, binary: { data: { data: Buffer.from('not really a png').toString('base64'), mimeType: 'image/png' } } },
			{ json: {} },
		];
		const result = await run([node('Voucher', '1688', { operation: 'uploadVoucher' }, { continueOnFail: true })], items);
		const [text, fake, missing] = outputItems(result, 'Voucher').map((i) => i.json);
		expect(text.error).toBe('Input Binary Field: "data" is text/plain, not an image');
		expect(fake).toMatchObject({ error: 'Outcome unknown: imageBase64 is not a JPEG, PNG or GIF image (code 4000)', code: '4000' });
		expect(missing.error).toBe('Input Binary Field: the input item has no binary field "data"');
		expect(calls('refund1688Voucher')).toHaveLength(1);
	});

	it('Dry Run checks the reason and returns the claim; Max Total stops a claim above the cap; nothing is created', async () => {
		order1688('waitsellersend');
		const claim = (extra: IDataObject) =>
			node(
				'Claim',
				'1688',
				{
					operation: 'create',
					orderId: FIRST_ORDER_ID.toString(),
					orderEntryIds: EARRING_LINE,
					disputeRequest: 'refund',
					goodsStatus: 'refundWaitSellerSend',
					applyReasonId: '={{ $json.reason }}',
					applyPayment: '={{ $json.amount }}',
					applyCarriage: 600,
					description: 'Ordered the wrong colour',
					...extra,
				},
				{ continueOnFail: true },
			);
		const dry = await run(
			[claim({ safety: { dryRun: true } })],
			[{ json: { reason: 20002, amount: 2900 } }, { json: { reason: 20005, amount: 2900 } }, { json: { reason: 20002, amount: 0, } }],
		);
		const [preview, wrongReason] = outputItems(dry, 'Claim').map((i) => i.json);
		expect(preview).toMatchObject({
			dryRun: true,
			totalFen: 3500,
			totalYuan: 35,
			preview: { reason: '拍错/多拍 (ordered by mistake)', applyPayment: 2900, applyCarriage: 600, orderEntryIds: [EARRING_LINE] },
		});
		expect(wrongReason.error).toBe(
			'Reason: 20005 is not allowed for these sub-orders with goods status refundWaitSellerSend; allowed: 20001 (我不想要了 (no longer wanted)), 20002 (拍错/多拍 (ordered by mistake)), 20003 (未按约定时间发货 (not shipped on time))',
		);
		// Item 2 claims 600 fen carriage only, which is a valid claim: a dry run validates it too.
		expect(calls('refund1688Reasons')).toHaveLength(3);

		const capped = await run([claim({ safety: { maxTotalFen: 3000 } })], [{ json: { reason: 20002, amount: 2900 } }]);
		expect(outputItems(capped, 'Claim')[0].json.error).toBe(
			'Safety › Max Total (Fen): the previewed total 3500 fen (¥35) is above the limit of 3000 fen; nothing was created or paid',
		);
		expect(calls('refund1688Create')).toHaveLength(0);
		expect(sandbox.state.refunds.size).toBe(0);
	});

	it('maps a claim above what was paid to an API error, and refuses an empty claim before any request', async () => {
		order1688('waitsellersend');
		const claim = (applyPayment: number, applyCarriage: number) =>
			node('Claim', '1688', {
				operation: 'create',
				orderId: FIRST_ORDER_ID.toString(),
				orderEntryIds: KEYCHAIN_LINE,
				disputeRequest: 'refund',
				goodsStatus: 'refundWaitSellerSend',
				applyReasonId: 20001,
				applyPayment,
				applyCarriage,
				description: 'No longer needed',
			});
		const above = await run([claim(601, 0)]);
		expect(errorOf(above).message).toBe('Outcome unknown: applyPayment 601 fen exceeds the 600 fen paid for these goods (code 4090)');
		expect(errorOf(above).context.pandapon).toMatchObject({ outcome: 'unknown', endpoint: 'POST /alibaba/refund/detail/create' });
		const empty = await run([claim(0, 0)]);
		expect(errorOf(empty).message).toBe('Refund Amount (Fen): the claim is 0 fen; set the refund amount or the carriage refund');
		expect(calls('refund1688Create')).toHaveLength(1);
	});

	it('gets a refund raw, refuses an id that is not a TQ id before any request, and maps an unknown id to an API error', async () => {
		order1688('waitsellersend');
		const created = sandbox.state.createRefund({
			orderId: FIRST_ORDER_ID,
			subItemIds: [BigInt(EARRING_LINE)],
			disputeRequest: 'refund',
			applyPaymentFen: 2900,
			applyCarriageFen: 0,
			reasonId: 20001,
			description: 'x',
			goodsStatus: 'refundWaitSellerSend',
			vouchers: [],
		});
		const result = await run(
			[node('Get', '1688', { operation: 'get', refundId: '={{ $json.id }}', simplify: false }, { continueOnFail: true })],
			[{ json: { id: created.id } }, { json: { id: '2207123456789012' } }, { json: { id: 'TQ999' } }],
		);
		const [raw, notTq, unknown] = outputItems(result, 'Get').map((i) => i.json);
		expect(raw).toMatchObject({ refundId: created.id, orderId: FIRST_ORDER_ID.toString(), status: 'waitselleragree', applyPayment: 2900, createTime: expect.any(String) });
		expect(notTq.error).toBe('Refund ID: "2207123456789012" is not a 1688 refund ID (TQ followed by digits)');
		expect(unknown).toMatchObject({ error: 'Pandapon refused the request: refund TQ999 does not exist (code 4040)', code: '4040' });
		expect(calls('refund1688Get')).toHaveLength(2);
	});

	it('refuses a return shipment for a refund without return, and a bad tracking number before any request', async () => {
		order1688('waitsellersend');
		const created = sandbox.state.createRefund({
			orderId: FIRST_ORDER_ID,
			subItemIds: [BigInt(EARRING_LINE)],
			disputeRequest: 'refund',
			applyPaymentFen: 290,
			applyCarriageFen: 0,
			reasonId: 20001,
			description: 'x',
			goodsStatus: 'refundWaitSellerSend',
			vouchers: [],
		});
		const result = await run(
			[node('Return', '1688', { operation: 'submitReturnShipment', refundId: created.id, logisticsCompanyNo: 'SF', freightBill: '={{ $json.bill }}' }, { continueOnFail: true })],
			[{ json: { bill: 'SF1234567890' } }, { json: { bill: 'SF 12' } }],
		);
		const [conflict, badBill] = outputItems(result, 'Return').map((i) => i.json);
		expect(conflict).toMatchObject({
			error: `Outcome unknown: refund ${created.id} is a refund without return; there is nothing to send back (code 4090)`,
			outcome: 'unknown',
		});
		expect(badBill.error).toBe('Tracking Number: "SF 12" is not a tracking number (4–40 letters, digits or dashes)');
		expect(calls('refund1688ReturnGoods')).toHaveLength(1);
	});

	it('loads the logistics companies for the return shipment dropdown', async () => {
		const options = await loadOptions('getLogisticsCompanies', { resource: '1688', operation: 'submitReturnShipment' });
		expect(options).toEqual(expect.arrayContaining([{ name: '圆通速递 (YTO)', value: 'YTO' }, { name: '顺丰速运 (SF)', value: 'SF' }]));
		expect(calls('logistics1688Companies')).toHaveLength(1);
	});
});

describe('Pandapon After-Sales Taobao: refund options and creation', () => {
	it('gets the refund options of a sub-order, simplified in fen with yuan beside', async () => {
		const o = taobaoOrder('WAIT_BUYER_CONFIRM_GOODS');
		const subOrderId = o.lines[0].subOrderId.toString();
		const result = await run([node('Options', 'taobao', { operation: 'getRefundOptions', subOrderId, refundType: 2, goodsStatus: 2 })]);
		expect(output(result, 'Options')).toEqual([
			expect.objectContaining({
				subOrderId,
				refundType: 2,
				goodsStatus: 2,
				reasons: [
					expect.objectContaining({ reasonId: 2002 }),
					expect.objectContaining({ reasonId: 2003 }),
					expect.objectContaining({ reasonId: 2004 }),
				],
				maxRefundFee: 25800,
				maxRefundFeeYuan: 258,
				minRefundFee: 1,
				canEditRefundFee: true,
				openRefund: null,
			}),
		]);
		expect(JSON.parse(calls('taobaoRefundRender')[0].body)).toEqual({ subOrderId, refundType: 2, goodsStatus: 2 });
	});

	it('maps a return on an unshipped order to an API error, and refuses a goods status that is not 1 or 2 before any request', async () => {
		const o = taobaoOrder('WAIT_SELLER_SEND_GOODS');
		const result = await run(
			[node('Options', 'taobao', { operation: 'getRefundOptions', subOrderId: o.lines[0].subOrderId.toString(), refundType: 2, goodsStatus: '={{ $json.g }}' }, { continueOnFail: true })],
			[{ json: { g: 1 } }, { json: { g: 'received' } }],
		);
		const [conflict, bad] = outputItems(result, 'Options').map((i) => i.json);
		expect(conflict).toMatchObject({ error: `Pandapon refused the request: order ${o.id} has not been shipped; only a refund is possible (code 4090)` });
		expect(bad.error).toBe('Goods Status: "received" is not 1 or 2');
		expect(calls('taobaoRefundRender')).toHaveLength(1);
	});

	it('creates a reverse order through the render check, with the reason dropdown loaded from the render', async () => {
		const o = taobaoOrder('WAIT_BUYER_CONFIRM_GOODS');
		const subOrderId = o.lines[0].subOrderId.toString();
		const options = await loadOptions('getTaobaoRefundReasons', { subOrderId, refundType: 1, goodsStatus: 2 });
		expect(options.map((r) => r.value)).toEqual([2001, 2002]);

		const result = await run([
			node('Create', 'taobao', {
				operation: 'create',
				subOrderId,
				refundType: 1,
				goodsStatus: 2,
				reasonId: options[0].value,
				refundFee: 12900,
				additionalFields: { refundMemo: 'One pair missing', refundImages: 'https://example.com/a.jpg, https://example.com/b.jpg' },
				safety: { maxTotalFen: 20000, idempotencyKey: 'RMA-7' },
			}),
		]);
		const [created] = output(result, 'Create');
		expect(created).toMatchObject({ refundId: '203456710223344556', refundStatus: 'WAIT_SELLER_AGREE', refundFee: 12900, refundFeeYuan: 129, idempotencyKey: 'RMA-7' });
		expect(JSON.parse(calls('taobaoRefundCreate')[0].body)).toEqual({
			subOrderId,
			refundType: 1,
			goodsStatus: 2,
			reasonId: 2001,
			refundFee: 12900,
			refundMemo: 'One pair missing',
			refundImages: 'https://example.com/a.jpg,https://example.com/b.jpg',
		});
		expect(sandbox.state.taobaoRefunds.refund('203456710223344556')).toMatchObject({ status: 'WAIT_SELLER_AGREE', images: ['https://example.com/a.jpg', 'https://example.com/b.jpg'] });
	});

	it('stops an amount outside the rendered range before the create, and maps a second open reverse order to an API error', async () => {
		const o = taobaoOrder('WAIT_SELLER_SEND_GOODS');
		const create = (refundFee: number) =>
			node('Create', 'taobao', { operation: 'create', subOrderId: o.lines[0].subOrderId.toString(), refundType: 1, goodsStatus: 1, reasonId: 1002, refundFee, safety: { dryRun: true } });
		const partial = await run([create(100)]);
		expect(errorOf(partial).message).toBe('Refund Amount (Fen): 100 fen is outside the allowed 25800–25800 fen');
		expect(calls('taobaoRefundCreate')).toHaveLength(0);

		taobaoRefund(taobaoOrder('WAIT_BUYER_CONFIRM_GOODS'));
		const second = await run([
			node('Create', 'taobao', { operation: 'create', subOrderId: '4015593720611380302', refundType: 1, goodsStatus: 2, reasonId: 2002, refundFee: 500 }),
		]);
		expect(errorOf(second).message).toBe(
			'Outcome unknown: reverse order 203456710223344556 is already open for sub-order 4015593720611380302 (code 4090)',
		);
		expect(calls('taobaoRefundCreate')).toHaveLength(1);
	});
});

describe('Pandapon After-Sales Taobao: reading and changing reverse orders', () => {
	it('gets one reverse order and lists many with Limit and Return All across pages', async () => {
		for (let n = 0; n < 53; n++) taobaoRefund(taobaoOrder('WAIT_BUYER_CONFIRM_GOODS'), 100 + n);
		const result = await run([
			node('Get', 'taobao', { operation: 'get', refundId: '203456710223344556' }),
			node('Few', 'taobao', { operation: 'getMany', limit: 3 }, { executeOnce: true }),
			node('All', 'taobao', { operation: 'getMany', returnAll: true, simplify: false, filters: { refundStatus: 'WAIT_SELLER_AGREE' } }, { executeOnce: true }),
		]);
		expect(output(result, 'Get')).toEqual([
			expect.objectContaining({
				refundId: '203456710223344556',
				orderId: '4015593720611380219',
				subOrderId: '4015593720611380301',
				refundStatus: 'WAIT_SELLER_AGREE',
				refundFee: 100,
				refundFeeYuan: 1,
				reasonDesc: '商品与描述不符 (not as described)',
			}),
		]);
		const getRequest = calls('taobaoRefundGet')[0];
		expect([getRequest.method, getRequest.path]).toEqual(['GET', '/open/order/refund/query']);
		expect(output(result, 'Few')).toHaveLength(3);
		expect(JSON.parse(calls('taobaoRefundPage')[0].body)).toEqual({ pageNo: 1, pageSize: 3 });
		const all = output(result, 'All');
		expect(all).toHaveLength(53);
		expect(new Set(all.map((r) => String(r.refundId))).size).toBe(53);
		expect(calls('taobaoRefundPage').slice(1).map((c) => JSON.parse(c.body))).toEqual([
			{ pageNo: 1, pageSize: 50 },
			{ pageNo: 2, pageSize: 50 },
		]);
	});

	it('maps an unknown reverse order to an API error, and refuses a bad status filter before any request', async () => {
		const result = await run([node('Get', 'taobao', { operation: 'get', refundId: '123456' })]);
		expect(errorOf(result).message).toBe('Pandapon refused the request: reverse order 123456 does not exist (code 4040)');
		const list = await run([node('List', 'taobao', { operation: 'getMany', filters: { refundStatus: '={{ "DONE" }}' } })]);
		expect(errorOf(list).message).toBe('Filters › Status: "DONE" is not a reverse order status');
		expect(calls('taobaoRefundPage')).toHaveLength(0);
	});

	it('updates a reverse order, and maps a change after the seller agreed to an API error', async () => {
		const refund = taobaoRefund(taobaoOrder('WAIT_BUYER_CONFIRM_GOODS'), 9000);
		const id = refund.refundId.toString();
		const result = await run([node('Update', 'taobao', { operation: 'update', refundId: id, updateFields: { refundFee: 12000, refundMemo: 'Both pairs are faulty' } })]);
		expect(output(result, 'Update')).toEqual([expect.objectContaining({ updated: true, refundId: id, refundFee: 12000, refundFeeYuan: 120 })]);
		expect(JSON.parse(calls('taobaoRefundModify')[0].body)).toEqual({ refundId: id, refundFee: 12000, refundMemo: 'Both pairs are faulty' });
		expect(sandbox.state.taobaoRefunds.refund(id).memo).toBe('Both pairs are faulty');

		sandbox.state.taobaoRefunds.sellerAgree(sandbox.state, id);
		const late = await run([node('Update', 'taobao', { operation: 'update', refundId: id, updateFields: { reasonId: 2002 } })]);
		expect(errorOf(late).message).toBe(`Outcome unknown: reverse order ${id} is WAIT_BUYER_RETURN_GOODS and can no longer be changed (code 4090)`);
		const nothing = await run([node('Update', 'taobao', { operation: 'update', refundId: id, updateFields: {} })]);
		expect(errorOf(nothing).message).toBe('Update Fields: nothing to change');
		expect(calls('taobaoRefundModify')).toHaveLength(2);
	});

	it('cancels over GET, never re-sends a cancel whose answer was lost, and maps cancelling twice to an API error', async () => {
		const id = taobaoRefund(taobaoOrder('WAIT_BUYER_CONFIRM_GOODS')).refundId.toString();
		const result = await run([node('Cancel', 'taobao', { operation: 'cancel', refundId: id })]);
		expect(output(result, 'Cancel')).toEqual([expect.objectContaining({ cancelled: true, refundId: id })]);
		const request = calls('taobaoRefundCancel')[0];
		expect([request.method, request.path, request.body]).toEqual(['GET', `/open/order/refund/cancel/${id}`, '']);
		expect(sandbox.state.taobaoRefunds.refund(id).status).toBe('CLOSED');

		const again = await run([node('Cancel', 'taobao', { operation: 'cancel', refundId: id })]);
		expect(errorOf(again).message).toBe(`Outcome unknown: reverse order ${id} is CLOSED and cannot be cancelled (code 4090)`);

		const other = taobaoRefund(taobaoOrder('WAIT_BUYER_CONFIRM_GOODS')).refundId.toString();
		sandbox.faults.push({ path: `/open/order/refund/cancel/${other}`, when: 'after', kind: { type: 'html', status: 502 } });
		const lost = await run([node('Cancel', 'taobao', { operation: 'cancel', refundId: other })]);
		expect(errorOf(lost).context.pandapon).toMatchObject({ outcome: 'unknown', httpStatus: 502 });
		expect(calls('taobaoRefundCancel')).toHaveLength(3);
		expect([id, id, other].map((r) => sandbox.state.writeCounts.get(`/open/order/refund/cancel/${r}`))).toEqual([2, 2, 1]);
	});

	it('sends a message with images and lists the messages; refuses too many images and messages on a closed reverse order', async () => {
		const id = taobaoRefund(taobaoOrder('WAIT_BUYER_CONFIRM_GOODS')).refundId.toString();
		const result = await run([
			node('Send', 'taobao', { operation: 'sendMessage', refundId: id, refundMessage: 'Photos of the sole attached', additionalFields: { refundImages: '={{ ["https://example.com/sole.jpg"] }}' } }),
			node('Messages', 'taobao', { operation: 'getMessages', refundId: id }),
		]);
		expect(output(result, 'Send')).toEqual([expect.objectContaining({ sent: true, refundId: id })]);
		expect(JSON.parse(calls('taobaoRefundMessage')[0].body)).toEqual({
			refundId: id,
			refundMessage: 'Photos of the sole attached',
			refundImages: 'https://example.com/sole.jpg',
		});
		expect(output(result, 'Messages')).toEqual([
			expect.objectContaining({ refundId: id, sender: 'SYSTEM', messageId: 1 }),
			expect.objectContaining({ refundId: id, sender: 'BUYER', content: 'Photos of the sole attached', images: ['https://example.com/sole.jpg'] }),
		]);

		const four = 'https://e.com/1.jpg,https://e.com/2.jpg,https://e.com/3.jpg,https://e.com/4.jpg';
		const tooMany = await run([node('Send', 'taobao', { operation: 'sendMessage', refundId: id, refundMessage: 'x', additionalFields: { refundImages: four } })]);
		expect(errorOf(tooMany).message).toBe('Additional Fields › Images: 4 given; at most 3 are accepted');
		sandbox.state.taobaoRefunds.cancel(sandbox.state, id);
		const closed = await run([node('Send', 'taobao', { operation: 'sendMessage', refundId: id, refundMessage: 'Hello?' })]);
		expect(errorOf(closed).message).toBe(`Outcome unknown: reverse order ${id} is closed; no more messages (code 4090)`);
		expect(calls('taobaoRefundMessage')).toHaveLength(2);

		const unknown = await run([node('Messages', 'taobao', { operation: 'getMessages', refundId: '42' })]);
		expect(errorOf(unknown).message).toBe('Pandapon refused the request: reverse order 42 does not exist (code 4040)');
	});
});

describe('Pandapon After-Sales Taobao: return shipment', () => {
	it('renders the return options once the seller agreed, loads the carriers and submits the shipment', async () => {
		const id = taobaoRefund(taobaoOrder('TRADE_FINISHED')).refundId.toString();
		sandbox.state.taobaoRefunds.sellerAgree(sandbox.state, id);
		const companies = await loadOptions('getReturnCompanies', { refundId: id });
		expect(companies).toContainEqual({ name: '中通快递 (ZTO)', value: 'ZTO' });

		const result = await run([
			node('Render', 'taobao', { operation: 'getReturnShippingOptions', refundId: id }),
			node('Submit', 'taobao', { operation: 'submitReturnShipment', refundId: id, logisticsCompanyCode: companies[1].value, logisticsWaybillNo: 'ZT5566778899' }),
		]);
		expect(output(result, 'Render')).toEqual([
			expect.objectContaining({
				refundId: id,
				returnAddress: expect.objectContaining({ city: '金华市', zip: '322000' }),
				logisticsCompanies: expect.arrayContaining([{ companyCode: 'ZTO', companyName: '中通快递' }]),
			}),
		]);
		const render = calls('taobaoReturnRender')[1];
		expect([render.method, render.path]).toEqual(['GET', '/open/order/refund/logistics/render']);
		expect(output(result, 'Submit')).toEqual([expect.objectContaining({ submitted: true, refundStatus: 'WAIT_SELLER_CONFIRM_GOODS' })]);
		expect(JSON.parse(calls('taobaoReturnSubmit')[0].body)).toEqual({ refundId: id, logisticsCompanyCode: 'ZTO', logisticsWaybillNo: 'ZT5566778899' });
		expect(sandbox.state.taobaoRefunds.refund(id).returnShipment).toMatchObject({ companyName: '中通快递', waybillNo: 'ZT5566778899' });
	});

	it('maps a render before the seller agreed and an unknown carrier to API errors, and refuses a bad refund id before any request', async () => {
		const id = taobaoRefund(taobaoOrder('TRADE_FINISHED')).refundId.toString();
		const early = await run([node('Render', 'taobao', { operation: 'getReturnShippingOptions', refundId: id })]);
		expect(errorOf(early).message).toBe(
			`Pandapon refused the request: reverse order ${id} is WAIT_SELLER_AGREE, not waiting for the goods to be sent back (code 4090)`,
		);
		sandbox.state.taobaoRefunds.sellerAgree(sandbox.state, id);
		const result = await run(
			[node('Submit', 'taobao', { operation: 'submitReturnShipment', refundId: '={{ $json.id }}', logisticsCompanyCode: 'XYZ', logisticsWaybillNo: 'ZT5566778899' }, { continueOnFail: true })],
			[{ json: { id } }, { json: { id: 'RF-1' } }],
		);
		const [unknownCarrier, badId] = outputItems(result, 'Submit').map((i) => i.json);
		expect(unknownCarrier).toMatchObject({ error: 'Outcome unknown: logistics company XYZ is not offered for this return (code 4000)' });
		expect(badId.error).toBe('Refund ID: "RF-1" is not a numeric ID of at most 19 digits');
		expect(calls('taobaoReturnSubmit')).toHaveLength(1);
	});
});
