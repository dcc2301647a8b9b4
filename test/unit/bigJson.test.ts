import { parseJsonBig, stringifyJsonBig, toIdDigits } from '../../nodes/shared/bigJson';

describe('big-id JSON', () => {
	it('keeps integers beyond 2^53 exact as strings and leaves everything else alone', () => {
		const text =
			'{"orderId":2542285634920880794,"neg":-9007199254740993,"safe":9007199254740991,"price":12.5,"exp":1e21,' +
			'"s":"2542285634920880794","esc":"a\\"2542285634920880794","list":[1,18446744073709551615]}';
		expect(parseJsonBig(text)).toEqual({
			orderId: '2542285634920880794',
			neg: '-9007199254740993',
			safe: 9007199254740991,
			price: 12.5,
			exp: 1e21,
			s: '2542285634920880794',
			esc: 'a"2542285634920880794',
			list: [1, '18446744073709551615'],
		});
	});

	it('can give bigints instead, so a bare integer is told apart from a quoted one', () => {
		expect(parseJsonBig('{"a":2542285634920880794,"b":"2542285634920880794"}', { asBigInt: true })).toEqual({
			a: 2542285634920880794n,
			b: '2542285634920880794',
		});
	});

	it('rejects invalid JSON like JSON.parse does', () => {
		expect(() => parseJsonBig('{"a":')).toThrow(SyntaxError);
	});

	it('writes bigints as bare digits, even when BigInt.prototype.toJSON is patched (as n8n does)', () => {
		const proto = BigInt.prototype as unknown as { toJSON?: () => string };
		const saved = proto.toJSON;
		proto.toJSON = function (this: bigint) {
			return this.toString();
		};
		try {
			expect(stringifyJsonBig({ orderId: 2542285634920880794n, ids: [1n, 2], s: 'x\n"', n: null, u: undefined, d: new Date(0) })).toBe(
				'{"orderId":2542285634920880794,"ids":[1,2],"s":"x\\n\\"","n":null,"d":"1970-01-01T00:00:00.000Z"}',
			);
		} finally {
			proto.toJSON = saved;
		}
	});

	it('round-trips a 19-digit id exactly', () => {
		const id = 2542285634920880794n;
		expect(parseJsonBig(stringifyJsonBig({ id }))).toEqual({ id: id.toString() });
	});

	it('accepts ids only while their digits are exact', () => {
		expect(toIdDigits('2542285634920880794')).toBe('2542285634920880794');
		expect(toIdDigits(' 100001 ')).toBe('100001');
		expect(toIdDigits(100001)).toBe('100001');
		expect(toIdDigits(2542285634920880794n)).toBe('2542285634920880794');
		expect(toIdDigits(2542285634920880600)).toBeUndefined();
		expect(toIdDigits('25422856349208807941234567')).toBeUndefined();
		expect(toIdDigits('0123')).toBeUndefined();
		expect(toIdDigits('12.5')).toBeUndefined();
		expect(toIdDigits(-1)).toBeUndefined();
		expect(toIdDigits({})).toBeUndefined();
	});
});
