import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { collectItems, failItems, inInputOrder } from '../../../shared/batch';
import { ENDPOINTS } from '../../../shared/catalogue';
import { asNodeError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { checkTotal, claimKey, dryRunResult, keepKey, provablyUnchanged, readSafety, releaseKey, safetyOptions } from '../../../shared/safeWrite';
import type { Safety } from '../../../shared/safeWrite';
import { callPandapon } from '../../../shared/transport';

/** Order ids per bulk-pay call; the docs give no maximum, so a conservative one. */
export const BULK_PAY_MAX = 50;

export const description: INodeProperties[] = forOperation('1688', 'payInBulk', [
	{
		displayName: 'The order IDs of all input items are paid together, in as few calls as possible (up to 50 orders per call). Each item gets its own result.',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Order IDs',
		name: 'orderIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.orderId }}',
		description: 'The 1688 order IDs this item pays (separated by commas, or a list from an expression)',
	},
	safetyOptions,
]);

/** What reading an item gives: a result already (duplicate, dry run) or orders to pay. */
type Prepared = { done: IDataObject } | { ids: string[]; safety: Safety };

/** The orders' total in fen, read from their details: what Max Total and Dry Run look at. */
async function ordersTotal(ctx: IExecuteFunctions, i: number, ids: string[]): Promise<number> {
	let total = 0;
	for (const orderId of ids) {
		const { data } = await callPandapon.call(ctx, ENDPOINTS.order1688Detail, { itemIndex: i, body: { webSite: '1688', orderId } });
		total += Number(((data as IDataObject | null)?.baseInfo as IDataObject | undefined)?.totalAmount ?? 0);
	}
	return total;
}

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	const { ok, failed } = await collectItems(this, async (i): Promise<Prepared> => {
		const ids = [...new Set(readIdList(this, 'orderIds', 'Order IDs', i).map(String))];
		const safety = readSafety(this, i);
		const duplicate = await claimKey(this, safety);
		if (duplicate) return { done: duplicate };
		try {
			if (safety.dryRun || safety.maxTotalFen > 0) {
				const totalFen = await ordersTotal(this, i, ids);
				checkTotal(this, i, safety, totalFen);
				if (safety.dryRun) {
					await releaseKey(this, safety);
					return { done: { ...dryRunResult({ totalFen, preview: { orderIds: ids } }), orderIds: ids } };
				}
			}
		} catch (error) {
			await releaseKey(this, safety);
			throw asNodeError(this.getNode(), error, i);
		}
		return { ids, safety };
	});
	out.push(...failed);
	const pending: Array<{ index: number; value: { ids: string[]; safety: Safety } }> = [];
	for (const { index, value } of ok) {
		if ('done' in value) out.push({ json: value.done, pairedItem: { item: index } });
		else pending.push({ index, value });
	}

	const allIds = [...new Set(pending.flatMap((p) => p.value.ids))];
	const results = new Map<string, IDataObject>();
	const callErrors = new Map<string, unknown>();
	for (let start = 0; start < allIds.length; start += BULK_PAY_MAX) {
		const chunk = allIds.slice(start, start + BULK_PAY_MAX);
		const owner = pending.find((p) => p.value.ids.includes(chunk[0]))!.index;
		try {
			const { data, requestId } = await callPandapon.call(this, ENDPOINTS.order1688BulkPay, { itemIndex: owner, body: { orderIds: chunk } });
			for (const r of ((data as IDataObject | null)?.payResults ?? []) as IDataObject[]) {
				results.set(String(r.orderId), { ...r, orderId: String(r.orderId), requestId });
			}
		} catch (error) {
			for (const id of chunk) callErrors.set(id, error);
		}
	}

	for (const { index, value } of pending) {
		const error = value.ids.map((id) => callErrors.get(id)).find(Boolean);
		if (error) {
			if (provablyUnchanged(error)) await releaseKey(this, value.safety);
			out.push(...failItems(this, [index], error));
			continue;
		}
		const own = value.ids.map((id) => results.get(id) ?? { orderId: id, success: false, errorMsg: 'Pandapon returned no result for this order' });
		const paid = own.filter((r) => r.success === true);
		const unpaid = own.filter((r) => r.success !== true);
		keepKey(this, value.safety, paid.map((r) => String(r.orderId)));
		out.push({
			json: {
				success: unpaid.length === 0,
				paidOrderIds: paid.map((r) => r.orderId),
				failedOrders: unpaid.map((r) => ({ orderId: r.orderId, reason: r.errorMsg })),
				paidAmount: paid.reduce((t, r) => t + (Number(r.payAmount) || 0), 0),
				requestId: own[0]?.requestId,
				...(value.safety.key ? { idempotencyKey: value.safety.key } : {}),
			},
			pairedItem: { item: index },
		});
	}
	return inInputOrder(out);
}
