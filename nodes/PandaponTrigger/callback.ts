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
 * Fingerprints (and their expiry) known to this process, per trigger node of a workflow: those it
 * accepted and those it read from the static data. It catches duplicates that arrive before the
 * static data is saved, and it is written back with every save (see seenBefore).
 */
const recent = new Map<string, Map<string, number>>();

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

/**
 * True when the message was seen within the window; records it otherwise (memory and static data).
 * n8n saves the static data after every call, so entries are kept small: 64 bits of the
 * fingerprint and the expiry in seconds.
 *
 * n8n loads the static data when a call arrives and writes the whole object back afterwards, so two
 * calls at once (in this process, or in two webhook processors of queue mode) each save a copy
 * without the other's fingerprint. Every save therefore carries everything this process knows,
 * and every call first learns what the others saved: a fingerprint dropped by one save is back
 * with its owner's next save.
 */
function seenBefore(ctx: IWebhookFunctions, fingerprint: string, now: number): boolean {
	const key = fingerprint.slice(0, 16);
	const stored = ctx.getWorkflowStaticData('node');
	stored.seen ??= {};
	const persisted = stored.seen as Record<string, number>;
	const scope = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id}`;
	const known = recent.get(scope) ?? new Map<string, number>();
	recent.set(scope, known);
	const nowSeconds = Math.floor(now / 1000);
	prune(known, now);
	prune(persisted, nowSeconds);
	for (const [k, until] of Object.entries(persisted)) {
		if ((known.get(k) ?? 0) < until * 1000) known.set(k, until * 1000);
	}
	const seen = (known.get(key) ?? 0) > now;
	if (!seen) known.set(key, now + REDELIVERY_WINDOW_MS);
	for (const [k, until] of known) {
		const seconds = Math.floor(until / 1000);
		if ((persisted[k] ?? 0) < seconds) persisted[k] = seconds;
	}
	return seen;
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

/** Answers Pandapon at once (it waits 1000 ms at most), then hands the message to the workflow. */
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
	if (options.ignoreRedeliveries !== false && seenBefore(this, fingerprint, now)) {
		// Answered here, not through webhookResponse: n8n answers that only after saving the static data
		// (which a duplicate may update, see seenBefore), and Pandapon waits 1000 ms at most.
		response.status(200).json({ received: true, duplicate: true });
		return { noWebhookResponse: true };
	}

	response.status(200).json({ received: true });
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
	return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
}
