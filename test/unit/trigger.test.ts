import { DEFAULT_SIGNING_RULE, signedHeaders } from '../../nodes/shared/signing';
import {
	checkNonce,
	isPing,
	judgeCallback,
	MAX_CALLBACK_BYTES,
	MAX_NONCES,
	MAX_WINDOW_SECONDS,
	needsSecret,
	shownHeaders,
	tokenProblem,
	windowMsOf,
} from '../../nodes/PandaponTrigger/callback';
import type { CallbackInput } from '../../nodes/PandaponTrigger/callback';
import {
	classifyDelivery,
	IN_FLIGHT_MS,
	MAX_IN_FLIGHT,
	MAX_REMEMBERED,
	mergeDue,
	mergeSaved,
	newMemory,
	REDELIVERY_WINDOW_MS,
	SAVE_EVERY_MS,
	settleDelivery,
} from '../../nodes/PandaponTrigger/redelivery';

const body = '{"messageType":"1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY","messageBody":{"baseInfo":{"idOfStr":"2542285634920880794"}},"messagePlatform":1,"timestamp":"1795977671231"}';
const now = 1795977671231;
const credentials = { accessKey: 'AK', accessSecret: 'SECRET', userId: 'U', rule: DEFAULT_SIGNING_RULE };
const TOKEN = 'unit-test-callback-token-4Fh8qLz2';

function input(overrides: Partial<CallbackInput> = {}): CallbackInput {
	return {
		method: 'POST',
		token: TOKEN,
		rawBody: body,
		query: { token: TOKEN },
		headers: {},
		path: '/webhook/abc/pandapon',
		now,
		options: {},
		events: ['*'],
		platform: 'all',
		credentials: { accessKey: 'AK', userId: 'U', accessSecret: 'SECRET', rule: DEFAULT_SIGNING_RULE },
		...overrides,
	};
}

const signed = (b = body, at = now) => signedHeaders(credentials, { method: 'POST', path: '/webhook/abc/pandapon', body: b, timestamp: String(at) });

