import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { stringifyJsonBig } from './bigJson';
import { DEFAULT_SIGNING_RULE, signedHeaders } from './signing';
import type { SignatureCase, SigningDigest, SigningRule } from './signing';

export const DEFAULT_BASE_URL = 'https://api.pandapon.com';

/** The signing rule a credential asks for; the defaults of D1 unless the user switched to a custom rule. */
export function signingRuleOf(credentials: ICredentialDataDecryptedObject): SigningRule {
	if (credentials.customSigning !== true) return DEFAULT_SIGNING_RULE;
	return {
		template: String(credentials.signingTemplate || DEFAULT_SIGNING_RULE.template),
		digest: (credentials.signingDigest as SigningDigest) || DEFAULT_SIGNING_RULE.digest,
		signatureCase: (credentials.signatureCase as SignatureCase) || DEFAULT_SIGNING_RULE.signatureCase,
	};
}

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** n8n hands `authenticate` both its own request shape (`url`) and the legacy one (`uri`, HTTP Request node). */
type AnyRequestOptions = IHttpRequestOptions & { uri?: string };

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
