import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { parseJsonBig, stringifyJsonBig } from '../nodes/shared/bigJson';
import { ENDPOINTS } from '../nodes/shared/catalogue';
import type { EndpointKey } from '../nodes/shared/catalogue';
import { DEFAULT_SIGNING_RULE, verifySignedRequest } from '../nodes/shared/signing';
import type { SigningRule } from '../nodes/shared/signing';
import { evidenceJson, recordEvidence } from '../scripts/evidence';
import { CallbackDelivery } from './callbacks';
import type { CallbackOptions } from './callbacks';
import { CONTRACT } from './contract/index';
import { publishedPage, responseIssues } from './contract/published';
import { CODES, SandboxError } from './errors';
import { DEFAULT_VARIANTS } from './handlers/common';
import type { Variants } from './handlers/common';
import { HANDLERS } from './handlers/index';
import { recordWrite, replayJournal } from './journal';
import { SandboxState } from './state';

export const DEMO_ACCESS_KEY = 'demo-access-key';
export const DEMO_ACCESS_SECRET = 'demo-access-secret-change-me';
export const DEMO_USER_ID = '2100007341207';
/**
 * The Callback Token of the demo "Pandapon sandbox callback" credential (npm start, e2e, queue,
 * bench). Public like the demo secret: it protects only workflows on this machine's sandbox setup.
 */
export const DEMO_CALLBACK_TOKEN = 'sandbox-callback-token-9Rz4Kq7mWx2P';
export const DEVELOP_ID = 1110890638347337996n;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface SandboxOptions {
	port?: number;
	host?: string;
	accessKey?: string;
	accessSecret?: string;
	userId?: string;
	rule?: SigningRule;
	/** The allowed distance between the request's timestamp and the sandbox clock. */
	windowMs?: number;
	clock?: () => number;
	/** Added before every answer, to model the real API's round trip. */
	latencyMs?: number;
	/** A random extra delay below this, so concurrent answers come back out of order. */
	latencyJitterMs?: number;
	/**
	 * The first this many requests are answered only once all of them are in flight together (or
	 * after 5 s, so a client that never gets there sees its answers and its test fails on the count):
	 * proves a client's concurrency without depending on how fast the machine is.
	 */
	gatherFirst?: number;
	/** Requests per second past which the sandbox answers 429; 0 = no limit. */
	rateLimitPerSecond?: number;
	/** Answers to pick where mirrors disagree or Pandapon publishes none (see handlers/common.ts). */
	variants?: Partial<Variants>;
	/** Where and how to push message callbacks; none are pushed without it. */
	callbacks?: CallbackOptions;
	/** A file that keeps the accepted writes, replayed at start (see journal.ts). */
	journal?: string;
}

/**
 * A fault for the next matching requests. `before` answers without touching state (the API never
 * acted); `after` runs the request and then spoils the answer (the API acted, the caller can't know).
 */
export interface Fault {
	path?: string;
	times?: number;
	/** Matching requests to let through untouched first (a fault on the third write of a run: 2). */
	skip?: number;
	when?: 'before' | 'after';
	kind:
		| { type: 'status'; status: number; code?: number; msg?: string }
		| { type: 'hang' }
		| { type: 'reset' }
		| { type: 'html'; status: number }
		| { type: 'malformed' }
		| { type: 'nestedFailure' }
		| { type: 'delay'; ms: number };
}

export interface LoggedRequest {
	method: string;
	path: string;
	endpoint?: EndpointKey;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	status?: number;
	code?: number;
	contractErrors?: string[];
	/** How the answer departs from the published page's response fields (sandbox/contract/published.ts). */
	responseErrors?: string[];
}

export interface Sandbox {
	url: string;
	port: number;
	state: SandboxState;
	log: LoggedRequest[];
	faults: Fault[];
	callbacks: CallbackDelivery;
	/** Switchable while running: the next request answers with the variants set here. */
	variants: Variants;
	/** API requests being answered right now, and the most there ever were at once. */
	stats: { inFlight: number; maxInFlight: number };
	options: Required<Pick<SandboxOptions, 'accessKey' | 'accessSecret' | 'userId' | 'windowMs'>> & SandboxOptions;
	close(): Promise<void>;
}

