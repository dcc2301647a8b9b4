import { messageFingerprint, MESSAGE_TYPES, orderIdsOf, parseMessage, wanted } from '../../nodes/shared/messages';

describe('message callbacks', () => {
	const body1688 = '{"baseInfo":{"id":2542285634920880794,"idOfStr":"2542285634920880794","status":"waitbuyerpay"},"productItems":[]}';

	it('reads the envelope with messageBody as an object or as a JSON string, keeping big ids', () => {
		const asObject = parseMessage(`{"messageType":"1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY","messageBody":${body1688},"messagePlatform":1,"timestamp":"1795977671231"}`);
		const asString = parseMessage(JSON.stringify({ messageType: '1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', messageBody: body1688, messagePlatform: 1, timestamp: '1795977671231' }));
		for (const parsed of [asObject, asString]) {
			expect(parsed).toEqual({
				ok: true,
				message: {
					messageType: '1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY',
					platform: '1688',
					messageBody: { baseInfo: { id: '2542285634920880794', idOfStr: '2542285634920880794', status: 'waitbuyerpay' }, productItems: [] },
					timestamp: '1795977671231',
				},
			});
		}
	});

	it('says why a body is refused', () => {
		expect(parseMessage('{"messageType":')).toEqual({ ok: false, reason: 'body is not valid JSON' });
		expect(parseMessage('[1]')).toEqual({ ok: false, reason: 'body is not a JSON object' });
		expect(parseMessage('{"messageBody":{}}')).toEqual({ ok: false, reason: 'messageType is missing' });
		expect(parseMessage('{"messageType":"X","messageBody":"{oops"}')).toEqual({ ok: false, reason: 'messageBody is a string but not valid JSON' });
		expect(parseMessage('{"messageType":"X"}')).toEqual({ ok: false, reason: 'messageBody is missing' });
	});

	it('passes unknown message types through with the platform from messagePlatform', () => {
		expect(parseMessage('{"messageType":"ORDER_SOMETHING_NEW","messageBody":{"orderId":"1"},"messagePlatform":0}')).toMatchObject({
			ok: true,
			message: { messageType: 'ORDER_SOMETHING_NEW', platform: 'taobao' },
		});
	});

	it('extracts order ids from 1688 and Taobao bodies as exact strings', () => {
		expect(orderIdsOf({ baseInfo: { id: '2542285634920880794', idOfStr: '2542285634920880794' } })).toEqual(['2542285634920880794']);
		expect(orderIdsOf({ baseInfo: { id: '2542285634920880794' } })).toEqual(['2542285634920880794']);
		expect(orderIdsOf({ salesOrderId: '4015593720611380219', subOrders: [{ purchase_order_id: '4015593720611380219' }] })).toEqual(['4015593720611380219']);
		expect(orderIdsOf({ note: 'nothing here' })).toEqual([]);
	});

	it('fingerprints a message by type, platform and body, not by its push time or key order', () => {
		const a = { messageType: 'T', platform: '1688' as const, messageBody: { a: 1, b: { c: 2, d: 3 } }, timestamp: '1' };
		const b = { ...a, messageBody: { b: { d: 3, c: 2 }, a: 1 }, timestamp: '2' };
		expect(messageFingerprint(a)).toBe(messageFingerprint(b));
		expect(messageFingerprint(a)).not.toBe(messageFingerprint({ ...a, messageBody: { a: 2, b: { c: 2, d: 3 } } }));
	});

	it('selects by Trigger On; status changes cover created, paid, shipped, closed and confirmed', () => {
		expect(wanted('1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', ['priceModified'])).toBe(true);
		expect(wanted('TAOBAO_ORDER_BUYER_VIEW_ORDER_SELLER_SEND', ['statusChanged'])).toBe(true);
		expect(wanted('1688_ORDER_BUYER_VIEW_ORDER_BUYER_REFUND', ['statusChanged'])).toBe(false);
		expect(wanted('SOMETHING_NEW', ['statusChanged', 'refund'])).toBe(false);
		expect(wanted('SOMETHING_NEW', ['*'])).toBe(true);
		expect(MESSAGE_TYPES.filter((m) => m.provenance === 'documented').map((m) => m.messageType)).toEqual([
			'1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY',
			'TAOBAO_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY',
		]);
	});
});
