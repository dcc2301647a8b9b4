import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * Idempotency keys live in n8n's de-duplication store under the node's own scope: n8n files that
 * scope under the workflow id and the node id (`n:<node id>`), so a key survives renaming the node,
 * no other node (a Remove Duplicates node trims the workflow scope) shares or trims it, and every
 * n8n process of a queue-mode setup sees it.
 */
export const KEY_STORE_BOUND = 100_000;
const STORE = { mode: 'entries' as const, maxEntries: KEY_STORE_BOUND };

/**
 * Room kept free below the bound: n8n drops the oldest entries of a full scope without a word,
 * and a dropped key would buy its purchase again, so the node refuses new claims before that.
 */
export const KEY_STORE_HEADROOM = 100;

/**
 * n8n's store reads a scope's whole entry list and writes it back (no lock, no transaction), so
 * two calls at once lose one's entries; calls from this process therefore go one at a time, and a
 * failed call (the losing insert of a scope's first row) is tried again.
 */
let storeQueue: Promise<unknown> = Promise.resolve();
function serialized<T>(run: () => Promise<T>): Promise<T> {
	const next = storeQueue.then(run, run);
	storeQueue = next.catch(() => undefined);
	return next;
}

async function storeCall<T>(ctx: IExecuteFunctions, run: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await serialized(run);
		} catch (error) {
			if (attempt >= 3) {
				throw new NodeOperationError(ctx.getNode(), `the de-duplication store failed: ${(error as Error).message}`, {
					description: 'Nothing was created or paid by this run.',
				});
			}
			await sleep(50 * attempt);
		}
	}
}

/** Records the entries; which were there already. `then` runs before the next store call of this process starts. */
async function record(ctx: IExecuteFunctions, entries: string[], then?: (seen: Set<string>) => void): Promise<Set<string>> {
	return await storeCall(ctx, async () => {
		const { processed } = await ctx.helpers.checkProcessedAndRecord(entries, 'node', STORE);
		const seen = new Set(processed.map(String));
		then?.(seen);
		return seen;
	});
}

async function remove(ctx: IExecuteFunctions, entries: string[]): Promise<void> {
	if (entries.length === 0) return;
	await storeCall(ctx, async () => await ctx.helpers.removeProcessed(entries, 'node', STORE));
}

/** Where a key's earlier ids are looked up: the workflow and node it was used in. */
function scopeOf(ctx: IExecuteFunctions): string {
	return `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().id}`;
}

/**
 * Ids that keys produced, for the duplicates that come later. n8n's store keeps only hashes, so
 * the ids are kept beside it: in this process (manual runs, which n8n never saves static data
 * for) and in the node's static data (production runs, saved by n8n and shared by its workers).
 */
const REMEMBERED_IDS = 10_000;
const idsInProcess = new Map<string, string[]>();

interface StaticIds {
	[key: string]: { ids: string[]; at: number };
}

function staticIds(ctx: IExecuteFunctions): StaticIds {
	const data = ctx.getWorkflowStaticData('node');
	data.idempotency ??= {};
	return data.idempotency as StaticIds;
}

function rememberIds(ctx: IExecuteFunctions, key: string, ids: string[]): void {
	const scoped = `${scopeOf(ctx)}\u0000${key}`;
	idsInProcess.delete(scoped);
	idsInProcess.set(scoped, ids);
	if (idsInProcess.size > REMEMBERED_IDS) idsInProcess.delete(idsInProcess.keys().next().value as string);
	const kept = staticIds(ctx);
	kept[key] = { ids, at: Date.now() };
	const all = Object.keys(kept);
	if (all.length > REMEMBERED_IDS) {
		all.sort((a, b) => kept[a].at - kept[b].at);
		for (const old of all.slice(0, all.length - REMEMBERED_IDS)) delete kept[old];
	}
}

/** The ids an earlier use of the key produced, or undefined when this process and n8n's saved data do not know them. */
function earlierIds(ctx: IExecuteFunctions, key: string): string[] | undefined {
	return idsInProcess.get(`${scopeOf(ctx)}\u0000${key}`) ?? staticIds(ctx)[key]?.ids;
}

/**
 * Keys of writes still under way in this process: a duplicate that arrives meanwhile (a second
 * row with the same key, a second execution) waits for the first write's ids.
 */
const inFlight = new Map<string, { ids: Promise<string[]>; settle: (ids: string[]) => void }>();

function startFlight(ctx: IExecuteFunctions, key: string): void {
	let settle: (ids: string[]) => void = () => undefined;
	const ids = new Promise<string[]>((resolve) => (settle = resolve));
	inFlight.set(`${scopeOf(ctx)}\u0000${key}`, { ids, settle });
}