/** Each endpoint's method and path as a pattern: a `{name}` segment matches one path segment. */
const ROUTES = (Object.entries(ENDPOINTS) as Array<[EndpointKey, (typeof ENDPOINTS)[EndpointKey]]>).map(([key, e]) => ({
	key,
	method: e.method,
	names: [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
	pattern: new RegExp(`^${e.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
}));

function route(method: string, pathname: string): { key: EndpointKey; path: Record<string, string> } | undefined {
	for (const r of ROUTES) {
		const match = r.method === method ? r.pattern.exec(pathname) : null;
		if (match) return { key: r.key, path: Object.fromEntries(r.names.map((name, n) => [name, decodeURIComponent(match[n + 1])])) };
	}
	return undefined;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			// Past the limit the rest is drained unread, so the client still gets its 413.
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
		});
		req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function envelope(code: number, msg: string, data?: unknown): string {
	return stringifyJsonBig({
		requestId: randomBytes(16).toString('hex'),
		code,
		developId: DEVELOP_ID,
		msg,
		...(data === undefined ? {} : { data }),
	});
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json;charset=UTF-8'): void {
	if (res.writableEnded || res.destroyed) return;
	res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
	res.end(body);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds the first `count` callers until all of them have arrived (see SandboxOptions.gatherFirst). */
function gatherer(count: number): () => Promise<void> {
	let arrived = 0;
	let release: () => void = () => undefined;
	const together = new Promise<void>((resolve) => {
		release = resolve;
		if (count > 0) setTimeout(resolve, 5_000).unref();
	});
	return async () => {
		if (arrived >= count) return;
		if (++arrived === count) release();
		await together;
	};
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const clock = options.clock ?? Date.now;
	const settings = {
		accessKey: DEMO_ACCESS_KEY,
		accessSecret: DEMO_ACCESS_SECRET,
		userId: DEMO_USER_ID,
		windowMs: 600_000,
		...options,
	};
	const rule = options.rule ?? DEFAULT_SIGNING_RULE;
	const state = new SandboxState(clock);
	if (options.journal) replayJournal(options.journal, state);
	const variants: Variants = { ...DEFAULT_VARIANTS, ...options.variants };
	const callbacks = new CallbackDelivery(state);
	callbacks.configure(options.callbacks);
	const log: LoggedRequest[] = [];
	const faults: Fault[] = [];
	const nonces = new Map<string, number>();
	const gathering = gatherer(options.gatherFirst ?? 0);
	let windowStart = 0;
	let windowCount = 0;

	function takeFault(path: string, when: 'before' | 'after'): Fault | undefined {
		const index = faults.findIndex((f) => (f.when ?? 'before') === when && (!f.path || f.path === path));
		if (index < 0) return undefined;
		const fault = faults[index];
		if ((fault.skip ?? 0) > 0) {
			fault.skip = (fault.skip ?? 0) - 1;
			return undefined;
		}
		fault.times = (fault.times ?? 1) - 1;
		if (fault.times <= 0) faults.splice(index, 1);
		return fault;
	}

	/** Applies a fault; true when the answer has been given (or withheld) by the fault. */
	async function applyFault(fault: Fault, res: ServerResponse, entry: LoggedRequest): Promise<boolean> {
		const kind = fault.kind;
		switch (kind.type) {
			case 'delay':
				await sleep(kind.ms);
				return false;
			case 'hang':
				entry.status = 0;
				return true;
			case 'reset':
				entry.status = 0;
				res.socket?.destroy();
				return true;
			case 'html':
				entry.status = kind.status;
				res.setHeader('retry-after', '0');
				send(res, kind.status, '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', 'text/html');
				return true;
			case 'malformed':
				entry.status = 200;
				send(res, 200, '{"requestId":"x","code":200,"data":{');
				return true;
			case 'nestedFailure':
				entry.status = 200;
				entry.code = 200;
				send(res, 200, envelope(200, '成功', { success: false, errorCode: 'UPSTREAM_FAIL', errorInfo: 'injected upstream failure' }));
				return true;
			case 'status':
				entry.status = kind.status;
				entry.code = kind.code ?? (kind.status === 429 ? CODES.rateLimited : CODES.injected);
				res.setHeader('retry-after', '0');
				send(res, kind.status, envelope(entry.code, kind.msg ?? `injected HTTP ${kind.status}`));
				return true;
		}
	}

	function refuse(res: ServerResponse, entry: LoggedRequest, status: number, code: number, msg: string): void {
		entry.status = status;
		entry.code = code;
		send(res, status, envelope(code, msg));
	}

	/** Unsigned control routes for tests and scripts in other processes (never part of the API). */
	function control(path: string, raw: string, res: ServerResponse): void {
		if (path === '/__sandbox/log') {
			const summary = log.map((e) => ({
				method: e.method,
				path: e.path,
				endpoint: e.endpoint,
				status: e.status,
				code: e.code,
				contractErrors: e.contractErrors,
				signed: Boolean(e.headers.signature),
				body: e.body,
			}));
			return send(res, 200, stringifyJsonBig(summary));
		}
		if (path === '/__sandbox/state') {
			return send(
				res,
				200,
				stringifyJsonBig({
					orders: [...state.orders.keys()],
					cart: [...state.cart.values()],
					writeCounts: Object.fromEntries(state.writeCounts),
				}),
			);
		}
		if (path === '/__sandbox/callbacks') {
			callbacks.configure(JSON.parse(raw || 'null') as CallbackOptions | undefined);
			return send(res, 200, JSON.stringify({ configured: true }));
		}
		if (path === '/__sandbox/deliveries') return send(res, 200, JSON.stringify(callbacks.deliveries));
		if (path === '/__sandbox/event') {
			// Seller-side changes no API call makes: shipping, price changes; plus paying without the API.
			const event = JSON.parse(raw || '{}') as { type: string; orderId: string; subItemIds?: string[]; shippingFee?: number };
			try {
				if (event.type === 'ship') state.ship(event.orderId, event.subItemIds);
				else if (event.type === 'price') state.changePrice(event.orderId, Number(event.shippingFee));
				else if (event.type === 'pay') state.pay(event.orderId);
				else return send(res, 400, JSON.stringify({ error: `unknown event ${event.type}` }));
			} catch (error) {
				return send(res, 409, JSON.stringify({ error: (error as Error).message }));
			}
			return send(res, 200, JSON.stringify({ done: true }));
		}
		if (path === '/__sandbox/faults') {
			faults.push(...(JSON.parse(raw || '[]') as Fault[]));
			return send(res, 200, JSON.stringify({ queued: faults.length }));
		}
		send(res, 404, JSON.stringify({ error: `unknown control route ${path}` }));
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		const raw = await readBody(req);
		if (url.pathname.startsWith('/__sandbox/')) return control(url.pathname, raw ?? '', res);
		const entry: LoggedRequest = { method, path: url.pathname, headers: req.headers, body: raw ?? '' };
		log.push(entry);
		recordEvidence('sandbox', evidenceJson(entry));
		if (raw === undefined) return refuse(res, entry, 413, CODES.invalidRequest, `body over ${MAX_BODY_BYTES} bytes`);

		const found = route(method, url.pathname);
		const key = found?.key;
		entry.endpoint = key;
		if (!found || !key) return refuse(res, entry, 404, CODES.unknownPath, `no such API: ${method} ${url.pathname}`);

		const verdict = verifySignedRequest({
			headers: req.headers,
			method,
			path: url.pathname,
			body: raw,
			secret: settings.accessSecret,
			rule,
			now: clock(),
			windowMs: settings.windowMs,
		});
		const accessKey = req.headers['access-key'];
		if (verdict.ok === false && verdict.reason === 'missingHeaders') {
			return refuse(res, entry, 401, CODES.missingHeaders, 'access-key, nonce-str, timestamp and signature headers are required');
		}
		if (accessKey !== settings.accessKey) return refuse(res, entry, 401, CODES.unknownAccessKey, 'unknown access-key');
		if (req.headers['user-id'] !== settings.userId) {
			return refuse(res, entry, 401, CODES.unknownAccessKey, 'user-id is not a sub-account of this access-key');
		}
		if (verdict.ok === false) {
			return verdict.reason === 'badSignature'
				? refuse(res, entry, 403, CODES.badSignature, 'signature mismatch')
				: refuse(res, entry, 412, CODES.staleTimestamp, 'timestamp outside the 600 s window');
		}
		const nonce = String(req.headers['nonce-str']);
		const now = clock();
		if ((nonces.get(nonce) ?? 0) > now) return refuse(res, entry, 412, CODES.nonceReused, 'nonce-str already used');
		nonces.set(nonce, now + 2 * settings.windowMs);
		if (nonces.size > 100_000) for (const [n, until] of nonces) if (until <= now) nonces.delete(n);

		if (settings.rateLimitPerSecond) {
			if (now - windowStart >= 1000) {
				windowStart = now;
				windowCount = 0;
			}
			if (++windowCount > settings.rateLimitPerSecond) {
				res.setHeader('retry-after', ((1000 - (now - windowStart)) / 1000).toFixed(3));
				return refuse(res, entry, 429, CODES.rateLimited, 'rate limit exceeded');
			}
		}
		await gathering();
		const latency = (settings.latencyMs ?? 0) + Math.floor(Math.random() * (settings.latencyJitterMs ?? 0));
		if (latency > 0) await sleep(latency);

		const before = takeFault(url.pathname, 'before');
		if (before && (await applyFault(before, res, entry))) return;

		const contract = CONTRACT[key];
		const handler = HANDLERS[key];
		if (!contract || !handler) return refuse(res, entry, 501, CODES.notImplemented, `${key} is not implemented in the sandbox`);
		const query = Object.fromEntries(url.searchParams);
		let body: Record<string, unknown> = {};
		try {
			if (method !== 'GET' && raw.trim() !== '') body = parseJsonBig(raw, { asBigInt: true }) as Record<string, unknown>;
		} catch {
			return refuse(res, entry, 400, CODES.invalidRequest, 'body is not valid JSON');
		}
		const issues: string[] = [];
		for (const [schema, value, where] of [
			[contract.path, found.path, 'path'],
			[contract.query, query, 'query'],
			[contract.body, body, 'body'],
		] as const) {
			const checked = schema?.safeParse(value);
			if (checked && !checked.success) {
				issues.push(...checked.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`));
			}
		}
		if (issues.length > 0) {
			entry.contractErrors = issues;
			return refuse(res, entry, 400, CODES.invalidRequest, `invalid request: ${issues.join('; ')}`);
		}

		let data: unknown;
		try {
			if (ENDPOINTS[key].kind === 'write') state.countWrite(url.pathname);
			data = handler({ body, query, path: found.path, state, variants });
			if (options.journal && ENDPOINTS[key].kind === 'write') recordWrite(options.journal, { key, body: raw, query, path: found.path });
		} catch (error) {
			if (error instanceof SandboxError) return refuse(res, entry, error.httpStatus, error.code, error.message);
			return refuse(res, entry, 500, CODES.internal, `sandbox failure: ${(error as Error).message}`);
		}
		const after = takeFault(url.pathname, 'after');
		if (after && (await applyFault(after, res, entry))) return;
		entry.status = 200;
		entry.code = CODES.ok;
		const page = publishedPage(ENDPOINTS[key]);
		const departures = page ? responseIssues(page, data) : [];
		if (departures.length > 0) entry.responseErrors = departures;
		send(res, 200, envelope(CODES.ok, '成功', data));
	}

	const stats = { inFlight: 0, maxInFlight: 0 };
	const server = createServer((req, res) => {
		stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
		res.once('close', () => stats.inFlight--);
		handle(req, res).catch((error: Error) => {
			send(res, 500, envelope(CODES.internal, `sandbox failure: ${error.message}`));
		});
	});
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		state,
		log,
		faults,
		callbacks,
		variants,
		stats,
		options: settings,
		close: () =>
			new Promise<void>((resolve) => {
				callbacks.close();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
