import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IAllExecuteFunctions, ICredentialsDecrypted, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { baseUrlOf, signingRuleOf } from './authenticate';
import { stringifyJsonBig } from './bigJson';
import type { Endpoint } from './catalogue';
import { readEnvelope } from './envelope';
import type { PandaponFailure } from './envelope';
import { apiError } from './errors';
import type { Outcome } from './errors';
import { randomNonce } from './signing';
import { throttleFor } from './throttle';

export const CREDENTIAL_TYPE = 'pandaponApi';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RetryPolicy {
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_DELAY_MS = 500;

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: DEFAULT_RETRY_DELAY_MS, maxDelayMs: 8_000 };

/**
 * A 429 proves the call was not acted on, so it is retried (reads and writes alike) this many
 * times while the node slows down; other failures get `maxRetries`.
 */
export const RATE_LIMIT_RETRIES = 30;

export interface CallOptions {
	itemIndex: number;
	body?: unknown;
	query?: Record<string, string>;
	/** Values of the endpoint's `{name}` path parameters. */
	path?: Record<string, string>;
	timeoutMs?: number;
	retry?: RetryPolicy;
}

export interface CallResult {
	data: unknown;
	requestId?: string;
	/** Our own `nonce-str` for this call: the reference for a write whose outcome is unknown. */
	clientRequestId: string;
}

export type TransportFailure = 'timeout' | 'reset' | 'refused' | 'other';

/** What went wrong below HTTP, read from n8n's wrapped axios error and its causes. */
export function classifyTransportError(error: unknown): TransportFailure {
	const seen: string[] = [];
	let current: unknown = error;
	for (let depth = 0; current && depth < 5; depth++) {
		const e = current as { code?: unknown; message?: unknown; cause?: unknown };
		if (typeof e.code === 'string') seen.push(e.code);
		if (typeof e.message === 'string') seen.push(e.message);
		current = e.cause;
	}
	const all = seen.join(' ');
	if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(all)) return 'refused';
	if (/ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|timeout/i.test(all)) return 'timeout';
	if (/ECONNRESET|EPIPE|socket hang up|aborted/i.test(all)) return 'reset';
	return 'other';
}

/** Exponential backoff with a server-given Retry-After (seconds) taking precedence. */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfter?: string): number {
	const given = retryAfter === undefined ? NaN : Number(retryAfter);
	if (Number.isFinite(given) && given >= 0) return Math.min(given * 1000, policy.maxDelayMs);
	return Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
}

/**
 * Whether one more attempt is allowed. Reads retry rate limits, server errors and transport
 * failures. A write is re-sent only after a 429 or a refused connection: both prove the API never
 * acted on it. Anything else may have taken effect, so it is reported, not repeated.
 */
export function mayRetry(kind: Endpoint['kind'], status: number | TransportFailure): boolean {
	if (status === 429 || status === 'refused') return true;
	if (kind === 'write') return false;
	return status === 'timeout' || status === 'reset' || (typeof status === 'number' && status >= 500);
}

function transportMessage(failure: TransportFailure, timeoutMs: number): string {
	switch (failure) {
		case 'timeout':
			return `No answer from Pandapon within ${timeoutMs} ms`;
		case 'reset':
			return 'The connection to Pandapon was lost before it answered';
		case 'refused':
			return 'Could not connect to Pandapon (check the base URL in the credential)';
		default:
			return 'The request to Pandapon failed before an answer arrived';
	}
}

/**
 * How a failed call ended. A write counts as refused only when Pandapon answered with an HTTP 4xx
 * (validation, signature, timestamp, rate limit), which it gives before acting; a 5xx, a broken
 * body or a code the package does not know inside a 200 may come after the order was made.
 */
export function outcomeOf(kind: Endpoint['kind'], failure: PandaponFailure | TransportFailure): Outcome {
	if (failure === 'refused') return 'notSent';
	if (kind === 'read') return 'failed';
	if (typeof failure === 'string') return 'unknown';
	return failure.httpStatus >= 400 && failure.httpStatus < 500 ? 'failed' : 'unknown';
}

/**
 * The failure a 3xx answer is. Redirects are never followed (see authenticate.ts): the target is
 * named so the user can fix the Base URL, and the signed request went nowhere else.
 */
export function redirectFailure(status: number, location: string | undefined): PandaponFailure | undefined {
	if (status < 300 || status >= 400) return undefined;
	return {
		httpStatus: status,
		msg: `Pandapon answered ${status} with a redirect to ${location || '(no Location header)'}; signed requests never follow redirects. Check the Base URL in the Pandapon API credential.`,
		fromApi: false,
	};
}

/** Contexts that only check their items: the first request of a handler stops it instead of going out. */
const checking = new WeakSet<object>();

/** Thrown instead of a request by a checking context: the item's input was read without fault up to here. */
class RequestReached extends Error {}

/** A view of the node's context in which handlers read and check their input but send nothing. */
export function checkingOnly(ctx: IExecuteFunctions): IExecuteFunctions {
	const probe = Object.create(ctx) as IExecuteFunctions;
	checking.add(probe);
	return probe;
}

const decrypted = new WeakMap<object, Promise<ICredentialsDecrypted>>();

