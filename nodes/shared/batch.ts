import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './errors';

/**
 * Helpers for operations that combine all input items into few API calls. They keep n8n's item
 * contract: every output item is paired with the input items it came from, and with continueOnFail
 * a failing item (or a failing call) becomes error items instead of a failed node.
 */

export interface Collected<T> {
	index: number;
	value: T;
}

/** Reads and checks every item; a bad item stops the node, or becomes an error item under continueOnFail. */
export async function collectItems<T>(
	ctx: IExecuteFunctions,
	read: (i: number) => T | Promise<T>,
): Promise<{ ok: Array<Collected<T>>; failed: INodeExecutionData[] }> {
	const ok: Array<Collected<T>> = [];
	const failed: INodeExecutionData[] = [];
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		try {
			ok.push({ index: i, value: await read(i) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, i);
			failed.push({ json: errorItem(error), pairedItem: { item: i } });
		}
	}
	return { ok, failed };
}

/** A call that failed for several items: error items for each, or the error when the node should stop. */
export function failItems(ctx: IExecuteFunctions, indexes: number[], error: unknown): INodeExecutionData[] {
	if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, indexes[0]);
	return indexes.map((index) => ({ json: errorItem(error), pairedItem: { item: index } }));
}

export function pairedWith(json: IDataObject, indexes: number[]): INodeExecutionData {
	return { json, pairedItem: indexes.map((item) => ({ item })) };
}

/** Output in input order: items sorted by the first input item they pair with. */
export function inInputOrder(items: INodeExecutionData[]): INodeExecutionData[] {
	const first = (item: INodeExecutionData) => {
		const p = item.pairedItem;
		return Array.isArray(p) ? (p[0]?.item ?? 0) : typeof p === 'object' ? p.item : (p ?? 0);
	};
	return items.map((item, n) => ({ item, n })).sort((a, b) => first(a.item) - first(b.item) || a.n - b.n).map((x) => x.item);
}
