import { DEFAULT_SIGNING_RULE, signedHeaders } from '../../nodes/shared/signing';
import { judgeCallback, MAX_CALLBACK_BYTES, nonceReused } from '../../nodes/PandaponTrigger/callback';
import type { CallbackInput } from '../../nodes/PandaponTrigger/callback';

const body = '{"messageType":"1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY","messageBody":{"baseInfo":{"idOfStr":"2542285634920880794"}},"messagePlatform":1,"timestamp":"1795977671231"}';
const now = 1795977671231;
const credentials = { accessKey: 'AK', accessSecret: 'SECRET', userId: 'U', rule: DEFAULT_SIGNING_RULE };

function input(overrides: Partial<CallbackInput> = {}): CallbackInput {
	return {
		rawBody: body,
		query: {},
		headers: {},
		path: '/webhook/abc/pandapon',
		now,
		options: {},
		events: ['*'],
		platform: 'all',
		credentials: { accessSecret: 'SECRET', rule: DEFAULT_SIGNING_RULE },
		...overrides,
	};
}

const signed = (b = body, at = now) => signedHeaders(credentials, { method: 'POST', path: '/webhook/abc/pandapon', body: b, timestamp: String(at) });

describe('Pandapon Trigger decisions', () => {
	it('accepts a well-formed message and reports what was verified', () => {
		expect(judgeCallback(input())).toMatchObject({ accept: { messageType: '1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', platform: '1688' }, signature: 'notChecked' });
		expect(judgeCallback(input({ headers: signed() }))).toMatchObject({ signature: 'valid' });
	});

	it('refuses a missing or wrong token with 401 and accepts the right one', () => {
		const options = { token: 's3cret-token' };
		expect(judgeCallback(input({ options }))).toEqual({ refuse: { status: 401, error: 'missing or wrong token' } });
		expect(judgeCallback(input({ options, query: { token: 's3cret-tokem' } }))).toEqual({ refuse: { status: 401, error: 'missing or wrong token' } });
		expect(judgeCallback(input({ options, query: { token: ['s3cret-token'] } }))).toEqual({ refuse: { status: 401, error: 'missing or wrong token' } });
		expect(judgeCallback(input({ options, query: { token: 's3cret-token' } }))).toHaveProperty('accept');
	});

	it('refuses tampered, stale and (when required) unsigned calls', () => {
		const tampered = body.replace('2542285634920880794', '2542285634920880795');
		expect(judgeCallback(input({ rawBody: tampered, headers: signedHeaders({ ...credentials, rule: { ...DEFAULT_SIGNING_RULE, template: '{body}{secret}' } }, { method: 'POST', path: '/webhook/abc/pandapon', body, timestamp: String(now) }), credentials: { accessSecret: 'SECRET', rule: { ...DEFAULT_SIGNING_RULE, template: '{body}{secret}' } } }))).toEqual({
			refuse: { status: 401, error: 'signature check failed: badSignature' },
		});
		expect(judgeCallback(input({ headers: { ...signed(), signature: '0'.repeat(32) } }))).toEqual({ refuse: { status: 401, error: 'signature check failed: badSignature' } });
		expect(judgeCallback(input({ headers: signed(body, now - 601_000) }))).toEqual({ refuse: { status: 401, error: 'signature check failed: staleTimestamp' } });
		expect(judgeCallback(input({ headers: signed(body, now + 601_000) }))).toEqual({ refuse: { status: 401, error: 'signature check failed: staleTimestamp' } });
		expect(judgeCallback(input({ options: { signatureCheck: 'required' } }))).toEqual({ refuse: { status: 401, error: 'signature check failed: missingHeaders' } });
		expect(judgeCallback(input({ options: { signatureCheck: 'off' }, headers: { ...signed(), signature: 'x' } }))).toHaveProperty('accept');
	});

	it('refuses malformed, oversized and non-JSON bodies with a reason', () => {
		expect(judgeCallback(input({ rawBody: 'not json' }))).toEqual({ refuse: { status: 400, error: 'body is not valid JSON' } });
		expect(judgeCallback(input({ rawBody: 'x'.repeat(MAX_CALLBACK_BYTES + 1) }))).toEqual({ refuse: { status: 413, error: `body over ${MAX_CALLBACK_BYTES} bytes` } });
		expect(judgeCallback(input({ headers: { 'content-type': 'application/x-www-form-urlencoded' } }))).toEqual({ refuse: { status: 415, error: 'content type application/x-www-form-urlencoded is not JSON' } });
		expect(judgeCallback(input({ headers: { 'content-type': 'multipart/form-data; boundary=x' } }))).toEqual({ refuse: { status: 415, error: 'content type multipart/form-data is not JSON' } });
		for (const type of ['application/json;charset=UTF-8', 'text/plain', 'application/vnd.pandapon+json', undefined]) {
			expect(judgeCallback(input({ headers: type === undefined ? {} : { 'content-type': type } }))).toHaveProperty('accept');
		}
	});

	it('answers but ignores messages the Trigger On and Platform settings leave out', () => {
		expect(judgeCallback(input({ events: ['shipped'] }))).toEqual({ ignore: '1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY not selected' });
		expect(judgeCallback(input({ platform: 'taobao' }))).toEqual({ ignore: 'platform 1688 not selected' });
	});
});

describe('callback nonces', () => {
	it('refuses a signed call whose nonce was used within the window, and forgets it after', () => {
		expect(nonceReused('nonce-a', 1_000, 600_000)).toBe(false);
		expect(nonceReused('nonce-a', 2_000, 600_000)).toBe(true);
		expect(nonceReused('nonce-b', 2_000, 600_000)).toBe(false);
		expect(nonceReused('nonce-a', 1_000 + 1_200_001, 600_000)).toBe(false);
	});
});
