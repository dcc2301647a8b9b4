import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { signingRuleOf } from '../shared/authenticate';
import { messageFingerprint, MESSAGE_TYPES, orderIdsOf, parseMessage, wanted } from '../shared/messages';
import type { ParsedMessage } from '../shared/messages';
import { signaturesEqual, verifySignedRequest } from '../shared/signing';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { classifyDelivery, memoryOf, mergeDue, mergeSaved, savedFingerprints, settleDelivery } from './redelivery';

/** Pandapon's callbacks are small JSON documents; anything far larger is refused unread. */
export const MAX_CALLBACK_BYTES = 512 * 1024;

/**
 * Nonces of signed calls seen within their timestamp window. D1 signs the headers, not the body,
 * so a captured signature must not be usable twice, with this body or another.
 */
const usedNonces = new Map<string, number>();

/** Nonces kept at most; a flood of signed calls can't grow the process without bound. */
export const MAX_NONCES = 100_000;

/** True when a signed call's nonce was already used within the window; records it otherwise. */
export function nonceReused(nonce: string, now: number, windowMs: number): boolean {
	if ((usedNonces.get(nonce) ?? 0) > now) return true;
	usedNonces.delete(nonce);
	usedNonces.set(nonce, now + 2 * windowMs);
	// Map order is insertion order; expiries grow with it for one window, so the oldest go first.
	for (const [old, until] of usedNonces) {
		if (until > now && usedNonces.size <= MAX_NONCES) break;
		usedNonces.delete(old);
	}
	return false;
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
	const token = String(options.token ?? '');
	if (token !== '') {
		const given = input.query.token;
		if (typeof given !== 'string' || !signaturesEqual(token, given)) {
			return { refuse: { status: 401, error: 'missing or wrong token' } };
		}
	}
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
			windowMs: Number(options.windowSeconds ?? 600) * 1000,
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

const HIDDEN_HEADERS = new Set(['authorization', 'cookie', 'signature']);

function rawBodyOf(request: { rawBody?: Buffer; body?: unknown }): string {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody.toString('utf8');
	if (request.body === undefined || (typeof request.body === 'object' && request.body !== null && Object.keys(request.body).length === 0)) return '';
	return typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
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
	const method = (request.method ?? 'POST').toUpperCase();
	const rawBody = method === 'POST' ? rawBodyOf(request) : '';
	const credentials = needsSecret({ method, rawBody, headers: request.headers, options }) ? await this.getCredentials(CREDENTIAL_TYPE) : {};
	const now = Date.now();
	const verdict = judgeCallback({
		method,
		rawBody,
		query: this.getQueryData() as Record<string, unknown>,
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
			rule: signingRuleOf(credentials),
		},
	});
	if ('refuse' in verdict) {
		response.status(verdict.refuse.status).json({ received: false, error: verdict.refuse.error });
		return { noWebhookResponse: true };
	}
	if ('ping' in verdict) {
		response.status(200).json({ received: true, ping: true });
		return { noWebhookResponse: true };
	}
	if ('ignore' in verdict) {
		response.status(200).json({ received: true, ignored: verdict.ignore });
		return { noWebhookResponse: true };
	}
	const nonce = request.headers['nonce-str'];
	if (verdict.signature === 'valid' && typeof nonce === 'string' && nonceReused(nonce, now, Number(options.windowSeconds ?? 600) * 1000)) {
		response.status(401).json({ received: false, error: 'signature check failed: nonce already used' });
		return { noWebhookResponse: true };
	}
	const message = verdict.accept;
	// The same for every copy of one message: an idempotency key for writes further down the workflow.
	const messageId = messageFingerprint(message).slice(0, 32);
	if (options.ignoreRedeliveries !== false) {
		const memory = memoryOf(this);
		const persisted = savedFingerprints(this);
		const delivery = classifyDelivery(memory, persisted, messageId, now);
		if (mergeDue(memory, 'answer', messageId, now)) mergeSaved(memory, persisted, 'answer', now);
		if (delivery === 'saved') {
			response.status(200).json({ received: true, duplicate: true });
			return { noWebhookResponse: true };
		}
		if (delivery === 'inFlight') {
			response.status(409).json({ received: false, error: 'a copy of this message is still being started; send it again later' });
			return { noWebhookResponse: true };
		}
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
		verification: { token: options.token ? 'valid' : 'notRequired', signature: verdict.signature },
	};
	if (options.includeRaw === true) {
		const query = { ...(this.getQueryData() as IDataObject) };
		delete query.token;
		item.raw = {
			headers: Object.fromEntries(Object.entries(request.headers).filter(([k]) => !HIDDEN_HEADERS.has(k.toLowerCase()))),
			query,
			body: rawBody,
		};
	}
	return { webhookResponse: { received: true }, workflowData: [this.helpers.returnJsonArray([item])] };
}
