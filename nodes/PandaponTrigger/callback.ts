import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { signingRuleOf } from '../shared/authenticate';
import { ENDPOINTS } from '../shared/catalogue';
import { messageFingerprint, MESSAGE_TYPES, orderIdsOf, parseMessage, wanted } from '../shared/messages';
import type { ParsedMessage } from '../shared/messages';
import { signaturesEqual, verifySignedRequest } from '../shared/signing';
import { callPandapon, CREDENTIAL_TYPE } from '../shared/transport';

/** Pandapon's callbacks are small JSON documents; anything far larger is refused unread. */
export const MAX_CALLBACK_BYTES = 512 * 1024;

/** Re-sends come every 30 minutes, 5 times at most; a fingerprint is kept a little longer than that. */
export const REDELIVERY_WINDOW_MS = 3 * 60 * 60 * 1000;

/**
 * How long a copy this process took counts as still being started when its answer never went
 * out (the caller hung up). n8n stores an execution within seconds; Pandapon re-sends 30 minutes
 * later, long after this.
 */
export const IN_FLIGHT_MS = 60_000;

/** A copy this process took: `stored` once n8n answered it 200, which it does only after storing the execution. */
export interface Taken {
	until: number;
	stored: boolean;
}

/** Per trigger node of a workflow: the same message may rightly run once in each of two workflows. */
const takenByTrigger = new Map<string, Map<string, Taken>>();