function endFlight(ctx: IExecuteFunctions, key: string, ids: string[]): void {
	const scoped = `${scopeOf(ctx)}\u0000${key}`;
	const pending = inFlight.get(scoped);
	if (!pending) return;
	inFlight.delete(scoped);
	pending.settle(ids);
}

/** What a duplicate says: the key, and the ids its first use produced where they can be known. */
export async function duplicateOf(ctx: IExecuteFunctions, key: string): Promise<IDataObject> {
	const running = inFlight.get(`${scopeOf(ctx)}\u0000${key}`);
	const ids = running ? await running.ids : earlierIds(ctx, key);
	return {
		duplicate: true,
		idempotencyKey: key,
		earlierIds: ids ?? [],
		...(ids === undefined ? { earlierIdsKnown: false } : {}),
	};
}

/**
 * Other n8n processes (queue-mode workers) share the store but not the queue above. A claim
 * therefore records all of a run's new keys together with one token of the run, waits once, and
 * looks again: the token still there means the whole claim stood; a key there without the token
 * means another process claimed it at the same moment and its write replaced ours (it wins, the
 * row is a duplicate); neither there means an unrelated write erased both, so the look (which
 * records them again) is a new claim. This holds as long as no process takes longer than the wait
 * between reading the store and writing it back.
 */
export const CLAIM_SETTLE_MS = 500;
const CLAIM_ROUNDS = 6;

function runToken(ctx: IExecuteFunctions): string {
	return `\u0001claim:${ctx.getExecutionId()}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`;
}

export interface Claim {
	/** Keys this run may write under. */
	claimed: Set<string>;
	/** Keys used before (or by another process at the same moment). */
	duplicates: Set<string>;
}

/** Claims every key of a run at once: one store round, one wait, one check. */
export async function claimKeys(ctx: IExecuteFunctions, keys: string[]): Promise<Claim> {
	const claim: Claim = { claimed: new Set(), duplicates: new Set() };
	let pending = [...new Set(keys)];
	if (pending.length === 0) return claim;
	const held = await storeCall(ctx, async () => await ctx.helpers.getProcessedDataCount('node', STORE));
	if (held + pending.length + 1 > KEY_STORE_BOUND - KEY_STORE_HEADROOM) {
		throw new NodeOperationError(
			ctx.getNode(),
			`the idempotency key store of this node holds ${held} keys, too close to n8n's bound of ${KEY_STORE_BOUND} to add ${pending.length} more; nothing was created or paid`,
			{
				description:
					'n8n would silently forget the oldest keys, and a forgotten key would buy its purchase again. Keys are kept per node: use a new Pandapon node (a copy of this one) for new keys once you are sure the old purchases will not come again.',
			},
		);
	}
	const token = runToken(ctx);
	for (let round = 0; round < CLAIM_ROUNDS; round++) {
		const seen = await record(ctx, [...pending, token], (seen) => {
			if (round === 0) for (const key of pending) if (!seen.has(key)) startFlight(ctx, key);
		});
		if (round > 0 && seen.has(token)) {
			for (const key of pending) claim.claimed.add(key);
			await remove(ctx, [token]);
			return claim;
		}
		for (const key of pending) {
			if (!seen.has(key)) continue;
			claim.duplicates.add(key);
			if (round > 0) endFlight(ctx, key, []);
		}
		pending = pending.filter((key) => !seen.has(key));
		if (pending.length === 0) {
			await remove(ctx, [token]);
			return claim;
		}
		await sleep(CLAIM_SETTLE_MS);
	}
	for (const key of pending) endFlight(ctx, key, []);
	await remove(ctx, [...pending, token]);
	throw new NodeOperationError(ctx.getNode(), 'could not record the idempotency keys: the de-duplication store kept losing them; nothing was created or paid', {
		description: 'Other executions are writing to this node\'s de-duplication store heavily; run the workflow again.',
	});
}

/** Frees keys whose writes provably changed nothing (a dry run, a refusal, a write never sent). */
export async function releaseKeys(ctx: IExecuteFunctions, keys: string[]): Promise<void> {
	for (const key of keys) endFlight(ctx, key, []);
	await remove(ctx, keys);
}

/** Keeps a key for good, with the ids its write produced (none when the outcome is unknown). */
export function keepKey(ctx: IExecuteFunctions, key: string, ids: string[]): void {
	rememberIds(ctx, key, ids);
	endFlight(ctx, key, ids);
}
