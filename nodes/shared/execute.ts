import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem, withDone } from './errors';
import type { Written } from './errors';
import { runPool } from './pool';
import { checkingOnly } from './transport';

export type ItemResult = IDataObject | IDataObject[];

/** One operation's per-item work; it reads its own parameters for item `i`. */
export type ItemHandler = (this: IExecuteFunctions, i: number) => Promise<ItemResult>;

/** Work over all items at once; it must pair every output item and honour continueOnFail itself. */
export type BatchHandler = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

/**
 * Runs every item's handler up to its first request, which is not sent: the input errors it
 * finds (a NodeOperationError before any request) by item. This is how a bad row 14 stops the
 * node before rows 1–13 are written.
 */
async function checkItems(ctx: IExecuteFunctions, handler: ItemHandler, count: number): Promise<Map<number, unknown>> {
	const probe = checkingOnly(ctx);
	const errors = new Map<number, unknown>();
	for (let i = 0; i < count; i++) {
		try {
			await handler.call(probe, i);
		} catch (error) {
			if (error instanceof NodeOperationError) errors.set(i, error);
		}
	}
	return errors;
}

/**
 * The ids an item's output names (order, refund, cart ids…), for the list of what was already
 * written; not the request's own references (requestId, clientRequestId), which name no purchase.
 */
function idsIn(result: ItemResult): string[] {
	const ids: string[] = [];
	for (const json of Array.isArray(result) ? result : [result]) {
		for (const [field, value] of Object.entries(json)) {
			if (!/Ids?$/.test(field) || /requestId$/i.test(field)) continue;
			for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'string' || typeof id === 'number') ids.push(String(id));
		}
	}
	return ids;
}

/**
 * Runs a handler for every input item, up to Concurrency at a time (fewer while Pandapon rate
 * limits), and keeps n8n's contracts: output in input order, each output item paired with the
 * input item it came from, and with continueOnFail an error item (paired too) instead of a failed
 * node. Every item's input is checked before the first request. Without continueOnFail the first
 * failing item (by index) fails the node, no new item starts, items already in flight finish, and
 * the error names the items that were already done.
 */
export async function executePerItem(this: IExecuteFunctions, handler: ItemHandler): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	const results: INodeExecutionData[][] = new Array<INodeExecutionData[]>(count);
	const bad = count > 1 ? await checkItems(this, handler, count) : new Map<number, unknown>();
	if (bad.size > 0 && !this.continueOnFail()) {
		const first = Math.min(...bad.keys());
		throw withDone(this.getNode(), bad.get(first), first, []);
	}
	for (const [i, error] of bad) results[i] = [{ json: errorItem(error), pairedItem: { item: i } }];
	const done: Written[] = [];
	type Failure = { index: number; error: unknown };
	const stop: { failure?: Failure } = {};
	const indexes = Array.from({ length: count }, (_, i) => i).filter((i) => !bad.has(i));
	await runPool(this, indexes, async (i) => {
		if (stop.failure !== undefined) return;
		try {
			const result = await handler.call(this, i);
			done.push({ indexes: [i], ids: idsIn(result) });
			results[i] = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: i } });
		} catch (error) {
			if (this.continueOnFail()) results[i] = [{ json: errorItem(error), pairedItem: { item: i } }];
			else {
				const earlier = stop.failure as Failure | undefined;
				if (!earlier || i < earlier.index) stop.failure = { index: i, error };
			}
		}
	});
	const failure = stop.failure as Failure | undefined;
	if (failure) {
		done.sort((a, b) => a.indexes[0] - b.indexes[0]);
		throw withDone(this.getNode(), failure.error, failure.index, done);
	}
	return [results.flat()];
}