function takenBy(ctx: IWebhookFunctions): Map<string, Taken> {
	const scope = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id}`;
	let taken = takenByTrigger.get(scope);
	if (!taken) takenByTrigger.set(scope, (taken = new Map()));
	return taken;
}

/**
 * Nonces of signed calls seen within their timestamp window. D1 signs the headers, not the body,
 * so a captured signature must not be usable twice, with this body or another.
 */
const usedNonces = new Map<string, number>();

/** True when a signed call's nonce was already used within the window; records it otherwise. */
export function nonceReused(nonce: string, now: number, windowMs: number): boolean {
	prune(usedNonces, now);
	if ((usedNonces.get(nonce) ?? 0) > now) return true;
	usedNonces.set(nonce, now + 2 * windowMs);
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
export type Verdict = { refuse: Refusal } | { ignore: string } | { accept: ParsedMessage; signature: string };

export interface CallbackInput {
	rawBody: string;
	query: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	path: string;
	now: number;
	options: IDataObject;
	events: string[];
	platform: string;
	credentials: { accessSecret: string; rule: ReturnType<typeof signingRuleOf> };
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
	const contentType = mediaType(input.headers['content-type']);
	if (!JSON_MEDIA_TYPES.has(contentType) && !contentType.endsWith('+json')) {
		return { refuse: { status: 415, error: `content type ${contentType} is not JSON` } };
	}
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

function prune(map: Record<string, number> | Map<string, number>, now: number): void {
	const entries = map instanceof Map ? [...map.entries()] : Object.entries(map);
	for (const [key, until] of entries) {
		if (until > now) continue;
		if (map instanceof Map) map.delete(key);
		else delete map[key];
	}
}

export type Delivery = 'new' | 'saved' | 'inFlight';

const keyOf = (fingerprint: string) => fingerprint.slice(0, 16);

/**
 * What a copy of a message is. `inFlight`: this process took a copy whose answer is not out yet
 * (409: if n8n fails to start it, the re-send must run). `saved`: the static data or this
 * process's memory has it. `new` is recorded in both. n8n loads the static data when a call
 * arrives and saves it whole afterwards, so of two concurrent calls (in this process, or in two
 * webhook processors of queue mode) the last writer drops the other's key. So the memory learns
 * every key it reads, and every save carries all keys this process knows: stored ones for the
 * whole window, ones still starting for IN_FLIGHT_MS, so that another processor getting a copy
 * in that moment treats it as taken (its start rarely fails, and Pandapon re-sends 30 minutes
 * later, when that short entry is gone). Entries stay small (64 bits of the fingerprint, expiry
 * in seconds), since that object is written on every call.
 */
export function classifyDelivery(memory: Map<string, Taken>, persisted: Record<string, number>, fingerprint: string, now: number): Delivery {
	const key = keyOf(fingerprint);
	const nowSeconds = Math.floor(now / 1000);
	for (const [k, copy] of memory) if (copy.until <= now) memory.delete(k);
	prune(persisted, nowSeconds);
	for (const [k, until] of Object.entries(persisted)) {
		if (!memory.has(k)) memory.set(k, { until: until * 1000, stored: true });
	}
	for (const [k, copy] of memory) {
		const until = Math.floor(copy.until / 1000);
		if ((persisted[k] ?? 0) < until) persisted[k] = until;
	}
	if (memory.get(key)?.stored === false) return 'inFlight';
	if ((persisted[key] ?? 0) > nowSeconds) return 'saved';
	memory.set(key, { until: now + IN_FLIGHT_MS, stored: false });
	persisted[key] = nowSeconds + REDELIVERY_WINDOW_MS / 1000;
	return 'new';
}

/**
 * Records how n8n answered a copy this process took: 200 means the execution is stored, so the
 * copy is remembered for the whole window; anything else means nothing ran, and a re-send must run.
 */
export function settleDelivery(memory: Map<string, Taken>, fingerprint: string, status: number, now: number): void {
	const key = keyOf(fingerprint);
	if (!memory.has(key)) return;
	if (status === 200) memory.set(key, { until: now + REDELIVERY_WINDOW_MS, stored: true });
	else memory.delete(key);
}

function savedFingerprints(ctx: IWebhookFunctions): Record<string, number> {
	const stored = ctx.getWorkflowStaticData('node');
	stored.seen ??= {};
	return stored.seen as Record<string, number>;
}

const HIDDEN_HEADERS = new Set(['authorization', 'cookie', 'signature']);

function rawBodyOf(request: { rawBody?: Buffer; body?: unknown }): string {
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody.toString('utf8');
	return typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? '');
}

async function fetchOrder(ctx: IWebhookFunctions, message: ParsedMessage, orderId: string): Promise<IDataObject> {
	const { data } =
		message.platform === 'taobao'
			? await callPandapon.call(ctx, ENDPOINTS.taobaoOrderDetail, { itemIndex: 0, query: { orderId } })
			: await callPandapon.call(ctx, ENDPOINTS.order1688Detail, { itemIndex: 0, body: { webSite: '1688', orderId } });
	return (data ?? {}) as IDataObject;
}

/**
 * Hands the message to the workflow. n8n answers 200 only once it has stored the execution and
 * the static data (milliseconds; Pandapon waits 1000), so a 200 means the message can't be lost,
 * and anything else makes Pandapon send it again later.
 */
export async function handleCallback(this: IWebhookFunctions, options: IDataObject): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as unknown as {
		rawBody?: Buffer;
		body?: unknown;
		path: string;
		headers: Record<string, string | string[] | undefined>;
	};
	const response = this.getResponseObject();
	const mode = String(options.signatureCheck ?? 'ifPresent');
	// Decrypting the credential costs a database read: only a signature check needs it here.
	const needsSecret = mode === 'required' || (mode === 'ifPresent' && request.headers.signature !== undefined);
	const credentials = needsSecret ? await this.getCredentials(CREDENTIAL_TYPE) : {};
	const now = Date.now();
	const rawBody = rawBodyOf(request);
	const verdict = judgeCallback({
		rawBody,
		query: this.getQueryData() as Record<string, unknown>,
		headers: request.headers,
		path: request.path,
		now,
		options,
		events: this.getNodeParameter('events', []) as string[],
		platform: this.getNodeParameter('platform', 'all') as string,
		credentials: { accessSecret: String(credentials.accessSecret ?? ''), rule: signingRuleOf(credentials) },
	});
	if ('refuse' in verdict) {
		response.status(verdict.refuse.status).json({ received: false, error: verdict.refuse.error });
		return { noWebhookResponse: true };
	}
	if ('ignore' in verdict) return { webhookResponse: { received: true, ignored: verdict.ignore } };
	const nonce = request.headers['nonce-str'];
	if (verdict.signature === 'valid' && typeof nonce === 'string' && nonceReused(nonce, now, Number(options.windowSeconds ?? 600) * 1000)) {
		response.status(401).json({ received: false, error: 'signature check failed: nonce already used' });
		return { noWebhookResponse: true };
	}
	const message = verdict.accept;
	const fingerprint = messageFingerprint(message);
	if (options.ignoreRedeliveries !== false) {
		const taken = takenBy(this);
		const delivery = classifyDelivery(taken, savedFingerprints(this), fingerprint, now);
		if (delivery === 'saved') {
			// Answered here: n8n sends a webhookResponse only after saving the static data, and Pandapon waits 1000 ms at most.
			response.status(200).json({ received: true, duplicate: true });
			return { noWebhookResponse: true };
		}
		if (delivery === 'inFlight') {
			response.status(409).json({ received: false, error: 'a copy of this message is still being started; send it again later' });
			return { noWebhookResponse: true };
		}
		response.once('finish', () => settleDelivery(taken, fingerprint, response.statusCode, Date.now()));
	}

	const known = MESSAGE_TYPES.find((m) => m.messageType === message.messageType);
	const orderIds = orderIdsOf(message.messageBody);
	const item: IDataObject = {
		event: known?.event ?? 'unknown',
		messageType: message.messageType,
		// The same for every copy of one message: an idempotency key for writes further down the workflow.
		messageId: fingerprint.slice(0, 32),
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
	if (options.fetchOrder === true && orderIds[0] && message.platform !== 'unknown') {
		try {
			item.order = await fetchOrder(this, message, orderIds[0]);
		} catch (error) {
			item.orderError = (error as Error).message;
		}
	}
	return { webhookResponse: { received: true }, workflowData: [this.helpers.returnJsonArray([item])] };
}