describe('Pandapon Trigger decisions', () => {
	it('accepts a well-formed message and reports what was verified', () => {
		expect(judgeCallback(input())).toMatchObject({ accept: { messageType: '1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY', platform: '1688' }, signature: 'notChecked' });
		expect(judgeCallback(input({ headers: signed() }))).toMatchObject({ signature: 'valid' });
	});

	it('refuses a missing or wrong token with 401 and accepts the right one, in the query or the x-pandapon-token header', () => {
		const refused = { refuse: { status: 401, error: 'missing or wrong token' } };
		expect(judgeCallback(input({ query: {} }))).toEqual(refused);
		expect(judgeCallback(input({ query: { token: TOKEN.slice(0, -1) + 'x' } }))).toEqual(refused);
		expect(judgeCallback(input({ query: { token: TOKEN + 'x' } }))).toEqual(refused);
		expect(judgeCallback(input({ query: { token: [TOKEN] } }))).toEqual(refused);
		expect(judgeCallback(input({ query: {}, headers: { 'x-pandapon-token': TOKEN } }))).toHaveProperty('accept');
		expect(judgeCallback(input({ query: { token: TOKEN }, headers: { 'x-pandapon-token': 'wrong' } }))).toEqual(refused);
		expect(judgeCallback(input())).toHaveProperty('accept');
	});

	it('refuses every call while no usable token is set, unless a signature is required', () => {
		for (const token of ['', 'change-me-long-random-token', 'changeme-changeme-changeme', 'your-callback-token-goes-here', 'x'.repeat(40), 'short-but-random-9f2'])
			for (const query of [{}, { token }]) {
				expect(judgeCallback(input({ token, query }))).toEqual({ refuse: { status: 401, error: expect.stringMatching(/^trigger not secured: .*Signature Check is not Required$/) } });
				// Not even the console's Verify passes: an unprotected URL must be noticed at setup.
				expect(judgeCallback(input({ token, query, method: 'GET', rawBody: '' }))).toHaveProperty('refuse.status', 401);
			}
		expect(tokenProblem('')).toMatch(/no Callback Token/);
		expect(tokenProblem('change-me-long-random-token')).toMatch(/placeholder/);
		expect(tokenProblem('a'.repeat(23) + 'b')).toBeUndefined();
		expect(tokenProblem('a'.repeat(22) + 'b')).toMatch(/shorter than 24/);
		// A required signature stands in for the token; without a valid one the call is still refused.
		expect(judgeCallback(input({ token: '', query: {}, options: { signatureCheck: 'required' }, headers: signed() }))).toMatchObject({ signature: 'valid' });
		expect(judgeCallback(input({ token: '', query: {}, options: { signatureCheck: 'required' } }))).toEqual({ refuse: { status: 401, error: 'signature check failed: missingHeaders' } });
	});

	it('refuses tampered, stale and (when required) unsigned calls', () => {
		const tampered = body.replace('2542285634920880794', '2542285634920880795');
		expect(judgeCallback(input({ rawBody: tampered, headers: signedHeaders({ ...credentials, rule: { ...DEFAULT_SIGNING_RULE, template: '{body}{secret}' } }, { method: 'POST', path: '/webhook/abc/pandapon', body, timestamp: String(now) }), credentials: { accessKey: 'AK', userId: 'U', accessSecret: 'SECRET', rule: { ...DEFAULT_SIGNING_RULE, template: '{body}{secret}' } } }))).toEqual({
			refuse: { status: 401, error: 'signature check failed: badSignature' },
		});
		expect(judgeCallback(input({ headers: { ...signed(), signature: '0'.repeat(32) } }))).toEqual({ refuse: { status: 401, error: 'signature check failed: badSignature' } });
		expect(judgeCallback(input({ headers: signed(body, now - 601_000) }))).toEqual({ refuse: { status: 401, error: 'signature check failed: staleTimestamp' } });
		expect(judgeCallback(input({ headers: signed(body, now + 601_000) }))).toEqual({ refuse: { status: 401, error: 'signature check failed: staleTimestamp' } });
		expect(judgeCallback(input({ options: { signatureCheck: 'required' } }))).toEqual({ refuse: { status: 401, error: 'signature check failed: missingHeaders' } });
		expect(judgeCallback(input({ options: { signatureCheck: 'off' }, headers: { ...signed(), signature: 'x' } }))).toHaveProperty('accept');
	});

	it('refuses a call validly signed under another access key or user id than the credential\'s', () => {
		const other = signedHeaders({ ...credentials, accessKey: 'AK2' }, { method: 'POST', path: '/webhook/abc/pandapon', body, timestamp: String(now) });
		expect(judgeCallback(input({ headers: other }))).toEqual({ refuse: { status: 401, error: 'signature check failed: wrongAccessKey' } });
		const otherUser = signedHeaders({ ...credentials, userId: 'U2' }, { method: 'POST', path: '/webhook/abc/pandapon', body, timestamp: String(now) });
		expect(judgeCallback(input({ headers: otherUser }))).toEqual({ refuse: { status: 401, error: 'signature check failed: wrongUserId' } });
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
		expect(checkNonce('nonce-a', 1_000, 600_000)).toBe('fresh');
		expect(checkNonce('nonce-a', 2_000, 600_000)).toBe('reused');
		expect(checkNonce('nonce-b', 2_000, 600_000)).toBe('fresh');
		expect(checkNonce('nonce-a', 1_000 + 1_200_001, 600_000)).toBe('fresh');
	});

	it('answers "full" instead of forgetting a live nonce once MAX_NONCES are inside their window, and takes new ones once they expire', () => {
		const t = 5_000_000_000;
		for (let n = 0; n < MAX_NONCES; n++) expect(checkNonce(`flood-${n}`, t, 600_000)).not.toBe('full');
		expect(checkNonce('one-more', t + 1, 600_000)).toBe('full');
		// The oldest flood nonce is still remembered: replaying it is refused, not let through.
		expect(checkNonce('flood-0', t + 2, 600_000)).toBe('reused');
		expect(checkNonce('one-more', t + 1_200_001, 600_000)).toBe('fresh');
	});

	it('caps the timestamp window at MAX_WINDOW_SECONDS', () => {
		expect(windowMsOf({})).toBe(600_000);
		expect(windowMsOf({ windowSeconds: 30 })).toBe(30_000);
		expect(windowMsOf({ windowSeconds: 86_400 })).toBe(MAX_WINDOW_SECONDS * 1000);
		expect(windowMsOf({ windowSeconds: 0 })).toBe(600_000);
		const at = now - 3_700_000;
		expect(judgeCallback(input({ options: { windowSeconds: 86_400 }, headers: signed(body, at) }))).toEqual({ refuse: { status: 401, error: 'signature check failed: staleTimestamp' } });
	});
});

