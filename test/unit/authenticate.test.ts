import { PandaponApi } from '../../credentials/PandaponApi.credentials';
import { baseUrlOf, insecureUrlProblem, signingRuleOf, signRequest } from '../../nodes/shared/authenticate';
import { computeSignature, DEFAULT_SIGNING_RULE } from '../../nodes/shared/signing';

const credentials = {
	accessKey: 'AK',
	accessSecret: 'SECRET',
	userId: 'U1',
	baseUrl: 'http://127.0.0.1:4010/',
};

describe('credential authenticate', () => {
	it('adds the five headers, keeps the caller\'s nonce and points relative URLs at the base URL', async () => {
		const request = await new PandaponApi().authenticate(credentials, {
			url: '/alibaba/cart/list',
			method: 'GET',
			headers: { accept: 'application/json', 'nonce-str': 'N32' },
		});
		expect(request.baseURL).toBe('http://127.0.0.1:4010');
		expect(request.headers).toMatchObject({ accept: 'application/json', 'access-key': 'AK', 'nonce-str': 'N32', 'user-id': 'U1' });
		const timestamp = String(request.headers!.timestamp);
		expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(5000);
		expect(request.headers!.signature).toBe(
			computeSignature(DEFAULT_SIGNING_RULE, { accessKey: 'AK', nonce: 'N32', timestamp, userId: 'U1', method: 'GET', path: '/alibaba/cart/list', body: '', secret: 'SECRET' }),
		);
	});

	it('signs the path behind a base URL with a prefix, and the exact body bytes it sends', () => {
		const custom = { ...credentials, baseUrl: 'https://gw.example.com/pandapon', customSigning: true, signingTemplate: '{nonce} {timestamp} {method} {path} {body} {secret}', signingDigest: 'md5', signatureCase: 'lower' };
		const request = signRequest(custom, { url: 'alibaba/order/detail', method: 'POST', body: { orderId: 2542285634920880794n } }, { now: () => 1 });
		expect(request.body).toBe('{"orderId":2542285634920880794}');
		expect(request.headers).toMatchObject({ 'content-type': 'application/json', timestamp: '1' });
		const nonce = String(request.headers!['nonce-str']);
		expect(request.headers!.signature).toBe(
			computeSignature(
				{ template: '{nonce} {timestamp} {method} {path} {body} {secret}', digest: 'md5', signatureCase: 'lower' },
				{ accessKey: 'AK', nonce, timestamp: '1', userId: 'U1', method: 'POST', path: '/pandapon/alibaba/order/detail', body: '{"orderId":2542285634920880794}', secret: 'SECRET' },
			),
		);
	});

	it('signs absolute URLs (HTTP Request node) without touching the body when the template ignores it', () => {
		const body = { a: 1 };
		const request = signRequest(credentials, { url: 'https://api.pandapon.com/open/product/get?x=1', method: 'POST', body });
		expect(request.baseURL).toBeUndefined();
		expect(request.body).toBe(body);
		expect(request.headers!['access-key']).toBe('AK');
	});

	it('replaces stale system headers whatever their case', () => {
		const request = signRequest(credentials, { url: '/x', headers: { Signature: 'old', 'Access-Key': 'old' } });
		expect(Object.keys(request.headers!).filter((k) => k.toLowerCase() === 'signature')).toEqual(['signature']);
		expect(request.headers!['access-key']).toBe('AK');
	});
});

describe('secure by default: where signed headers may go', () => {
	it('asks n8n not to follow redirects, in its own request shape and the HTTP Request node\'s legacy one', () => {
		const own = signRequest(credentials, { url: '/alibaba/cart/list', method: 'GET' });
		expect(own).toMatchObject({ disableFollowRedirect: true, maxRedirects: 0, sendCredentialsOnCrossOriginRedirect: false });
		const legacy = signRequest(credentials, { uri: 'https://api.pandapon.com/open/cart/list', method: 'POST', followRedirect: true, followAllRedirects: true } as never);
		expect(legacy).toMatchObject({ followRedirect: false, followAllRedirects: false, maxRedirects: 0 });
	});

	it('the credential test request does not follow redirects either', () => {
		expect(new PandaponApi().test.request).toMatchObject({ disableFollowRedirect: true });
	});

	it('refuses a base URL or an absolute target that is not https, except loopback', () => {
		for (const ok of ['https://api.pandapon.com', 'http://127.0.0.1:4010', 'http://localhost:4010/x', 'http://[::1]:4010']) {
			expect(insecureUrlProblem(ok)).toBeUndefined();
		}
		expect(() => baseUrlOf({ baseUrl: 'http://api.pandapon.com' })).toThrow(/Base URL: http:\/\/api\.pandapon\.com is not https/);
		expect(() => baseUrlOf({ baseUrl: 'http://10.0.0.5:4010' })).toThrow(/not https/);
		expect(() => baseUrlOf({ baseUrl: 'ftp://api.pandapon.com' })).toThrow(/not https/);
		expect(() => signRequest({ ...credentials, baseUrl: 'http://api.pandapon.com' }, { url: '/x' })).toThrow(/not https/);
		expect(() => signRequest(credentials, { url: 'http://evil.example/steal' })).toThrow(/http:\/\/evil\.example is not https/);
		expect(baseUrlOf({})).toBe('https://api.pandapon.com');
	});

	it('refuses custom signing templates a stranger could forge or replay, at use', () => {
		const custom = (signingTemplate: string, signingDigest: string) => ({ ...credentials, customSigning: true, signingTemplate, signingDigest, signatureCase: 'upper' });
		expect(() => signingRuleOf(custom('{accessKey}{nonce}{timestamp}', 'md5'))).toThrow(/must contain \{secret\}/);
		expect(() => signingRuleOf(custom('{accessKey}{nonce}{timestamp}', 'sha256'))).toThrow(/must contain \{secret\}/);
		expect(() => signingRuleOf(custom('{accessKey}{timestamp}{secret}', 'md5'))).toThrow(/must contain \{nonce\}/);
		expect(() => signingRuleOf(custom('{accessKey}{nonce}{secret}', 'hmacSha256'))).toThrow(/must contain \{timestamp\}/);
		expect(() => signRequest(custom('{body}{secret}', 'md5'), { url: '/x' })).toThrow(/\{nonce\}, \{timestamp\}/);
		// HMAC is keyed with the secret, so it holds without {secret} in the text.
		expect(signingRuleOf(custom('{accessKey}{nonce}{timestamp}', 'hmacMd5'))).toMatchObject({ digest: 'hmacMd5' });
		expect(signingRuleOf(custom('{nonce}{timestamp}{secret}', 'sha256'))).toMatchObject({ digest: 'sha256' });
	});
});
