import { classifyTransportError, DEFAULT_RETRY, mayRetry, redirectFailure, retryDelay } from '../../nodes/shared/transport';

describe('transport rules', () => {
	it('classifies transport failures through n8n\'s wrapping', () => {
		expect(classifyTransportError({ message: 'x', cause: { code: 'ECONNABORTED', message: 'timeout of 500ms exceeded' } })).toBe('timeout');
		expect(classifyTransportError({ cause: { code: 'ECONNRESET' } })).toBe('reset');
		expect(classifyTransportError({ message: 'socket hang up' })).toBe('reset');
		expect(classifyTransportError({ cause: { cause: { code: 'ECONNREFUSED' } } })).toBe('refused');
		expect(classifyTransportError(new Error('weird'))).toBe('other');
	});

	it('never retries a write unless the API provably did not act (429 or refused connection)', () => {
		for (const status of [500, 502, 503, 'timeout', 'reset', 'other'] as const) expect(mayRetry('write', status)).toBe(false);
		expect(mayRetry('write', 429)).toBe(true);
		expect(mayRetry('write', 'refused')).toBe(true);
		for (const status of [429, 500, 503, 'timeout', 'reset', 'refused'] as const) expect(mayRetry('read', status)).toBe(true);
		expect(mayRetry('read', 'other')).toBe(false);
		expect(mayRetry('read', 404)).toBe(false);
	});

	it('backs off exponentially, capped, and honours Retry-After', () => {
		expect([0, 1, 2, 3, 10].map((a) => retryDelay(DEFAULT_RETRY, a))).toEqual([500, 1000, 2000, 4000, 8000]);
		expect(retryDelay(DEFAULT_RETRY, 0, '2')).toBe(2000);
		expect(retryDelay(DEFAULT_RETRY, 0, '0.25')).toBe(250);
		expect(retryDelay(DEFAULT_RETRY, 0, '3600')).toBe(8000);
		expect(retryDelay(DEFAULT_RETRY, 1, 'soon')).toBe(1000);
	});

	it('turns a 3xx into a failure that names the redirect target', () => {
		expect(redirectFailure(302, 'https://evil.example/collect')).toMatchObject({ httpStatus: 302, fromApi: false, msg: expect.stringContaining('redirect to https://evil.example/collect') });
		expect(redirectFailure(307, undefined)?.msg).toContain('(no Location header)');
		expect(redirectFailure(200, 'x')).toBeUndefined();
		expect(redirectFailure(404, 'x')).toBeUndefined();
	});
});
