import { DEFAULT_SIGNING_RULE, signedHeaders } from '../../nodes/shared/signing';
import { classifyDelivery, IN_FLIGHT_MS, judgeCallback, MAX_CALLBACK_BYTES, nonceReused, REDELIVERY_WINDOW_MS, settleDelivery } from '../../nodes/PandaponTrigger/callback';
import type { Taken } from '../../nodes/PandaponTrigger/callback';
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

	const t0 = 1_800_000_000_000;
	const fp = (c: string) => c.repeat(64);

	it('refuses a copy while the first is being started (409) and runs nothing for one after n8n answered 200', () => {
		const memory = new Map<string, Taken>();
		const stale: Record<string, number> = {};
		expect(classifyDelivery(memory, {}, fp('a'), t0)).toBe('new');
		expect(classifyDelivery(memory, { ...stale }, fp('a'), t0 + 50)).toBe('inFlight');
		settleDelivery(memory, fp('a'), 200, t0 + 80);
		const loaded = { ...stale };
		expect(classifyDelivery(memory, loaded, fp('a'), t0 + 100)).toBe('saved');
		expect(Object.keys(loaded)).toEqual([fp('a').slice(0, 16)]);
		expect(classifyDelivery(memory, {}, fp('a'), t0 + 2 * 60 * 60 * 1000)).toBe('saved');
	});

	it('runs a re-send whose first copy n8n could not start (answered 500), or whose answer never went out', () => {
		const memory = new Map<string, Taken>();
		expect(classifyDelivery(memory, {}, fp('b'), t0)).toBe('new');
		settleDelivery(memory, fp('b'), 500, t0 + 10);
		expect(classifyDelivery(memory, {}, fp('b'), t0 + 20)).toBe('new');
		expect(classifyDelivery(memory, {}, fp('b'), t0 + IN_FLIGHT_MS - 1)).toBe('inFlight');
		expect(classifyDelivery(memory, {}, fp('b'), t0 + 20 + IN_FLIGHT_MS)).toBe('new');
	});

	it('writes back stored keys that a concurrent static-data save dropped', () => {
		const memory = new Map<string, Taken>();
		const first: Record<string, number> = {};
		const second: Record<string, number> = {};
		expect(classifyDelivery(memory, first, fp('c'), t0)).toBe('new');
		expect(classifyDelivery(memory, second, fp('d'), t0)).toBe('new');
		settleDelivery(memory, fp('c'), 200, t0 + 5);
		settleDelivery(memory, fp('d'), 200, t0 + 6);
		// n8n saved `first`, then `second` over it: the static data now holds d only.
		const loaded = { ...second };
		expect(classifyDelivery(memory, loaded, fp('e'), t0 + 10)).toBe('new');
		expect(Object.keys(loaded).sort()).toEqual([fp('c'), fp('d'), fp('e')].map((f) => f.slice(0, 16)).sort());
	});

	it('learns the keys other processes saved and writes them back when a save dropped them', () => {
		const memory = new Map<string, Taken>();
		const fromOthers = { [fp('g').slice(0, 16)]: Math.floor(t0 / 1000) + 3600 };
		expect(classifyDelivery(memory, { ...fromOthers }, fp('h'), t0)).toBe('new');
		// Another webhook processor saved over the static data without g.
		const loaded: Record<string, number> = {};
		expect(classifyDelivery(memory, loaded, fp('g'), t0 + 10)).toBe('saved');
		// h is still starting: it goes out too, for IN_FLIGHT_MS only, so the other processor takes a copy as taken.
		expect(loaded).toEqual({ [fp('g').slice(0, 16)]: fromOthers[fp('g').slice(0, 16)], [fp('h').slice(0, 16)]: Math.floor((t0 + IN_FLIGHT_MS) / 1000) });
	});

	it('another process knows only the static data, for the redelivery window', () => {
		const saved: Record<string, number> = {};
		classifyDelivery(new Map(), saved, fp('f'), t0);
		expect(classifyDelivery(new Map(), { ...saved }, fp('f'), t0 + 30 * 60_000)).toBe('saved');
		expect(classifyDelivery(new Map(), { ...saved }, fp('f'), t0 + REDELIVERY_WINDOW_MS + 1000)).toBe('new');
	});
});
