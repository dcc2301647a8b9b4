import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { ENDPOINTS } from '../../nodes/shared/catalogue';
import { fenToYuan } from '../../nodes/shared/money';
import { previewTotal } from '../../nodes/shared/preview';
import { idOf, readBatchOrders, readBulkPay, readCartOrderAnswer } from '../../nodes/shared/responses';
import { written } from '../../nodes/shared/safety/written';
import { moneyOut, toFen, UNITS, yuanToFen } from '../../nodes/shared/units';
import { PUBLISHED, publishedPage, responseIssues } from '../../sandbox/contract/published';

const node = { id: '1', name: 'Pay', type: 'x', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
const answer = (data: unknown) => ({ data, requestId: 'r1', clientRequestId: 'N0NCE' });

describe('money units', () => {
	it('converts yuan to fen by digits, exactly, and refuses what is not an amount of fen', () => {
		expect([yuanToFen(6.15), yuanToFen('6.15'), yuanToFen(39.9), yuanToFen(0.01), yuanToFen('5000'), yuanToFen('6.150'), yuanToFen(-39.89)]).toEqual([615, 615, 3990, 1, 500000, 615, -3989]);
		expect([yuanToFen(6.155), yuanToFen('abc'), yuanToFen(Infinity), yuanToFen(undefined), yuanToFen('1e3')]).toEqual([undefined, undefined, undefined, undefined, undefined]);
		expect(yuanToFen(0.1 + 0.2)).toBeUndefined();
	});

	it('gives yuan only beside whole fen: ¥6.15 read as fen is refused, not shown as ¥0.06', () => {
		expect([fenToYuan(615), fenToYuan('615'), fenToYuan(-3989)]).toEqual([6.15, 6.15, -39.89]);
		expect(fenToYuan(6.15)).toBeUndefined();
	});

	it('reads each field in its own unit: 1688 order detail in yuan, its discount and previews in fen', () => {
		expect(toFen('order1688Detail', 'data.baseInfo.totalAmount', 6.15)).toBe(615);
		expect(toFen('order1688Detail', 'data.baseInfo.discount', -3989)).toBe(-3989);
		expect(toFen('order1688Preview', 'data.orderPreviewResuslt[].sumPayment', 6400)).toBe(6400);
		expect(toFen('order1688Preview', 'data.orderPreviewResuslt[].sumPayment', 64.5)).toBeUndefined();
		expect(toFen('order1688Detail', 'data.baseInfo.unknownField', 1)).toBeUndefined();
		expect(moneyOut('order1688Detail', 'data.baseInfo.totalAmount', 5000)).toEqual({ totalAmount: 500000, totalAmountYuan: 5000, totalAmountRaw: 5000 });
		for (const fact of UNITS) expect(ENDPOINTS[fact.endpoint]).toBeDefined();
	});

	it('refuses a preview it cannot total instead of reading 0, naming the item', () => {
		expect(() => previewTotal(node, 2, 'order1688Preview', { orderPreviewResuslt: [] })).toThrow(/Safety › Max Total \(Fen\) \/ Dry Run: the preview lists no order.*/);
		expect(() => previewTotal(node, 0, 'order1688Preview', { orderPreviewResuslt: [{ sumPayment: 'n/a' }] })).toThrow(/not an amount in fen/);
		expect(previewTotal(node, 0, 'order1688Preview', { orderPreviewResuslt: [{ sumPayment: 1470 }, { sumPayment: 4580 }] }).totalFen).toBe(6050);
	});
});

describe('write answers (never invented)', () => {
	it('reads the bare envelope of create-from-cart as an unknown outcome with the clientRequestId', () => {
		const out = readCartOrderAnswer(answer(undefined), ['100001']);
		expect(out).toMatchObject({ outcome: 'unknown', accepted: true, clientRequestId: 'N0NCE', requestId: 'r1', raw: null, cartIds: ['100001'] });
		expect(JSON.stringify(out)).not.toContain('undefined');
		expect([out.orderId, undefined, null, '', 'undefined x', 0, 1.5, 2 ** 53].map(idOf)).toEqual(Array(8).fill(undefined));
		expect([2542285634920880794n, ' 2542285634920880794 ', 624981234567, 'WL0000000001'].map(idOf)).toEqual(['2542285634920880794', '2542285634920880794', '624981234567', 'WL0000000001']);
	});

	it('reads a create\'s id only when it is plainly there, amounts by the unit table', () => {
		const fields = (data: IDataObject) => ({ orderId: data.orderId, ...moneyOut('order1688Create', 'data.totalSuccessAmount', data.totalSuccessAmount) });
		expect(written(answer({ orderId: 2542285634920880794n, totalSuccessAmount: 1180 }), fields)).toEqual({
			json: { orderId: '2542285634920880794', totalSuccessAmount: 1180, totalSuccessAmountYuan: 11.8, requestId: 'r1' },
			ids: ['2542285634920880794'],
		});
		for (const data of [undefined, { totalSuccessAmount: 1180 }, { orderId: 'undefined x' }, [{ orderId: 1 }]]) {
			expect(written(answer(data), fields)).toEqual({
				json: expect.objectContaining({ outcome: 'unknown', accepted: true, clientRequestId: 'N0NCE', requestId: 'r1', raw: data ?? null }),
				ids: [],
			});
		}
	});

	it('reads Create Batch\'s order-detail objects by baseInfo.idOfStr with yuan amounts in fen', () => {
		const out = readBatchOrders(answer([{ baseInfo: { idOfStr: '2542285634920880794', sellerOpenId: 'S', totalAmount: 14.7 }, productItems: [{ productID: 624981234567, specId: 'x' }] }, { baseInfo: {} }]));
		expect(out).toEqual({
			orders: [
				expect.objectContaining({ orderId: '2542285634920880794', sellerOpenId: 'S', totalAmount: 1470, totalAmountRaw: 14.7, lines: [{ offerId: '624981234567', specId: 'x' }] }),
				expect.objectContaining({ outcome: 'unknown' }),
			],
		});
		expect(readBatchOrders(answer(undefined))).toMatchObject({ outcome: 'unknown', raw: null });
	});

	it('takes bulk pay orders it is not told about as unknown, never failed', () => {
		const bare = readBulkPay(answer(undefined), ['1', '2']);
		expect([...bare.values()].map((r) => r.outcome)).toEqual(['unknown', 'unknown']);
		const listed = readBulkPay(answer({ payResults: [{ orderId: 1, success: false, errorMsg: 'no' }] }), ['1', '2']);
		expect(listed.get('1')).toMatchObject({ success: false });
		expect(listed.get('2')).toMatchObject({ outcome: 'unknown' });
	});
});

describe('published facts (api/published.json)', () => {
	const shared = join(__dirname, '..', '..', '..', '..', 'shared', 'pandapon-api-pages', 'endpoints.json');
	it('is the fact sheet in ../shared, unchanged (when CI puts it beside the clone)', () => {
		if (!existsSync(shared)) return;
		expect(PUBLISHED).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
	});

	it('finds sandbox answers that depart from a published response', () => {
		const cartCreate = publishedPage(ENDPOINTS.cart1688CreateOrder)!;
		expect(responseIssues(cartCreate, undefined)).toEqual([]);
		expect(responseIssues(cartCreate, { orders: [] })).toEqual(['data is answered where the page documents only the envelope']);
		const tracking = publishedPage(ENDPOINTS.taobaoLogistics)!;
		expect(responseIssues(tracking, { purchaseOrderOuterId: '1', pnmLogisticsDetails: [{ mailNo: 'X', logisticsTraces: [] }] })).toEqual([]);
		expect(responseIssues(tracking, { logisticsList: [] })).toEqual(['data.purchaseOrderOuterId is missing', 'data.pnmLogisticsDetails is missing']);
	});

	it('holds at least 32 published v1 pages', () => {
		expect(PUBLISHED.filter((p) => p.version === 'v1').length).toBeGreaterThanOrEqual(32);
	});
});
