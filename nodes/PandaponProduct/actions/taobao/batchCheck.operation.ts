import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { collectItems, failItems, inInputOrder } from '../../../shared/batch';
import { ENDPOINTS } from '../../../shared/catalogue';
import { asNodeError } from '../../../shared/errors';
import { simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorIdText } from '../../../shared/fields/locator';
import { itemIdField } from '../../../shared/fields/productIds';
import { simplifyItem } from './items';

/**
 * Item IDs per call. Pandapon documents no maximum for `params`; 50 keeps each request small and
 * its answer quick while still turning a sheet of a few hundred rows into a handful of calls.
 */
export const BATCH_CHECK_MAX = 50;

export const description: INodeProperties[] = forOperation('taobao', 'batchCheck', [
	{
		displayName: 'The items of all input items are checked together, in as few calls as possible (up to 50 item IDs per call). Each input item gets its own result.',
		name: 'batchNotice',
		type: 'notice',
		default: '',
	},
	{ ...itemIdField, description: 'The Taobao item to check' },
	{
		displayName: 'SKU IDs',
		name: 'skuIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 4961234500001, 4961234500002',
		description: 'Only these SKUs of the item, separated by commas; leave empty for all of them',
	},
	simplifyField,
]);

interface Wanted {
	itemId: string;
	/** Empty: every SKU. */
	skuIds: string[];
	simplify: boolean;
}

function readWanted(ctx: IExecuteFunctions, i: number): Wanted {
	const itemId = readLocatorIdText(ctx, 'itemId', 'Item ID', i, 'taobaoItem');
	const rawSkus = ctx.getNodeParameter('skuIds', i, '') as unknown;
	const none = rawSkus === '' || rawSkus === null || (Array.isArray(rawSkus) && rawSkus.length === 0);
	const skuIds = none ? [] : readIdList(ctx, 'skuIds', 'SKU IDs', i).map(String);
	return { itemId, skuIds: [...new Set(skuIds)], simplify: ctx.getNodeParameter('simplify', i, true) as boolean };
}

/** One `params` entry per item ID; input items asking for different SKUs of one item share it. */
function mergeEntries(wanted: Wanted[]): Array<{ itemId: string; skuIds?: string[] }> {
	const skusByItem = new Map<string, Set<string> | 'all'>();
	for (const w of wanted) {
		const known = skusByItem.get(w.itemId);
		if (known === 'all') continue;
		if (w.skuIds.length === 0) skusByItem.set(w.itemId, 'all');
		else skusByItem.set(w.itemId, new Set([...(known ?? []), ...w.skuIds]));
	}
	return [...skusByItem].map(([itemId, skus]) => (skus === 'all' ? { itemId } : { itemId, skuIds: [...skus] }));
}

interface CheckAnswer {
	mpProducts?: IDataObject[];
	noMpProductItemIds?: unknown[];
	noMpReasonList?: Array<IDataObject | string>;
}

/** The result for one input item, its SKUs narrowed to those it asked for. */
function resultFor(w: Wanted, product: IDataObject | undefined, reason: string | undefined): IDataObject {
	if (!product) {
		return { itemId: w.itemId, available: false, reason: reason ?? 'Pandapon did not report on this item' };
	}
	const skuList = (product.skuList ?? []) as IDataObject[];
	const mine = w.skuIds.length === 0 ? skuList : skuList.filter((s) => w.skuIds.includes(String(s.skuId)));
	const found = new Set(mine.map((s) => String(s.skuId)));
	const narrowed = { ...product, skuList: mine };
	return {
		itemId: w.itemId,
		available: true,
		...(w.simplify ? simplifyItem(narrowed) : { ...narrowed, itemId: w.itemId }),
		missingSkuIds: w.skuIds.filter((s) => !found.has(s)),
	};
}

/** Chunks of item IDs are checked one after the other, so Concurrency has no effect. */
export const sequential = true;

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { ok, failed } = await collectItems(this, (i) => readWanted(this, i));
	const out: INodeExecutionData[] = [...failed];

	const entries = mergeEntries(ok.map((w) => w.value));
	const products = new Map<string, IDataObject>();
	const reasons = new Map<string, string>();
	const callErrors = new Map<string, unknown>();
	for (let start = 0; start < entries.length; start += BATCH_CHECK_MAX) {
		const chunk = entries.slice(start, start + BATCH_CHECK_MAX);
		// An error names the first input item of the chunk.
		const owner = ok.find((w) => w.value.itemId === chunk[0].itemId)!.index;
		try {
			const { data } = await callPandapon.call(this, ENDPOINTS.taobaoProductBatchCheck, {
				itemIndex: owner,
				body: { params: JSON.stringify(chunk) },
			});
			const answer = (data ?? {}) as CheckAnswer;
			for (const product of answer.mpProducts ?? []) products.set(String(product.itemId), product);
			const missing = (answer.noMpProductItemIds ?? []).map(String);
			(answer.noMpReasonList ?? []).forEach((entry, n) => {
				// The reason list's shape is not documented: {itemId, reason}, or bare text in the order of noMpProductItemIds.
				if (typeof entry === 'string') reasons.set(missing[n], entry);
				else reasons.set(String(entry.itemId), String(entry.reason ?? ''));
			});
		} catch (error) {
			// Without Continue On Fail the node stops here; later chunks are not requested.
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, owner);
			for (const entry of chunk) callErrors.set(entry.itemId, error);
		}
	}

	for (const { index, value } of ok) {
		const error = callErrors.get(value.itemId);
		if (error) out.push(...failItems(this, [index], error));
		else out.push({ json: resultFor(value, products.get(value.itemId), reasons.get(value.itemId)), pairedItem: { item: index } });
	}
	return inInputOrder(out);
}