/**
 * The credential, decrypted once per node run: n8n would otherwise read and decrypt it from the
 * database for every request, which is most of a fast request's cost.
 */
function credentialsOf(ctx: IAllExecuteFunctions): Promise<ICredentialsDecrypted> {
	let pending = decrypted.get(ctx);
	if (!pending) {
		const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
		pending = ctx.getCredentials(CREDENTIAL_TYPE).then((data) => ({
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: CREDENTIAL_TYPE,
			data,
		}));
		// A failed read is not kept, so the next item tries again and reports its own error.
		pending.catch(() => decrypted.delete(ctx));
		decrypted.set(ctx, pending);
	}
	return pending;
}

/** The node's Request Options › Retry Delay sets the first backoff step; load-options calls use the default. */
function retryPolicy(ctx: IAllExecuteFunctions, itemIndex: number): RetryPolicy {
	if (!('getInputData' in ctx)) return DEFAULT_RETRY;
	const value = Number((ctx as IExecuteFunctions).getNodeParameter('requestOptions.retryDelay', itemIndex, DEFAULT_RETRY.baseDelayMs));
	return Number.isFinite(value) && value >= 0 ? { ...DEFAULT_RETRY, baseDelayMs: value } : DEFAULT_RETRY;
}

/** The node's Request Options › Timeout for the item; load-options calls have no items and use the default. */
function requestTimeout(ctx: IAllExecuteFunctions, itemIndex: number): number {
	if (!('getInputData' in ctx)) return DEFAULT_TIMEOUT_MS;
	const value = Number((ctx as IExecuteFunctions).getNodeParameter('requestOptions.timeout', itemIndex, DEFAULT_TIMEOUT_MS));
	return Number.isFinite(value) && value >= 100 ? value : DEFAULT_TIMEOUT_MS;
}

/**
 * One signed call to Pandapon through n8n's authenticated HTTP helper. The body is serialised
 * once (big-id safe) so that the credential signs exactly the bytes that are sent; the answer is
 * read as text so that 19-digit ids are never parsed into numbers.
 */
export async function callPandapon(
	this: IAllExecuteFunctions,
	endpoint: Endpoint,
	options: CallOptions,
): Promise<CallResult> {
	if (checking.has(this)) throw new RequestReached();
	const timeoutMs = options.timeoutMs ?? requestTimeout(this, options.itemIndex);
	const policy = options.retry ?? retryPolicy(this, options.itemIndex);
	const body = endpoint.method === 'GET' ? undefined : stringifyJsonBig(options.body ?? {});
	const throttle = throttleFor(this);
	const credentialsDecrypted = await credentialsOf(this);
	try {
		baseUrlOf(credentialsDecrypted.data ?? {});
		signingRuleOf(credentialsDecrypted.data ?? {});
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Pandapon API credential: ${(error as Error).message}`, { itemIndex: options.itemIndex });
	}
	let rateLimited = 0;
	for (let attempt = 0; ; attempt++) {
		await throttle.gate();
		const nonce = randomNonce();
		const request: IHttpRequestOptions = {
			method: endpoint.method,
			url: endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.path?.[name] ?? '')),
			qs: options.query,
			body,
			headers: {
				accept: 'application/json',
				'content-type': 'application/json',
				'nonce-str': nonce,
			},
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			disableFollowRedirect: true,
			ignoreHttpStatusErrors: true,
			timeout: timeoutMs,
		};
		let response: { statusCode: number; body: unknown; headers: Record<string, string | undefined> };
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, request, { credentialsDecrypted });
		} catch (error) {
			const failure = classifyTransportError(error);
			if (attempt < policy.maxRetries && mayRetry(endpoint.kind, failure)) {
				await sleep(retryDelay(policy, attempt));
				continue;
			}
			throw apiError(
				this.getNode(),
				endpoint,
				{ httpStatus: 0, msg: transportMessage(failure, timeoutMs), fromApi: false },
				options.itemIndex,
				outcomeOf(endpoint.kind, failure),
				nonce,
			);
		}
		const status = response.statusCode;
		if (status === 429 && rateLimited < RATE_LIMIT_RETRIES) {
			throttle.rateLimited(retryDelay(policy, rateLimited++, response.headers?.['retry-after']));
			attempt--;
			continue;
		}
		if (attempt < policy.maxRetries && status >= 500 && mayRetry(endpoint.kind, status)) {
			await sleep(retryDelay(policy, attempt, response.headers?.['retry-after']));
			continue;
		}
		const redirect = redirectFailure(status, response.headers?.location);
		if (redirect) throw apiError(this.getNode(), endpoint, redirect, options.itemIndex, outcomeOf(endpoint.kind, redirect), nonce);
		const text = typeof response.body === 'string' ? response.body : String(response.body ?? '');
		const result = readEnvelope(status, text);
		if (result.ok) {
			throttle.succeeded();
			return { data: result.data, requestId: result.requestId, clientRequestId: nonce };
		}
		throw apiError(
			this.getNode(),
			endpoint,
			result.failure,
			options.itemIndex,
			outcomeOf(endpoint.kind, result.failure),
			nonce,
		);
	}
}