describe('Include Raw Request', () => {
	it('leaves out secrets and every header that repeats the URL (and so the token)', () => {
		const headers = {
			'content-type': 'application/json',
			'user-agent': 'pandapon',
			'x-original-uri': `/webhook/x/pandapon?token=${TOKEN}`,
			'X-Forwarded-Uri': `/webhook/x/pandapon?token=${TOKEN}`,
			'x-original-url': `https://n8n/webhook/x?token=${TOKEN}`,
			'x-rewrite-url': `/x?token=${TOKEN}`,
			'x-envoy-original-path': `/x?token=${TOKEN}`,
			referer: `https://n8n/webhook/x?token=${TOKEN}`,
			'x-pandapon-token': TOKEN,
			authorization: 'Bearer x',
			cookie: 'a=b',
			signature: 'S',
		};
		expect(shownHeaders(headers)).toEqual({ 'content-type': 'application/json', 'user-agent': 'pandapon' });
	});
});

describe('the console\'s Verify', () => {
	it('answers a GET, an empty body, {} or a body without messageType as a ping, before any signature check, and still asks for the token', () => {
		const options = { signatureCheck: 'required' };
		for (const ping of [{ method: 'GET', rawBody: '' }, { rawBody: '' }, { rawBody: '  ' }, { rawBody: '{}' }, { rawBody: '{"test":true}' }]) {
			expect(judgeCallback(input({ ...ping, options }))).toEqual({ ping: true });
			expect(judgeCallback(input({ ...ping, options, query: {} }))).toEqual({ refuse: { status: 401, error: 'missing or wrong token' } });
			expect(needsSecret({ method: ping.method ?? 'POST', rawBody: ping.rawBody, headers: {}, options })).toBe(false);
		}
		expect(needsSecret({ method: 'POST', rawBody: body, headers: {}, options })).toBe(true);
		expect(needsSecret({ method: 'POST', rawBody: body, headers: {}, options: {} })).toBe(false);
	});

	it('is not a ping when messageType is there but wrong, or the body is not an object', () => {
		expect(isPing('POST', '{"messageType": 1}')).toBe(false);
		expect(judgeCallback(input({ rawBody: '{"messageType": 1}' }))).toEqual({ refuse: { status: 400, error: 'messageType is missing' } });
		expect(judgeCallback(input({ rawBody: '[]' }))).toEqual({ refuse: { status: 400, error: 'body is not a JSON object' } });
	});
});

