import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, withDone } from '../errors';
import { inInputOrder } from '../batch';
import { runPool } from '../pool';
import { claimKeys, duplicateOf, keepKey, releaseKeys } from './keyStore';
import { checkTotal, dryRunResult, provablyUnchanged, readSafety } from './options';
import type { Previewed, Safety } from './options';

/** One input row that passed its checks, with what its write needs. */
export interface WriteRow<P> {
	index: number;
	safety: Safety;
	payload: P;
}

/** What one write call did, for the rows it carried: their output, and the ids a duplicate later refers to. */
export type Sent =
	| { indexes: number[]; json: IDataObject; ids: string[] }
	| { indexes: number[]; error: unknown };

/**
 * A money-moving operation in the shape every write takes here: read and check every row (no
 * requests), price it when Dry Run or Max Total ask, send. The pipeline does the rest in order —
 * every row checked before the first write, every key of the run claimed at once, every guard
 * passed before the first write, then the writes, then each key kept or freed by what its write
 * provably did.
 */
export interface WriteOperation<P> {
	read: (this: IExecuteFunctions, i: number) => P | Promise<P>;
	/** Prices the rows that ask for Dry Run or Max Total; one entry per row, in the order given. */
	preview: (this: IExecuteFunctions, rows: Array<WriteRow<P>>) => Promise<Array<Previewed | { error: unknown }>>;
	/**
	 * Whether rows of one run that share a key are one purchase (a batch sent in one call, so a
	 * fixed key covers the whole batch) rather than a repeat of the first row.
	 */
	sharedKeys?: boolean;
	/** Sends the rows; without Continue On Fail it starts no new write once one has failed. */
	send: (this: IExecuteFunctions, rows: Array<WriteRow<P>>) => Promise<Sent[]>;
}

/** Per-row previews and writes, Concurrency at a time: what operations that write one row per call use. */
export function perRow<P>(
	preview: (this: IExecuteFunctions, row: WriteRow<P>) => Promise<Previewed>,
	write: (this: IExecuteFunctions, row: WriteRow<P>) => Promise<{ json: IDataObject; ids: string[] }>,
): Pick<WriteOperation<P>, 'preview' | 'send'> {
	return {
		async preview(rows) {
			return await runPool(this, rows, async (row) => {
				try {
					return await preview.call(this, row);
				} catch (error) {
					return { error };
				}
			});
		},
		async send(rows) {
			const sent: Sent[] = [];
			await runPool(this, rows, async (row) => {
				if (!this.continueOnFail() && sent.some((s) => 'error' in s)) return;
				try {
					sent.push({ indexes: [row.index], ...(await write.call(this, row)) });
				} catch (error) {
					sent.push({ indexes: [row.index], error });
				}
			});
			return sent;
		},
	};
}

