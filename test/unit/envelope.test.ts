import { readEnvelope } from '../../nodes/shared/envelope';

describe('envelope', () => {
	it('succeeds on HTTP 2xx with code 200 and keeps big ids exact', () => {
		const result = readEnvelope(200, '{"requestId":"r1","code":200,"developId":1110890638347337996,"msg":"成功","data":{"orderId":2542285634920880794}}');
		expect(result).toEqual({ ok: true, data: { orderId: '2542285634920880794' }, requestId: 'r1' });
	});

	it('accepts data that is true, a list or absent', () => {
		expect(readEnvelope(200, '{"code":200,"data":true}')).toMatchObject({ ok: true, data: true });
		expect(readEnvelope(200, '{"code":200}')).toMatchObject({ ok: true, data: undefined });
	});

	it('fails on code other than 200 even with HTTP 200, carrying code, msg and requestId', () => {
		expect(readEnvelope(200, '{"requestId":"r2","code":500,"msg":"系统繁忙"}')).toEqual({
			ok: false,
			failure: { httpStatus: 200, code: '500', msg: '系统繁忙', requestId: 'r2', errorCode: undefined, errorInfo: undefined, fromApi: true },
		});
	});

	it('fails on a nested data.success === false and carries errorCode/errorInfo', () => {
		const result = readEnvelope(200, '{"requestId":"r3","code":200,"msg":"成功","data":{"success":false,"errorCode":"ORDER_STATUS","errorInfo":"状态不允许"}}');
		expect(result).toMatchObject({ ok: false, failure: { code: '200', msg: '状态不允许', errorCode: 'ORDER_STATUS', errorInfo: '状态不允许', requestId: 'r3' } });
	});

	it('fails on non-2xx HTTP even when the body says 200', () => {
		expect(readEnvelope(503, '{"code":200}')).toMatchObject({ ok: false, failure: { httpStatus: 503 } });
	});

	it('explains HTML pages, broken JSON and empty bodies without their markup', () => {
		const html = readEnvelope(502, '<html><head><style>x{}</style></head><body><h1>502 Bad Gateway</h1></body></html>');
		expect(html).toEqual({
			ok: false,
			failure: { httpStatus: 502, msg: 'Pandapon answered HTTP 502 with something that is not its JSON envelope: 502 Bad Gateway', fromApi: false },
		});
		expect(readEnvelope(200, '{"code":200,"data":{')).toMatchObject({ ok: false, failure: { fromApi: false } });
		expect(readEnvelope(200, '')).toMatchObject({ ok: false, failure: { msg: 'Pandapon answered HTTP 200 with an empty body' } });
	});
});
