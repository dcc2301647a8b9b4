import { createHash, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { signingRuleOf } from '../shared/authenticate';
import { messageFingerprint, MESSAGE_TYPES, orderIdsOf, parseMessage, wanted } from '../shared/messages';
import type { ParsedMessage } from '../shared/messages';
import { verifySignedRequest } from '../shared/signing';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { classifyDelivery, MAX_IN_FLIGHT, memoryOf, mergeDue, mergeSaved, savedFingerprints, settleDelivery } from './redelivery';

export const CALLBACK_CREDENTIAL_TYPE = 'pandaponCallbackApi';

/** Pandapon's callbacks are small JSON documents; anything far larger is refused unread. */
export const MAX_CALLBACK_BYTES = 512 * 1024;

/**
 * Nonces of signed calls seen within their timestamp window. The default signing rule signs the
 * headers, not the body, so a captured signature must not be usable twice, with this body or another.
 */
const usedNonces = new Map<string, number>();

/**
 * Nonces kept at most. When that many are still inside their window, a new signed call is answered
 * 503 (Pandapon sends it again later) instead of forgetting a live nonce, which would reopen replay.
 */
export const MAX_NONCES = 100_000;

export type NonceCheck = 'fresh' | 'reused' | 'full';

/** Whether a signed call's nonce was already used within the window; records it when fresh. */
export function checkNonce(nonce: string, now: number, windowMs: number): NonceCheck {
	if ((usedNonces.get(nonce) ?? 0) > now) return 'reused';
	usedNonces.delete(nonce);
	// Map order is insertion order; expiries grow with it for one window, so the oldest go first.
	for (const [old, until] of usedNonces) {
		if (until > now) break;
		usedNonces.delete(old);
	}
	if (usedNonces.size >= MAX_NONCES) return 'full';
	usedNonces.set(nonce, now + 2 * windowMs);
	return 'fresh';
}

/** The longest timestamp window a trigger accepts: a longer one keeps captured signatures usable, and nonces in memory, for longer. */
export const MAX_WINDOW_SECONDS = 3_600;

/** The trigger's timestamp window in milliseconds, 600 s unless set, never above MAX_WINDOW_SECONDS. */
export function windowMsOf(options: IDataObject): number {
	const seconds = Number(options.windowSeconds ?? 600);
	return (Number.isFinite(seconds) && seconds >= 1 ? Math.min(seconds, MAX_WINDOW_SECONDS) : 600) * 1000;
}

/** The shortest Callback Token accepted: anything shorter can be guessed or was typed by hand. */
export const MIN_TOKEN_LENGTH = 24;

/** Values copied from examples and docs instead of generated. */
const PLACEHOLDER_TOKEN = /^(change|replace|insert|put|set)[-_ ]?(me|this|it)|^your[-_ ]|placeholder|^example|^(.)\3*$/i;

/** Why a configured Callback Token can't protect the trigger, or undefined when it can. */
export function tokenProblem(token: string): string | undefined {
	if (token === '') return 'no Callback Token is set (Pandapon Callback API credential)';
	if (PLACEHOLDER_TOKEN.test(token)) return 'the Callback Token is a placeholder; generate a random one';
	if (token.length < MIN_TOKEN_LENGTH) return `the Callback Token is shorter than ${MIN_TOKEN_LENGTH} characters`;
	return undefined;
}

/** Digests first, so the comparison takes the same time whatever the lengths: it leaks neither the token nor its length. */
function tokensEqual(expected: string, given: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(expected), digest(given));
}

