import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

/** Re-sends come every 30 minutes, 5 times at most; a fingerprint is kept a little longer than that. */
export const REDELIVERY_WINDOW_MS = 3 * 60 * 60 * 1000;

/**
 * How long a copy this process took counts as still being started when its answer never went
 * out (the caller hung up). n8n stores an execution within seconds; Pandapon re-sends 30 minutes
 * later, long after this.
 */
export const IN_FLIGHT_MS = 60_000;

/**
 * Under a burst the fingerprints reach the workflow's static data at most this often per process
 * and path, instead of with every call; when nothing else is being started they go at once. Pandapon
 * re-sends only 30 minutes after a failure, so a few seconds keep "survives a restart" true.
 */
export const SAVE_EVERY_MS = 2_000;

/** Fingerprints kept per trigger (in memory and in the static data), the oldest dropped first. */
export const MAX_REMEMBERED = 10_000;

/**
 * Copies being started at once, at most. n8n stores an execution within seconds, so this many at
 * once is a flood; a new message then gets 503 (Pandapon sends it again later) instead of memory.
 */
export const MAX_IN_FLIGHT = 1_000;

/** A copy this process took: `stored` once n8n answered it 200, which it does only after storing the execution. */
export interface Taken {
	until: number;
	stored: boolean;
}

/** Where a save goes out: with a call's answer, or with the end of the execution a copy started. */
export type SavePath = 'answer' | 'run';

export interface Memory {
	taken: Map<string, Taken>;
	/** Copies being started now (answer not out yet), for "nothing else in flight". */
	starting: Set<string>;
	mergedAt: Record<SavePath, number>;
}

export const newMemory = (): Memory => ({ taken: new Map(), starting: new Set(), mergedAt: { answer: 0, run: 0 } });

/** Per trigger node of a workflow: the same message may rightly run once in each of two workflows. */
const memories = new Map<string, Memory>();

export function memoryOf(ctx: IWebhookFunctions | IExecuteFunctions): Memory {
	const scope = `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id}`;
	let memory = memories.get(scope);
	if (!memory) memories.set(scope, (memory = newMemory()));
	return memory;
}

/** The 64-bit key a message is remembered by: entries stay small, since the static data is loaded with every call. */
export const keyOf = (messageId: string) => messageId.slice(0, 16);

/** The trigger's part of the workflow's static data: key → expiry in seconds. Reading it costs nothing (n8n loaded it with the call). */
export function savedFingerprints(ctx: IWebhookFunctions | IExecuteFunctions): Record<string, number> {
	const stored = ctx.getWorkflowStaticData('node');
	stored.seen ??= {};
	return stored.seen as Record<string, number>;
}

export type Delivery = 'new' | 'saved' | 'inFlight' | 'full';

function remember(memory: Memory, key: string, copy: Taken): void {
	memory.taken.delete(key);
	memory.taken.set(key, copy);
	// Map order is insertion order: the first entries are the oldest.
	for (const oldest of memory.taken.keys()) {
		if (memory.taken.size <= MAX_REMEMBERED) break;
		memory.taken.delete(oldest);
		memory.starting.delete(oldest);
	}
}

/**
 * What a copy of a message is, from this process's memory and the static data loaded with the
 * call; writes nothing to the static data. `inFlight`: this process took a copy whose answer is not
 * out yet (409: if n8n fails to start it, the re-send must run). `saved`: known, answered 200 here
 * or saved by any n8n process; `new` is remembered as being started; `full` when MAX_IN_FLIGHT copies
 * still are (nothing is remembered).
 */
export function classifyDelivery(memory: Memory, persisted: Record<string, number>, messageId: string, now: number): Delivery {
	const key = keyOf(messageId);
	const copy = memory.taken.get(key);
	if (copy && copy.until > now) return copy.stored ? 'saved' : 'inFlight';
	if ((persisted[key] ?? 0) * 1000 > now) return 'saved';
	if (memory.starting.size >= MAX_IN_FLIGHT) {
		// Copies whose answer never went out stop counting once their IN_FLIGHT_MS is over.
		for (const started of memory.starting) {
			if ((memory.taken.get(started)?.until ?? 0) <= now) memory.starting.delete(started);
		}
		if (memory.starting.size >= MAX_IN_FLIGHT) return 'full';
	}
	remember(memory, key, { until: now + IN_FLIGHT_MS, stored: false });
	memory.starting.add(key);
	return 'new';
}

/**
 * Records how n8n answered a copy this process took: 200 means the execution is stored, so the
 * copy is remembered for the whole window; anything else means nothing ran, and a re-send must run.
 */
