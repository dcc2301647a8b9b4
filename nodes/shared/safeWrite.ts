import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asNodeError, inputError } from './errors';
import { fenToYuan } from './money';
import { readInteger, readText } from './params';

/**
 * Decision D8 for every create and pay path: an idempotency key kept in n8n's de-duplication store,
 * a dry run that only previews, and a maximum total checked against the preview before anything
 * is created or paid.
 */
export const safetyOptions: INodeProperties = {
	displayName: 'Safety',
	name: 'safety',
	type: 'collection',
	placeholder: 'Add Safety Option',
	default: {},
	options: [
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only preview and validate, creating and paying nothing',
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.shopifyOrderId }}',
			description:
				'A key unique to this purchase, such as the shop order ID. A key this workflow already used creates and pays nothing: the item comes out marked as a duplicate.',
		},
		{
			displayName: 'Max Total (Fen)',
			name: 'maxTotalFen',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description:
				'Stop the item before anything is created or paid when the previewed total is above this amount in fen (100 = ¥1). 0 means no limit.',
		},
	],
};

export interface GuardedWrite {
	/** Prices what the write would do; needed for Dry Run and Max Total. */
	preview: () => Promise<{ totalFen: number; preview: IDataObject }>;
	write: () => Promise<IDataObject>;
	/** The ids to remember for a duplicate (e.g. the created order ids). */
	resultIds: (result: IDataObject) => string[];
}

const DEDUP_OPTIONS = { mode: 'entries' as const, maxEntries: 100_000 };
const REMEMBERED_KEYS = 10_000;

interface KeyMemory {
	[key: string]: { ids: string[]; at: number };
}

/** Ids of earlier results by key. Kept in the workflow's static data, which n8n saves for non-manual runs. */
function memory(ctx: IExecuteFunctions): KeyMemory {
	const data = ctx.getWorkflowStaticData('node');
	data.idempotency ??= {};
	return data.idempotency as KeyMemory;
}

function remember(ctx: IExecuteFunctions, key: string, ids: string[]): void {
	const keys = memory(ctx);
	keys[key] = { ids, at: Date.now() };
	const all = Object.keys(keys);
	if (all.length > REMEMBERED_KEYS) {
		all.sort((a, b) => keys[a].at - keys[b].at);
		for (const old of all.slice(0, all.length - REMEMBERED_KEYS)) delete keys[old];
	}
}

export interface Safety {
	key: string;
	/** The key as stored: scoped to the node, so two nodes of a workflow may use the same keys. */
	scoped: string;
	dryRun: boolean;
	maxTotalFen: number;
}

export function readSafety(ctx: IExecuteFunctions, i: number): Safety {
	const key = readText(ctx, 'safety.idempotencyKey', 'Safety › Idempotency Key', i, { maxLength: 200 });
	return {
		key,
		scoped: key === '' ? '' : `${ctx.getNode().name}\u0000${key}`,
		dryRun: ctx.getNodeParameter('safety.dryRun', i, false) as boolean,
		maxTotalFen: readInteger(ctx, 'safety.maxTotalFen', 'Safety › Max Total (Fen)', i, { min: 0, fallback: 0 }),
	};
}

/**
 * Writes under way in this process by key: with Concurrency above 1, a duplicate may arrive while
 * the first write of its key is still running, and should still learn the ids it produced.
 */
const inFlight = new Map<string, { ids: Promise<string[]>; settle: (ids: string[]) => void }>();

/**
 * n8n's de-duplication store reads a scope's whole entry list and writes it back (no lock, no
 * transaction), so two calls at once lose one's entries and both see a key as new; and the first
 * calls of a scope race to insert its row. Calls from this process therefore go one at a time,
 * and a failed call (the losing insert) is tried again.
 */
let storeQueue: Promise<unknown> = Promise.resolve();
function serialized<T>(run: () => Promise<T>): Promise<T> {
	const next = storeQueue.then(run, run);
	storeQueue = next.catch(() => undefined);
	return next;
}

/** Records the items; which of them were there already. `then` runs before the next call of this process starts. */
async function record(ctx: IExecuteFunctions, items: string[], then?: (seen: Set<string>) => void): Promise<Set<string>> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await serialized(async () => {
				const { processed } = await ctx.helpers.checkProcessedAndRecord(items, 'workflow', DEDUP_OPTIONS);
				const seen = new Set(processed.map(String));
				then?.(seen);
				return seen;
			});
		} catch (error) {
			if (attempt >= 3) {
				throw new NodeOperationError(ctx.getNode(), `the de-duplication store failed: ${(error as Error).message}`, {
					description: 'Nothing was created or paid for this item.',
				});
			}
			await sleep(50 * attempt);
		}
	}
}

/**
 * Other n8n processes (queue-mode workers) share the store but not the queue above. A claim
 * therefore records the key together with a token of its own, waits, and looks again: the token
 * still there means the claim stood; the key there without the token means another process
 * claimed the key at the same moment and its write replaced ours (it wins, this item is a
 * duplicate); neither there means an unrelated write erased both, so the look (which records
 * them again) is a new claim. This holds as long as no process takes longer than the wait between
 * reading the store and writing it back.
 */