describe('redelivery memory', () => {
	const t0 = 1_800_000_000_000;
	const fp = (c: string) => c.repeat(32);

	it('refuses a copy while the first is being started (409) and runs nothing for one after n8n answered 200', () => {
		const memory = newMemory();
		expect(classifyDelivery(memory, {}, fp('a'), t0)).toBe('new');
		expect(classifyDelivery(memory, {}, fp('a'), t0 + 50)).toBe('inFlight');
		settleDelivery(memory, fp('a'), 200, t0 + 80);
		expect(classifyDelivery(memory, {}, fp('a'), t0 + 100)).toBe('saved');
		expect(classifyDelivery(memory, {}, fp('a'), t0 + 2 * 60 * 60 * 1000)).toBe('saved');
		expect(classifyDelivery(memory, {}, fp('a'), t0 + REDELIVERY_WINDOW_MS + 100)).toBe('new');
	});

	it('runs a re-send whose first copy n8n could not start (answered 500), or whose answer never went out', () => {
		const memory = newMemory();
		expect(classifyDelivery(memory, {}, fp('b'), t0)).toBe('new');
		settleDelivery(memory, fp('b'), 500, t0 + 10);
		expect(classifyDelivery(memory, {}, fp('b'), t0 + 20)).toBe('new');
		expect(classifyDelivery(memory, {}, fp('b'), t0 + IN_FLIGHT_MS - 1)).toBe('inFlight');
		expect(classifyDelivery(memory, {}, fp('b'), t0 + 20 + IN_FLIGHT_MS)).toBe('new');
	});

	it('classifying writes nothing to the static data; a merge is due every SAVE_EVERY_MS under load, at once when nothing else is being started', () => {
		const memory = newMemory();
		const persisted: Record<string, number> = {};
		classifyDelivery(memory, persisted, fp('c'), t0);
		expect(persisted).toEqual({});
		expect(mergeDue(memory, 'answer', fp('c'), t0)).toBe(true);
		mergeSaved(memory, persisted, 'answer', t0);
		classifyDelivery(memory, persisted, fp('d'), t0 + 10);
		// c is still being started: another copy in flight, so d waits for the next turn.
		expect(mergeDue(memory, 'answer', fp('d'), t0 + 10)).toBe(false);
		expect(mergeDue(memory, 'answer', fp('d'), t0 + SAVE_EVERY_MS)).toBe(true);
		settleDelivery(memory, fp('c'), 200, t0 + 20);
		// Only d itself is being started now: idle, so it goes out at once.
		expect(mergeDue(memory, 'answer', fp('d'), t0 + 30)).toBe(true);
		// The other path keeps its own turn.
		expect(mergeDue(memory, 'run', fp('d'), t0 + 30)).toBe(true);
	});

	it('a merge writes back stored keys that a concurrent static-data save dropped, learns keys others saved, and changes nothing when all agree', () => {
		const memory = newMemory();
		classifyDelivery(memory, {}, fp('e'), t0);
		settleDelivery(memory, fp('e'), 200, t0 + 5);
		const fromOthers = { [fp('g').slice(0, 16)]: Math.floor(t0 / 1000) + 3600 };
		const loaded = { ...fromOthers };
		classifyDelivery(memory, loaded, fp('h'), t0 + 10);
		expect(mergeSaved(memory, loaded, 'run', t0 + 10)).toBe(true);
		expect(loaded).toEqual({
			[fp('e').slice(0, 16)]: Math.floor((t0 + 5 + REDELIVERY_WINDOW_MS) / 1000),
			[fp('g').slice(0, 16)]: fromOthers[fp('g').slice(0, 16)],
			// h is still starting: it goes out for IN_FLIGHT_MS only, so another processor takes a copy as taken.
			[fp('h').slice(0, 16)]: Math.floor((t0 + 10 + IN_FLIGHT_MS) / 1000),
		});
		expect(classifyDelivery(memory, {}, fp('g'), t0 + 20)).toBe('saved');
		expect(mergeSaved(memory, { ...loaded }, 'run', t0 + 30)).toBe(false);
	});

	it('another process knows only the static data, for the redelivery window', () => {
		const memory = newMemory();
		const saved: Record<string, number> = {};
		classifyDelivery(memory, saved, fp('f'), t0);
		settleDelivery(memory, fp('f'), 200, t0 + 5);
		mergeSaved(memory, saved, 'answer', t0 + 5);
		expect(classifyDelivery(newMemory(), { ...saved }, fp('f'), t0 + 30 * 60_000)).toBe('saved');
		expect(classifyDelivery(newMemory(), { ...saved }, fp('f'), t0 + REDELIVERY_WINDOW_MS + 1000)).toBe('new');
	});

	it('keeps at most MAX_REMEMBERED fingerprints, in memory and in the static data, the oldest dropped first', () => {
		const memory = newMemory();
		const saved: Record<string, number> = {};
		for (let n = 0; n < MAX_REMEMBERED + 5; n++) {
			const id = n.toString(16).padStart(16, '0').padEnd(32, '0');
			classifyDelivery(memory, saved, id, t0 + n);
			settleDelivery(memory, id, 200, t0 + n);
		}
		mergeSaved(memory, saved, 'answer', t0 + MAX_REMEMBERED + 5);
		expect(memory.taken.size).toBe(MAX_REMEMBERED);
		expect(Object.keys(saved)).toHaveLength(MAX_REMEMBERED);
		expect(classifyDelivery(memory, {}, '0'.repeat(32), t0 + MAX_REMEMBERED + 6)).toBe('new');
	});

	it('answers "full" for a new message while MAX_IN_FLIGHT copies are being started, until they settle or expire', () => {
		const memory = newMemory();
		const id = (n: number) => n.toString(16).padStart(16, '0').padEnd(32, '0');
		for (let n = 0; n < MAX_IN_FLIGHT; n++) expect(classifyDelivery(memory, {}, id(n), t0)).toBe('new');
		expect(classifyDelivery(memory, {}, id(MAX_IN_FLIGHT), t0 + 1)).toBe('full');
		expect(memory.taken.has(id(MAX_IN_FLIGHT).slice(0, 16))).toBe(false);
		settleDelivery(memory, id(0), 200, t0 + 2);
		expect(classifyDelivery(memory, {}, id(MAX_IN_FLIGHT), t0 + 3)).toBe('new');
		expect(classifyDelivery(memory, {}, id(MAX_IN_FLIGHT + 1), t0 + 4)).toBe('full');
		expect(classifyDelivery(memory, {}, id(MAX_IN_FLIGHT + 1), t0 + IN_FLIGHT_MS + 1)).toBe('new');
		expect(memory.starting.size).toBe(2);
	});
});