export function settleDelivery(memory: Memory, messageId: string, status: number, now: number): void {
	const key = keyOf(messageId);
	if (!memory.starting.delete(key)) return;
	if (status === 200) remember(memory, key, { until: now + REDELIVERY_WINDOW_MS, stored: true });
	else memory.taken.delete(key);
}

/** Whether this call or run should bring the static data up to date: every SAVE_EVERY_MS under load, at once when nothing else is being started. */
export function mergeDue(memory: Memory, path: SavePath, messageId: string, now: number): boolean {
	if (now - memory.mergedAt[path] >= SAVE_EVERY_MS) return true;
	const own = keyOf(messageId);
	for (const key of memory.starting) {
		if (key !== own && (memory.taken.get(key)?.until ?? 0) > now) return false;
	}
	return true;
}

/**
 * Brings the loaded static data and this process's memory up to date with each other. n8n loads
 * the static data when a call arrives and saves it whole afterwards (with the answer, or at the end
 * of the execution), so of two overlapping saves the last drops the other's keys: the memory learns
 * every key it reads, and writes back every key it knows that the loaded copy lacks. Keys still being
 * started go out for IN_FLIGHT_MS only, so another webhook processor treats a copy as taken in that
 * moment, while a start that failed is retried when Pandapon re-sends 30 minutes later. The static
 * data is only assigned to when something differs, so n8n saves nothing otherwise.
 */
export function mergeSaved(memory: Memory, persisted: Record<string, number>, path: SavePath, now: number): boolean {
	memory.mergedAt[path] = now;
	const nowSeconds = Math.floor(now / 1000);
	for (const [key, copy] of memory.taken) {
		if (copy.until > now) continue;
		memory.taken.delete(key);
		memory.starting.delete(key);
	}
	let changed = false;
	for (const [key, until] of Object.entries(persisted)) {
		if (until <= nowSeconds) {
			delete persisted[key];
			changed = true;
		} else if (!memory.taken.has(key)) {
			remember(memory, key, { until: until * 1000, stored: true });
		}
	}
	for (const [key, copy] of memory.taken) {
		const until = Math.floor(copy.until / 1000);
		if ((persisted[key] ?? 0) >= until) continue;
		persisted[key] = until;
		changed = true;
	}
	const over = Object.keys(persisted).length - MAX_REMEMBERED;
	if (over > 0) {
		for (const [key] of Object.entries(persisted).sort((a, b) => a[1] - b[1]).slice(0, over)) delete persisted[key];
		changed = true;
	}
	return changed;
}

/**
 * The check at the start of an execution on a queue-mode worker, where this process never saw the
 * call: n8n's de-duplication store is shared by every worker, but reads a scope's whole list and
 * writes it back without a lock. So a claim records the message with a token of its own, waits and
 * looks again: its token there, the claim stood; the message there without the token, another
 * worker claimed it at the same moment and won; neither, an unrelated write erased both, and the
 * look (which records them again) is a new claim. This holds while no worker takes longer than the
 * wait between reading the store and writing it back.
 */
export const CLAIM_SETTLE_MS = 500;
const CLAIM_ROUNDS = 4;
const STORE_OPTIONS = { mode: 'entries' as const, maxEntries: 2 * MAX_REMEMBERED };

/** Calls of this process go one at a time, so concurrent executions here don't drop each other's entries. */
let storeQueue: Promise<unknown> = Promise.resolve();

async function recordInStore(ctx: IExecuteFunctions, values: string[]): Promise<Set<string>> {
	const next = storeQueue.then(async () => await ctx.helpers.checkProcessedAndRecord(values, 'node', STORE_OPTIONS));
	storeQueue = next.catch(() => undefined);
	const { processed } = await next;
	return new Set(processed.map(String));
}

/** True when this execution is the one to run the message; false when another execution has it. */
export async function claimAcrossWorkers(ctx: IExecuteFunctions, messageId: string): Promise<boolean> {
	const token = `${messageId}\u0001${ctx.getExecutionId()}`;
	if ((await recordInStore(ctx, [messageId, token])).has(messageId)) return false;
	for (let round = 0; round < CLAIM_ROUNDS; round++) {
		await sleep(CLAIM_SETTLE_MS);
		const seen = await recordInStore(ctx, [messageId, token]);
		if (seen.has(token)) return true;
		if (seen.has(messageId)) return false;
	}
	// The store kept losing both: running the message is better than losing it.
	return true;
}
