import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './errors';
import { throttleFor } from './throttle';

export type ItemResult = IDataObject | IDataObject[];

/** One operation's per-item work; it reads its own parameters for item `i`. */
export type ItemHandler = (this: IExecuteFunctions, i: number) => Promise<ItemResult>;

/** Work over all items at once; it must pair every output item and honour continueOnFail itself. */
export type BatchHandler = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

/** Requests in flight per node unless the user sets Request Options › Concurrency (see bench/bulk). */
export const DEFAULT_CONCURRENCY = 5;

function concurrencyOf(ctx: IExecuteFunctions): number {
	const value = Number(ctx.getNodeParameter('requestOptions.concurrency', 0, DEFAULT_CONCURRENCY));
	return Number.isInteger(value) && value >= 1 ? Math.min(value, 64) : DEFAULT_CONCURRENCY;
}

/**
 * Runs a handler for every input item, up to Concurrency at a time (fewer while Pandapon rate
 * limits), and keeps n8n's contracts: output in input order, each output item paired with the
 * input item it came from, and with continueOnFail an error item (paired too) instead of a failed
 * node. Without continueOnFail the first failing item (by index) fails the node and no new item
 * starts; items already in flight finish.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	handler: ItemHandler,
): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	const throttle = throttleFor(this, concurrencyOf(this));
	const results: INodeExecutionData[][] = new Array<INodeExecutionData[]>(count);
	let next = 0;
	const stop: { failure?: { index: number; error: unknown } } = {};
	const fail = (index: number, error: unknown) => {
		if (stop.failure === undefined || index < stop.failure.index) stop.failure = { index, error };
	};
	const worker = async () => {
		while (stop.failure === undefined && next < count) {
			await throttle.acquire();
			const i = next++;
			try {
				if (i >= count || stop.failure !== undefined) continue;
				const result = await handler.call(this, i);
				results[i] = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: i },
				});
			} catch (error) {
				if (this.continueOnFail()) results[i] = [{ json: errorItem(error), pairedItem: { item: i } }];
				else fail(i, error);
			} finally {
				throttle.release();
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(throttle.max, count) }, worker));
	if (stop.failure) throw asNodeError(this.getNode(), stop.failure.error, stop.failure.index);
	return [results.flat()];
}