function single(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/**
 * The token check, before anything else is read: a call that fails it costs no credential
 * decryption. Without a usable token only a required signature may stand in for it.
 */
export function tokenRefusal(input: Pick<CallbackInput, 'token' | 'query' | 'headers' | 'options'>): Refusal | undefined {
	const problem = tokenProblem(input.token);
	if (problem) {
		if (String(input.options.signatureCheck ?? 'ifPresent') === 'required') return undefined;
		return { status: 401, error: `trigger not secured: ${problem}, and Signature Check is not Required` };
	}
	const given = single(input.headers['x-pandapon-token']) ?? single(input.query.token);
	if (given === undefined || !tokensEqual(input.token, given)) return { status: 401, error: 'missing or wrong token' };
	return undefined;
}

/**
 * Pandapon posts JSON. A missing or text/plain type is still read as JSON, since a relay may
 * rewrite it; a form, multipart or XML body is not one of Pandapon's callbacks.
 */
const JSON_MEDIA_TYPES = new Set(['', 'application/json', 'text/json', 'text/plain']);

function mediaType(header: string | string[] | undefined): string {
	const value = Array.isArray(header) ? header[0] : header;
	return (value ?? '').split(';')[0].trim().toLowerCase();
}

type Refusal = { status: number; error: string };
export type Verdict = { refuse: Refusal } | { ping: true } | { ignore: string } | { accept: ParsedMessage; signature: string };

export interface CallbackInput {
	method: string;
	/** The Callback Token of the trigger's Pandapon Callback API credential, '' when there is none. */
	token: string;
	rawBody: string;
	query: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	path: string;
	now: number;
	options: IDataObject;
	events: string[];
	platform: string;
	/** The API credential's signing side; `accessKey` (and `userId` when set) must be the call's. */
	credentials: { accessKey: string; userId: string; accessSecret: string; rule: ReturnType<typeof signingRuleOf> };
}

/**
 * The console's Verify: a GET, an empty body, or a JSON object without `messageType`. It only
 * needs a 200, and runs nothing, so no signature is asked of it (Pandapon documents none).
 */
export function isPing(method: string, rawBody: string): boolean {
	if (method !== 'POST') return true;
	if (rawBody.trim() === '') return true;
	try {
		const body: unknown = JSON.parse(rawBody);
		return typeof body === 'object' && body !== null && !Array.isArray(body) && !('messageType' in body);
	} catch {
		return false;
	}
}

/** The signature check asks for the credential (a database read and a decryption): only when it will run. */
export function needsSecret(input: Pick<CallbackInput, 'method' | 'rawBody' | 'headers' | 'options'>): boolean {
	const mode = String(input.options.signatureCheck ?? 'ifPresent');
	if (isPing(input.method, input.rawBody)) return false;
	return mode === 'required' || (mode === 'ifPresent' && input.headers.signature !== undefined);
}

/** Everything the trigger decides about one call, as a plain function of the request. */
export function judgeCallback(input: CallbackInput): Verdict {
	const { options } = input;
	if (Buffer.byteLength(input.rawBody, 'utf8') > MAX_CALLBACK_BYTES) {
		return { refuse: { status: 413, error: `body over ${MAX_CALLBACK_BYTES} bytes` } };
	}
	const refusal = tokenRefusal(input);
	if (refusal) return { refuse: refusal };
	if (input.method !== 'POST') return { ping: true };
	const contentType = mediaType(input.headers['content-type']);
	if (!JSON_MEDIA_TYPES.has(contentType) && !contentType.endsWith('+json')) {
		return { refuse: { status: 415, error: `content type ${contentType} is not JSON` } };
	}
	if (isPing(input.method, input.rawBody)) return { ping: true };
	const mode = String(options.signatureCheck ?? 'ifPresent');
	const signed = input.headers.signature !== undefined;
	let signature = 'notChecked';
	if (mode === 'required' || (mode === 'ifPresent' && signed)) {
		const verdict = verifySignedRequest({
			headers: input.headers,
			method: 'POST',
			path: input.path,
			body: input.rawBody,
			secret: input.credentials.accessSecret,
			rule: input.credentials.rule,
			now: input.now,
			windowMs: windowMsOf(options),
			accessKey: input.credentials.accessKey,
			userId: input.credentials.userId || undefined,
		});
		if (!verdict.ok) return { refuse: { status: 401, error: `signature check failed: ${verdict.reason}` } };
		signature = 'valid';
	}
	const parsed = parseMessage(input.rawBody);
	if (!parsed.ok) return { refuse: { status: 400, error: parsed.reason } };
	const message = parsed.message;
	if (input.platform !== 'all' && message.platform !== input.platform) return { ignore: `platform ${message.platform} not selected` };
	if (!wanted(message.messageType, input.events)) return { ignore: `${message.messageType} not selected` };
	return { accept: message, signature };
}

/**
 * Headers left out of Include Raw Request: secrets, and those in which proxies repeat the full URL
 * (X-Original-URI, X-Forwarded-Uri, Referer…), which carries ?token=.
 */
const HIDDEN_HEADERS = new Set(['authorization', 'cookie', 'signature', 'x-pandapon-token', 'referer', 'referrer', 'origin']);
const URL_HEADER = /ur[il]|path/i;

export function shownHeaders(headers: CallbackInput['headers']): IDataObject {
	return Object.fromEntries(Object.entries(headers).filter(([k]) => !HIDDEN_HEADERS.has(k.toLowerCase()) && !URL_HEADER.test(k)));
}

function rawBodyOf(request: { rawBody?: Buffer; body?: unknown }): string {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody.toString('utf8');
	if (request.body === undefined || (typeof request.body === 'object' && request.body !== null && Object.keys(request.body).length === 0)) return '';
	return typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
}

/**
 * Decrypted tokens by credential id, for TOKEN_CACHE_MS: reading the credential costs a database
 * read and a decryption, which a flood of forged calls would otherwise buy one each of. An edited
 * token applies within that time.
 */
const tokenCache = new Map<string, { token: string; until: number }>();
export const TOKEN_CACHE_MS = 10_000;
const TOKEN_CACHE_ENTRIES = 1_000;

/**
 * The Callback Token of the trigger's Pandapon Callback API credential; '' when none is attached or
 * it holds none. A read that fails (n8n's database busy) throws and is not cached: that is not "no
 * token", and refusing as if it were would turn away genuine messages for the cache's lifetime.
 */
async function callbackToken(ctx: IWebhookFunctions, now: number): Promise<string> {
	const id = ctx.getNode().credentials?.[CALLBACK_CREDENTIAL_TYPE]?.id;
	if (!id) return '';
	const cached = tokenCache.get(id);
	if (cached && cached.until > now) return cached.token;
	const credentials: ICredentialDataDecryptedObject = await ctx.getCredentials(CALLBACK_CREDENTIAL_TYPE);
	const token = typeof credentials.callbackToken === 'string' ? credentials.callbackToken : '';
	tokenCache.delete(id);
	if (tokenCache.size >= TOKEN_CACHE_ENTRIES) tokenCache.delete(tokenCache.keys().next().value as string);
	tokenCache.set(id, { token, until: now + TOKEN_CACHE_MS });
	return token;
}

/**
 * Decides on a call and answers it. Nothing slow stands before the answer: no API call (Fetch Order
 * runs at the start of the execution, see run.ts), and the redelivery memory is this process's
 * (the static data n8n loaded with the call is read, and written only every SAVE_EVERY_MS or when
 * nothing else is being started). For a message that runs, n8n answers 200 only once it has stored
 * the execution, so a 200 means the message can't be lost, and anything else makes Pandapon send it
 * again later.
 */
export async function handleCallback(this: IWebhookFunctions, options: IDataObject): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as unknown as {
		method: string;
		rawBody?: Buffer;
		body?: unknown;
		path: string;
		headers: Record<string, string | string[] | undefined>;
	};
	const response = this.getResponseObject();
	const answer = (status: number, body: IDataObject): IWebhookResponseData => {
		response.status(status).json(body);
		return { noWebhookResponse: true };
	};
	const refuse = (refusal: Refusal) => answer(refusal.status, { received: false, error: refusal.error });
	/** Full state is this process's trouble, not the caller's: 503 makes Pandapon send it again later, and the log says why. */
	const overloaded = (what: string) => {
		this.logger.warn(`Pandapon Trigger: ${what}; answered 503 so Pandapon sends the message again later`, { workflowId: this.getWorkflow().id, node: this.getNode().name });
		return refuse({ status: 503, error: `${what}; send it again later` });
	};
	const method = (request.method ?? 'POST').toUpperCase();
	const rawBody = method === 'POST' ? rawBodyOf(request) : '';
	const query = this.getQueryData() as Record<string, unknown>;
	const now = Date.now();
	let token: string;
	try {
		token = await callbackToken(this, now);
	} catch (error) {
		return overloaded(`the Callback Token could not be read (${(error as Error).message})`);
	}
	const tokenRefused = tokenRefusal({ token, query, headers: request.headers, options });
	if (tokenRefused) {
		if (tokenProblem(token)) this.logger.warn(`Pandapon Trigger refused a call: ${tokenRefused.error}`, { workflowId: this.getWorkflow().id, node: this.getNode().name });
		return refuse(tokenRefused);
	}
	// Only past the token does a call cost the API credential's database read and decryption.
	const credentials = needsSecret({ method, rawBody, headers: request.headers, options }) ? await this.getCredentials(CREDENTIAL_TYPE) : {};
	let rule: ReturnType<typeof signingRuleOf>;
	try {
		rule = signingRuleOf(credentials);
	} catch (error) {
		this.logger.error(`Pandapon Trigger: ${(error as Error).message}`, { workflowId: this.getWorkflow().id, node: this.getNode().name });
		return refuse({ status: 500, error: 'the signing rule of the Pandapon API credential is refused; see the n8n log' });
	}
	const verdict = judgeCallback({
		method,
		token,
		rawBody,
		query,
		headers: request.headers,
		path: request.path,
		now,
		options,
		events: this.getNodeParameter('events', []) as string[],
		platform: this.getNodeParameter('platform', 'all') as string,
		credentials: {
			accessKey: String(credentials.accessKey ?? ''),
			userId: String(credentials.userId ?? ''),
			accessSecret: String(credentials.accessSecret ?? ''),
			rule,
		},
	});
	if ('refuse' in verdict) return refuse(verdict.refuse);
	if ('ping' in verdict) return answer(200, { received: true, ping: true });
	if ('ignore' in verdict) return answer(200, { received: true, ignored: verdict.ignore });
	const nonce = request.headers['nonce-str'];
	if (verdict.signature === 'valid' && typeof nonce === 'string') {
		const seen = checkNonce(nonce, now, windowMsOf(options));
		if (seen === 'reused') return refuse({ status: 401, error: 'signature check failed: nonce already used' });
		if (seen === 'full') return overloaded(`${MAX_NONCES} signed calls' nonces are still inside their window`);
	}
	const message = verdict.accept;
	// The same for every copy of one message: an idempotency key for writes further down the workflow.
	const messageId = messageFingerprint(message).slice(0, 32);
	if (options.ignoreRedeliveries !== false) {
		const memory = memoryOf(this);
		const persisted = savedFingerprints(this);
		const delivery = classifyDelivery(memory, persisted, messageId, now);
		if (delivery === 'full') return overloaded(`${MAX_IN_FLIGHT} messages are being started at once`);
		if (mergeDue(memory, 'answer', messageId, now)) mergeSaved(memory, persisted, 'answer', now);
		if (delivery === 'saved') return answer(200, { received: true, duplicate: true });
		if (delivery === 'inFlight') return refuse({ status: 409, error: 'a copy of this message is still being started; send it again later' });
		response.once('finish', () => settleDelivery(memory, messageId, response.statusCode, Date.now()));
	}

	const known = MESSAGE_TYPES.find((m) => m.messageType === message.messageType);
	const orderIds = orderIdsOf(message.messageBody);
	const item: IDataObject = {
		event: known?.event ?? 'unknown',
		messageType: message.messageType,
		messageId,
		platform: message.platform,
		orderId: orderIds[0],
		orderIds,
		pushedAt: message.timestamp && /^\d{13}$/.test(message.timestamp) ? new Date(Number(message.timestamp)).toISOString() : message.timestamp,
		timestamp: message.timestamp,
		messageBody: message.messageBody as IDataObject,
		verification: { token: tokenProblem(token) ? 'notSet' : 'valid', signature: verdict.signature },
	};
	if (options.includeRaw === true) {
		const shownQuery = { ...(query as IDataObject) };
		delete shownQuery.token;
		item.raw = { headers: shownHeaders(request.headers), query: shownQuery, body: rawBody };
	}
	return { webhookResponse: { received: true }, workflowData: [this.helpers.returnJsonArray([item])] };
}