/** Runs a write operation over all input items (see WriteOperation). */
export async function runWrites<P>(ctx: IExecuteFunctions, op: WriteOperation<P>): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const out: INodeExecutionData[] = [];
	const failures = new Map<number, unknown>();
	let live: Array<WriteRow<P>> = [];
	const keyOf = new Map<number, string>();

	for (let i = 0; i < count; i++) {
		try {
			const safety = readSafety(ctx, i);
			if (safety.key) keyOf.set(i, safety.key);
			live.push({ index: i, safety, payload: await op.read.call(ctx, i) });
		} catch (error) {
			failures.set(i, error);
		}
	}

	// A row whose key was used before is a duplicate even when its other fields no longer read
	// (the earlier run's ids are gone from the sheet, say): it writes nothing either way. A key
	// that appears twice in one run belongs to its first row.
	const claim = await claimKeys(ctx, [...keyOf.values()]);
	const owner = new Map<string, number>();
	const duplicates: number[] = [];
	for (const [i, key] of keyOf) {
		if (claim.duplicates.has(key) || (owner.has(key) && !op.sharedKeys)) {
			duplicates.push(i);
			failures.delete(i);
		} else if (!owner.has(key)) {
			owner.set(key, i);
		}
	}
	live = live.filter((r) => !duplicates.includes(r.index));
	const ownKeys = (indexes: number[]) =>
		indexes.flatMap((i) => {
			const key = keyOf.get(i);
			return key !== undefined && owner.get(key) === i ? [key] : [];
		});
	const free = async (indexes: number[]) => await releaseKeys(ctx, ownKeys(indexes));

	/** Rows that failed before any write: the node stops (freeing every claimed key), or they become error items. */
	const refuse = async (errors: Map<number, unknown>) => {
		if (errors.size === 0) return;
		live = live.filter((r) => !errors.has(r.index));
		await free([...errors.keys()]);
		if (!ctx.continueOnFail()) {
			await free(live.map((r) => r.index));
			const first = Math.min(...errors.keys());
			throw withDone(ctx.getNode(), errors.get(first), first, []);
		}
		for (const [index, error] of errors) out.push({ json: errorItem(error), pairedItem: { item: index } });
	};
	await refuse(failures);

	const guarded = live.filter((r) => r.safety.dryRun || r.safety.maxTotalFen > 0);
	if (guarded.length > 0) {
		const previews = await op.preview.call(ctx, guarded);
		const refused = new Map<number, unknown>();
		const dry: number[] = [];
		guarded.forEach((row, n) => {
			const previewed = previews[n];
			try {
				if ('error' in previewed) throw previewed.error;
				checkTotal(ctx, row.index, row.safety, previewed.totalFen);
				if (!row.safety.dryRun) return;
				dry.push(row.index);
				out.push({ json: dryRunResult(previewed), pairedItem: { item: row.index } });
			} catch (error) {
				refused.set(row.index, error);
			}
		});
		live = live.filter((r) => !dry.includes(r.index));
		await free(dry);
		await refuse(refused);
	}

	const sent = live.length === 0 ? [] : await op.send.call(ctx, live);
	// A key is settled by every write its rows went out in (rows sharing a key may be sent in
	// several calls): kept, with all their ids, if any of those writes may have acted; freed only
	// when none was sent or each provably changed nothing, so a re-run never repeats what went out.
	const settling = new Map<string, { ids: Set<string>; mayHaveActed: boolean }>();
	for (const key of new Set(ownKeys(live.map((r) => r.index)))) settling.set(key, { ids: new Set(), mayHaveActed: false });
	for (const result of sent) {
		const acted = !('error' in result) || !provablyUnchanged(result.error);
		for (const i of result.indexes) {
			const state = settling.get(keyOf.get(i) as string);
			if (!state) continue;
			state.mayHaveActed ||= acted;
			if (!('error' in result)) for (const id of result.ids) state.ids.add(id);
		}
	}
	for (const [key, state] of settling) if (state.mayHaveActed) keepKey(ctx, key, [...state.ids]);
	await releaseKeys(ctx, [...settling].filter(([, state]) => !state.mayHaveActed).map(([key]) => key));

	const done: Array<{ indexes: number[]; ids: string[] }> = [];
	let firstFailure: { index: number; error: unknown } | undefined;
	for (const result of sent) {
		if ('error' in result) {
			const index = Math.min(...result.indexes);
			if (!firstFailure || index < firstFailure.index) firstFailure = { index, error: result.error };
			if (ctx.continueOnFail()) for (const i of result.indexes) out.push({ json: errorItem(result.error), pairedItem: { item: i } });
			continue;
		}
		done.push({ indexes: result.indexes, ids: result.ids });
		const rowKey = result.indexes.length === 1 ? keyOf.get(result.indexes[0]) : undefined;
		const json = rowKey !== undefined ? { ...result.json, idempotencyKey: rowKey } : result.json;
		out.push({ json, pairedItem: result.indexes.length === 1 ? { item: result.indexes[0] } : result.indexes.map((item) => ({ item })) });
	}
	if (firstFailure && !ctx.continueOnFail()) throw withDone(ctx.getNode(), firstFailure.error, firstFailure.index, done);

	for (const i of duplicates) out.push({ json: await duplicateOf(ctx, keyOf.get(i) as string), pairedItem: { item: i } });
	return inInputOrder(out);
}

/** A row's write, read and checked: its preview and its send, ready to run. */
export interface PreparedWrite {
	preview: () => Promise<Previewed>;
	write: () => Promise<{ json: IDataObject; ids: string[] }>;
}

/** The pipeline for operations that read a row into a prepared preview and write (one call per row). */
export function guardedWrites(prepare: (this: IExecuteFunctions, i: number) => PreparedWrite | Promise<PreparedWrite>) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[]> {
		return await runWrites<PreparedWrite>(this, {
			read: prepare,
			...perRow(
				async ({ payload }) => await payload.preview(),
				async ({ payload }) => await payload.write(),
			),
		});
	};
}
