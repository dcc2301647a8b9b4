import { createHash } from 'node:crypto';

import { request } from 'undici';

import { MAX_BODY_BYTES, startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';

/**
 * An independent implementation of the default signing rule, written from the README's statement
 * of it (*Where Pandapon's pages are silent*) and not from nodes/shared/signing.ts: sorted signed headers as name=value joined by &, then &key=secret,
 * MD5, hex, upper case.
 */
function independentSign(accessKey: string, nonce: string, timestamp: string, secret: string): string {
	const pairs = [['timestamp', timestamp], ['access-key', accessKey], ['nonce-str', nonce]]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([k, v]) => `${k}=${v}`);
	return createHash('md5').update(`${pairs.join('&')}&key=${secret}`, 'utf8').digest('hex').toUpperCase();
}

let sandbox: Sandbox;
let counter = 0;

function headersFor(overrides: Record<string, string> = {}) {
	const nonce = `nonce${String(++counter).padStart(27, '0')}`;
	const timestamp = String(Date.now());
	const { accessKey, accessSecret, userId } = sandbox.options;
	return {
		'content-type': 'application/json',
		'access-key': accessKey,
		'nonce-str': nonce,
		timestamp,
		'user-id': userId,
		signature: independentSign(accessKey, nonce, timestamp, accessSecret),
		...overrides,
	};
}

async function call(path: string, body: string, headers: Record<string, string>) {
	const res = await request(`${sandbox.url}${path}`, { method: 'POST', body, headers });
	return { status: res.statusCode, body: (await res.body.json()) as { code: number; msg: string } };
}

beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	await sandbox.close();
});

describe('sandbox authentication and contract', () => {
	const body = '{"offerId":672200114455,"quantity":1}';

	it('accepts a request signed by an independent implementation of the default signing rule', async () => {
		const res = await call('/alibaba/cart/add', body, headersFor());
		expect(res).toMatchObject({ status: 200, body: { code: 200 } });
	});

	it.each([
		['access-key', 'someone-else', 401, 4010],
		['nonce-str', 'a-different-nonce-than-signed-000', 403, 4030],
		['timestamp', String(Date.now() + 1), 403, 4030],
		['signature', '00000000000000000000000000000000', 403, 4030],
		['user-id', '999', 401, 4010],
	])('refuses the request when %s is altered', async (name, value, status, code) => {
		const res = await call('/alibaba/cart/add', body, { ...headersFor(), [name]: value });
		expect(res).toMatchObject({ status, body: { code } });
		expect(sandbox.state.cart.size).toBe(0);
	});

	it('refuses a reused nonce and a timestamp outside the 600 s window', async () => {
		const headers = headersFor();
		expect((await call('/alibaba/cart/add', body, headers)).status).toBe(200);
		expect(await call('/alibaba/cart/add', body, headers)).toMatchObject({ status: 412, body: { code: 4121 } });
		const nonce = 'stale000000000000000000000000000';
		const old = String(Date.now() - 601_000);
		const stale = headersFor({ 'nonce-str': nonce, timestamp: old, signature: independentSign(sandbox.options.accessKey, nonce, old, sandbox.options.accessSecret) });
		expect(await call('/alibaba/cart/add', body, stale)).toMatchObject({ status: 412, body: { code: 4120 } });
	});

	it('refuses a quoted integer id, a fractional quantity and unknown fields under the zod contract', async () => {
		for (const bad of ['{"offerId":"672200114455","quantity":1}', '{"offerId":672200114455,"quantity":1.5}', '{"offerId":672200114455,"quantity":1,"extra":1}']) {
			const res = await call('/alibaba/cart/add', bad, headersFor());
			expect(res).toMatchObject({ status: 400, body: { code: 4000 } });
		}
		expect(sandbox.log.every((e) => e.contractErrors?.length)).toBe(true);
	});

	it('answers 404 for unknown paths and 413 for oversized bodies', async () => {
		expect((await call('/no/such/api', '{}', headersFor())).status).toBe(404);
		const huge = JSON.stringify({ offerId: 1, quantity: 1, pad: 'x'.repeat(MAX_BODY_BYTES) });
		expect((await call('/alibaba/cart/add', huge, headersFor())).status).toBe(413);
	});
});
