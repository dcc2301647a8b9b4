import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { runPool } from '../../../shared/pool';
import { safetyOptions } from '../../../shared/safety/options';
import { runWrites } from '../../../shared/safety/pipeline';
import type { Sent, WriteRow } from '../../../shared/safety/pipeline';
import { callPandapon } from '../../../shared/transport';

/** Order ids per bulk-pay call; the docs give no maximum, so a conservative one. */
export const BULK_PAY_MAX = 50;

export const description: INodeProperties[] = forOperation('1688', 'payInBulk', [
	{
		displayName:
			'The order IDs of all input items are paid together, in as few calls as possible (up to 50 orders per call). Each item gets its own result; an Idempotency Key is per item.',
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

/** The orders' total in fen, read from their details: what Max Total and Dry Run look at. */
async function ordersTotal(ctx: IExecuteFunctions, i: number, ids: string[]): Promise<number> {
	let total = 0;
	for (const orderId of ids) {
		const { data } = await callPandapon.call(ctx, ENDPOINTS.order1688Detail, { itemIndex: i, body: { webSite: '1688', orderId } });
		const amount = ((data as IDataObject | null)?.baseInfo as IDataObject | undefined)?.totalAmount;
		total += typeof amount === 'number' || typeof amount === 'string' ? Number(amount) : NaN;
	}
	return total;
}

/** One row's result from the per-order results of the calls that carried its orders. */
function rowResult(row: WriteRow<string[]>, results: Map<string, IDataObject>, errors: Map<string, unknown>): Sent {
	const error = row.payload.map((id) => errors.get(id)).find((e) => e !== undefined);
	if (error !== undefined) return { indexes: [row.index], error };
	const own = row.payload.map((id) => ({ orderId: id, result: results.get(id) }));
	const paid = own.filter((o) => o.result?.success === true);
	const refused = own.filter((o) => o.result !== undefined && o.result.success !== true);
	const unknown = own.filter((o) => o.result === undefined);
	return {
		indexes: [row.index],
		json: {
			success: refused.length === 0 && unknown.length === 0,
			paidOrderIds: paid.map((o) => o.orderId),
			failedOrders: refused.map((o) => ({ orderId: o.orderId, reason: o.result?.errorMsg })),
			...(unknown.length > 0
				? { outcome: 'unknown', unknownOrderIds: unknown.map((o) => o.orderId), message: 'Pandapon\'s answer gives no result for these orders: check them before paying again' }
				: {}),
			paidAmount: paid.reduce((t, o) => t + (Number(o.result?.payAmount) || 0), 0),
			requestId: own.find((o) => o.result)?.result?.requestId,
		},
		ids: [...paid, ...unknown].map((o) => o.orderId),
	};
}

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites<string[]>(this, {
		sharedKeys: true,
		read(i) {
			return [...new Set(readIdList(this, 'orderIds', 'Order IDs', i).map(String))];
		},
		async preview(rows) {
			return await runPool(this, rows, async (row) => {
				try {
					return { totalFen: await ordersTotal(this, row.index, row.payload), preview: { orderIds: row.payload } };
				} catch (error) {
					return { error };
				}
			});
		},
		async send(rows) {
			const allIds = [...new Set(rows.flatMap((r) => r.payload))];
			const results = new Map<string, IDataObject>();
			const errors = new Map<string, unknown>();
			const sentIds = new Set<string>();
			for (let start = 0; start < allIds.length; start += BULK_PAY_MAX) {
				if (errors.size > 0 && !this.continueOnFail()) break;
				const chunk = allIds.slice(start, start + BULK_PAY_MAX);
				const owner = rows.find((r) => r.payload.includes(chunk[0]))!.index;
				for (const id of chunk) sentIds.add(id);
				try {
					const { data, requestId } = await callPandapon.call(this, ENDPOINTS.order1688BulkPay, { itemIndex: owner, body: { orderIds: chunk } });
					for (const r of ((data as IDataObject | null)?.payResults ?? []) as IDataObject[]) {
						results.set(String(r.orderId), { ...r, orderId: String(r.orderId), requestId });
					}
				} catch (error) {
					for (const id of chunk) errors.set(id, error);
				}
			}
			// Rows whose orders were not all sent (the node stops) are left out: nothing of theirs is settled as paid.
			return rows.filter((r) => r.payload.every((id) => sentIds.has(id))).map((row) => rowResult(row, results, errors));
		},
	});
}
