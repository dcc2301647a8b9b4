import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { stringifyJsonBig } from './bigJson';
import { DEFAULT_SIGNING_RULE, signedHeaders, signingRuleProblem } from './signing';
import type { SignatureCase, SigningDigest, SigningRule } from './signing';

export const DEFAULT_BASE_URL = 'https://api.pandapon.com';

/**
 * The signing rule a credential asks for: the assumed default (README, *Where Pandapon's pages are
 * silent*) unless the user switched to a custom rule. An unsafe custom rule throws here, so it can
 * neither sign a request nor accept a callback.
 */
export function signingRuleOf(credentials: ICredentialDataDecryptedObject): SigningRule {
	if (credentials.customSigning !== true) return DEFAULT_SIGNING_RULE;
	const rule: SigningRule = {
		template: String(credentials.signingTemplate || DEFAULT_SIGNING_RULE.template),
		digest: (credentials.signingDigest as SigningDigest) || DEFAULT_SIGNING_RULE.digest,
		signatureCase: (credentials.signatureCase as SignatureCase) || DEFAULT_SIGNING_RULE.signatureCase,
	};
	const problem = signingRuleProblem(rule);
	if (problem) throw new Error(problem);
	return rule;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why signed headers must not go to this URL, or undefined when they may: anything but https would
 * show them to every hop on the way; loopback (the sandbox, a local relay) never leaves the machine.
 */
export function insecureUrlProblem(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `"${url}" is not a URL`;
	}
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname.toLowerCase())) return undefined;
	return `${parsed.protocol}//${parsed.host} is not https: signed Pandapon requests go only over https (plain http only to 127.0.0.1, localhost or ::1)`;
}

/** The credential's base URL, refused unless it is https (or loopback). */
export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const base = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const problem = insecureUrlProblem(base);
	if (problem) throw new Error(`Base URL: ${problem}`);
	return base;
}

/**
 * Signed headers must reach the URL they were made for and no other: n8n would follow up to 21
 * redirects and strip only authorization and cookies, so `access-key`, `signature` and a 307's
 * body would go to whatever host the redirect names. Both request shapes are covered: n8n's own
 * (`disableFollowRedirect`) and the legacy one of the HTTP Request node (`followRedirect`).
 */
const NO_REDIRECTS = {
	disableFollowRedirect: true,
	maxRedirects: 0,
	followRedirect: false,
	followAllRedirects: false,
	sendCredentialsOnCrossOriginRedirect: false,
};

/** n8n hands `authenticate` both its own request shape (`url`) and the legacy one (`uri`, HTTP Request node). */
type AnyRequestOptions = IHttpRequestOptions & { uri?: string; followRedirect?: boolean; followAllRedirects?: boolean };

function headerValue(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Adds the five system headers to a request about to be sent. The body is serialised here when
 * the signing template covers it, so the signed bytes and the sent bytes are the same string.
 */
export function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	clock: { now?: () => number } = {},
): IHttpRequestOptions {
	const request = requestOptions as AnyRequestOptions;
	const rule = signingRuleOf(credentials);
	const target = request.url ?? request.uri ?? '';
	const isAbsolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
	if (!isAbsolute && !request.baseURL && request.uri === undefined) {
		request.baseURL = baseUrlOf(credentials);
	}
	// Joined the way axios joins baseURL and url, so a base URL with a path prefix signs the real path.
	const absolute = new URL(
		isAbsolute
			? target
			: `${(request.baseURL ?? baseUrlOf(credentials)).replace(/\/+$/, '')}/${target.replace(/^\/+/, '')}`,
	);
	const insecure = insecureUrlProblem(absolute.href);
	if (insecure) throw new Error(insecure);
	Object.assign(request, NO_REDIRECTS);
	const headers: IDataObject = { ...(request.headers ?? {}) };

	let body = '';
	if (rule.template.includes('{body}')) {
		if (typeof request.body === 'string') body = request.body;
		else if (request.body !== undefined && request.body !== null) {
			body = stringifyJsonBig(request.body);
			request.body = body;
			if (!headerValue(headers, 'content-type')) headers['content-type'] = 'application/json';
		}
	}

	const signed = signedHeaders(
		{
			accessKey: String(credentials.accessKey ?? ''),
			accessSecret: String(credentials.accessSecret ?? ''),
			userId: String(credentials.userId ?? ''),
			rule,
		},
		{
			method: request.method ?? 'GET',
			path: absolute.pathname,
			body,
			nonce: headerValue(headers, 'nonce-str'),
			timestamp: clock.now ? String(clock.now()) : undefined,
		},
	);
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() in signed) delete headers[key];
	}
	request.headers = { ...headers, ...signed };
	return request;
}
