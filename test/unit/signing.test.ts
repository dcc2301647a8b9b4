import {
	computeSignature,
	DEFAULT_SIGNING_RULE,
	randomNonce,
	signedHeaders,
	signingString,
	verifySignedRequest,
} from '../../nodes/shared/signing';
import type { SigningInput } from '../../nodes/shared/signing';

/** Golden vectors were computed with Python's hashlib/hmac, not with this code. */
const base: SigningInput = {
	accessKey: 'AK',
	nonce: 'N32',
	timestamp: '1715669977082',
	userId: '2100007341207',
	method: 'POST',
	path: '/alibaba/cart/create/order',
	body: '{"cartIds":[100001],"flow":"general"}',
	secret: 'SECRET',
};

describe('signing', () => {
	it('builds the default string from the sorted signed headers and the secret', () => {
		expect(signingString(DEFAULT_SIGNING_RULE.template, base)).toBe(
			'access-key=AK&nonce-str=N32&timestamp=1715669977082&key=SECRET',
		);
		expect(computeSignature(DEFAULT_SIGNING_RULE, base)).toBe('BA3598B0CED3110B9455106D40EA2B4F');
	});

	it('signs non-ASCII secrets as UTF-8', () => {
		const input = {
			...base,
			accessKey: 'demo-access-key',
			nonce: 'abcdefghijklmnopqrstuvwxyz012345',
			timestamp: '1795977671231',
			secret: '秘密-ключ-🔑',
		};
		expect(computeSignature(DEFAULT_SIGNING_RULE, input)).toBe('457CAD39D7C96A57E3FE64BDC78A58C1');
	});

	it('follows a custom template, digest and case', () => {
		const template = '{method}\n{path}\n{timestamp}\n{nonce}\n{body}';
		const input = { ...base, timestamp: '1795977671231' };
		expect(computeSignature({ template, digest: 'hmacSha256', signatureCase: 'lower' }, input)).toBe(
			'4bf5435a359a161436cc877cbe4dc6bb6f441d96e5c34cb31f04662daa46e915',
		);
		expect(computeSignature({ template, digest: 'hmacMd5', signatureCase: 'upper' }, input)).toBe(
			'B6D527A857A663E37E7F95E43B384F35',
		);
		expect(
			computeSignature({ template: '{accessKey}|{userId}|{secret}', digest: 'sha256', signatureCase: 'lower' }, base),
		).toBe('b18f363cc31b44c4f932fd4b30e36cb410a25da2519d22d8de76f27a72b0ee9e');
	});

	it('never expands a placeholder that arrives inside a value', () => {
		expect(signingString('{body}|{secret}', { ...base, body: '{secret}' })).toBe('{secret}|SECRET');
	});

	it('produces the five headers with an injected clock and nonce; user-id is not signed', () => {
		const credentials = { accessKey: 'AK', accessSecret: 'SECRET', userId: 'U1', rule: DEFAULT_SIGNING_RULE };
		const request = { method: 'get', path: '/x', body: '', nonce: 'N32', timestamp: '1715669977082' };
		expect(signedHeaders(credentials, request)).toEqual({
			'access-key': 'AK',
			'nonce-str': 'N32',
			timestamp: '1715669977082',
			'user-id': 'U1',
			signature: 'BA3598B0CED3110B9455106D40EA2B4F',
		});
		expect(signedHeaders({ ...credentials, userId: 'U2' }, request).signature).toBe('BA3598B0CED3110B9455106D40EA2B4F');
	});

	it('makes 32-character alphanumeric nonces that do not repeat', () => {
		const nonces = new Set(Array.from({ length: 2000 }, () => randomNonce()));
		expect(nonces.size).toBe(2000);
		for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9]{32}$/);
	});

	describe('verifySignedRequest', () => {
		const headers = {
			'access-key': 'AK',
			'nonce-str': 'N32',
			timestamp: '1715669977082',
			signature: 'BA3598B0CED3110B9455106D40EA2B4F',
		};
		const check = (h: Record<string, string>, now = 1715669977082 + 1000) =>
			verifySignedRequest({
				headers: h,
				method: 'POST',
				path: '/p',
				body: '',
				secret: 'SECRET',
				rule: DEFAULT_SIGNING_RULE,
				now,
				windowMs: 600_000,
			});

		it('accepts a correct signature within the window', () => {
			expect(check(headers)).toEqual({ ok: true });
		});
		it('refuses a changed signature, a missing header and a stale or future timestamp', () => {
			expect(check({ ...headers, signature: 'BA3598B0CED3110B9455106D40EA2B4E' })).toEqual({ ok: false, reason: 'badSignature' });
			expect(check({ ...headers, 'nonce-str': 'N33' })).toEqual({ ok: false, reason: 'badSignature' });
			expect(check({ ...headers, signature: '' })).toEqual({ ok: false, reason: 'missingHeaders' });
			expect(check(headers, 1715669977082 + 600_001)).toEqual({ ok: false, reason: 'staleTimestamp' });
			expect(check(headers, 1715669977082 - 600_001)).toEqual({ ok: false, reason: 'staleTimestamp' });
			expect(check({ ...headers, timestamp: 'yesterday' })).toEqual({ ok: false, reason: 'badTimestamp' });
		});
		it('refuses a call signed for another access key or user id when the verifier names its own', () => {
			const base = { method: 'POST', path: '/p', body: '', secret: 'SECRET', rule: DEFAULT_SIGNING_RULE, now: 1715669977082 + 1000, windowMs: 600_000 };
			// Correctly signed with the shared secret, but under a key this credential is not.
			expect(verifySignedRequest({ ...base, headers, accessKey: 'OTHER' })).toEqual({ ok: false, reason: 'wrongAccessKey' });
			expect(verifySignedRequest({ ...base, headers, accessKey: 'AK' })).toEqual({ ok: true });
			expect(verifySignedRequest({ ...base, headers, accessKey: 'AK', userId: 'U1' })).toEqual({ ok: false, reason: 'wrongUserId' });
			// The default rule does not sign user-id, so the header only has to match.
			expect(verifySignedRequest({ ...base, headers: { ...headers, 'user-id': 'U1' }, accessKey: 'AK', userId: 'U1' })).toEqual({ ok: true });
		});
	});
});