export const CLAIM_SETTLE_MS = 500;
const CLAIM_ROUNDS = 6;

function claimToken(ctx: IExecuteFunctions, safety: Safety): string {
	return `${safety.scoped}\u0001${ctx.getExecutionId()}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`;
}

/** Records the key; the duplicate's output when this workflow has used it before. */
export async function claimKey(ctx: IExecuteFunctions, safety: Safety): Promise<IDataObject | undefined> {
	if (!safety.scoped) return undefined;
	const duplicate = () => ({ duplicate: true, idempotencyKey: safety.key, earlierIds: memory(ctx)[safety.scoped]?.ids ?? [] });
	const token = claimToken(ctx, safety);
	const first = await record(ctx, [safety.scoped, token], (seen) => {
		if (seen.has(safety.scoped)) return;
		let settle: (ids: string[]) => void = () => undefined;
		const ids = new Promise<string[]>((resolve) => (settle = resolve));
		inFlight.set(safety.scoped, { ids, settle });
	});
	if (first.has(safety.scoped)) return duplicate();
	for (let round = 0; round < CLAIM_ROUNDS; round++) {
		await sleep(CLAIM_SETTLE_MS);
		const seen = await record(ctx, [safety.scoped, token]);
		if (seen.has(token)) return undefined;
		if (seen.has(safety.scoped)) {
			settleKey(safety, []);
			return duplicate();
		}
	}
	settleKey(safety, []);
	await serialized(async () => await ctx.helpers.removeProcessed([safety.scoped, token], 'workflow', DEDUP_OPTIONS));
	throw new NodeOperationError(ctx.getNode(), `could not record idempotency key "${safety.key}": the de-duplication store kept losing it; nothing was created or paid`, {
		description: 'Other executions are writing to this workflow\'s de-duplication store heavily; run the item again.',
	});
}

function settleKey(safety: Safety, ids: string[]): void {
	const pending = inFlight.get(safety.scoped);
	if (!pending) return;
	inFlight.delete(safety.scoped);
	pending.settle(ids);
}

/** Frees a claimed key after a write that provably changed nothing (or a dry run). */
export async function releaseKey(ctx: IExecuteFunctions, safety: Safety): Promise<void> {
	if (!safety.scoped) return;
	settleKey(safety, []);
	await serialized(async () => await ctx.helpers.removeProcessed([safety.scoped], 'workflow', DEDUP_OPTIONS));
}

export function keepKey(ctx: IExecuteFunctions, safety: Safety, ids: string[]): void {
	if (!safety.scoped) return;
	remember(ctx, safety.scoped, ids);
	settleKey(safety, ids);
}

/** Stops the item when the previewed total is above Max Total. */
export function checkTotal(ctx: IExecuteFunctions, i: number, safety: Safety, totalFen: number): void {
	if (safety.maxTotalFen > 0 && totalFen > safety.maxTotalFen) {
		throw inputError(
			ctx.getNode(),
			i,
			'Safety › Max Total (Fen)',
			`the previewed total ${totalFen} fen (¥${fenToYuan(totalFen)}) is above the limit of ${safety.maxTotalFen} fen; nothing was created or paid`,
			'Raise Max Total or check the quantities and prices.',
		);
	}
}

export function dryRunResult(preview: { totalFen: number; preview: IDataObject } | undefined): IDataObject {
	return { dryRun: true, totalFen: preview?.totalFen, totalYuan: fenToYuan(preview?.totalFen), preview: preview?.preview };
}

/** Whether a failed write provably changed nothing, so its key may be used again. */
export function provablyUnchanged(error: unknown): boolean {
	if (error instanceof NodeOperationError) return true;
	const outcome = (error as { context?: { pandapon?: { outcome?: string } } }).context?.pandapon?.outcome;
	return outcome === 'failed' || outcome === 'notSent';
}

/** Idempotency key, Max Total and Dry Run around one create or pay. */
export async function guardedWrite(this: IExecuteFunctions, i: number, op: GuardedWrite): Promise<IDataObject> {
	const safety = readSafety(this, i);
	const duplicate = await claimKey(this, safety);
	if (duplicate) {
		const running = inFlight.get(safety.scoped);
		return running ? { ...duplicate, earlierIds: await running.ids } : duplicate;
	}
	try {
		let preview: { totalFen: number; preview: IDataObject } | undefined;
		if (safety.dryRun || safety.maxTotalFen > 0) {
			preview = await op.preview();
			checkTotal(this, i, safety, preview.totalFen);
		}
		if (safety.dryRun) {
			await releaseKey(this, safety);
			return dryRunResult(preview);
		}
		const result = await op.write();
		keepKey(this, safety, op.resultIds(result));
		return safety.key ? { ...result, idempotencyKey: safety.key } : result;
	} catch (error) {
		if (provablyUnchanged(error)) await releaseKey(this, safety);
		else settleKey(safety, []);
		throw asNodeError(this.getNode(), error, i);
	}
}
