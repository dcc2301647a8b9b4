import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { runPool } from '../../../shared/pool';
import { totalFen } from '../../../shared/preview';
import { readBulkPay } from '../../../shared/responses';
import { provablyUnchanged, safetyOptions } from '../../../shared/safety/options';
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

/** The orders' total in fen, read from their details (yuan there, see units.ts): what Max Total and Dry Run look at. */
async function ordersTotal(ctx: IExecuteFunctions, i: number, ids: string[]): Promise<number> {
	let total = 0;
	for (const orderId of ids) {
		const { data } = await callPandapon.call(ctx, ENDPOINTS.order1688Detail, { itemIndex: i, body: { webSite: '1688', orderId } });
		const baseInfo = (data as IDataObject | null)?.baseInfo as IDataObject | undefined;
		total += totalFen(ctx.getNode(), i, 'order1688Detail', 'data.baseInfo.totalAmount', baseInfo?.totalAmount);
	}
	return total;
}

/** Why a call carrying some of a row's orders failed, as a row's output gives it. */
const reasonOf = (error: unknown) => (error as Error).message;

/**
 * One row's result from the calls that carried its orders (readBulkPay: an order the answer does
 * not mention is unknown, never failed), or undefined when none of its orders was sent. A row whose
 * orders were all in failed calls is that failure; a row Pandapon answered for in part lists what
 * became of each order — paid, refused, unknown, not sent — so nothing paid is hidden behind a
 * later call's error. Bulk pay's answer is not published, so no amount is read from it: the
 * orders' totals are on their details.
 */
function rowResult(row: WriteRow<string[]>, results: Map<string, IDataObject>, errors: Map<string, unknown>): Sent | undefined {
	const own = row.payload.map((orderId) => ({ orderId, result: results.get(orderId), error: errors.get(orderId) }));
	if (own.every((o) => o.result === undefined && o.error === undefined)) return undefined;
	if (own.every((o) => o.result === undefined)) return { indexes: [row.index], error: own.find((o) => o.error !== undefined)?.error };
	const paid = own.filter((o) => o.result?.success === true);
	const refused = own.filter((o) => o.result?.success === false);
	const callRefused = own.filter((o) => o.error !== undefined && provablyUnchanged(o.error));
	const unknown = own.filter((o) => o.result?.outcome === 'unknown' || (o.error !== undefined && !provablyUnchanged(o.error)));
	const notSent = own.filter((o) => o.result === undefined && o.error === undefined);
	const unknownAnswer = unknown.find((o) => o.result)?.result;
	return {
		indexes: [row.index],
		json: {
			success: paid.length === own.length,
			...(unknown.length > 0
				? {
						...(unknownAnswer ?? { outcome: 'unknown', reason: `The call that carried these orders failed after Pandapon may have acted: ${reasonOf(unknown[0].error)}` }),
						unknownOrderIds: unknown.map((o) => o.orderId),
					}
				: {}),
			paidOrderIds: paid.map((o) => o.orderId),
			failedOrders: [
				...refused.map((o) => ({ orderId: o.orderId, reason: o.result?.errorMsg })),
				...callRefused.map((o) => ({ orderId: o.orderId, reason: reasonOf(o.error) })),
			],
			...(notSent.length > 0 ? { notSentOrderIds: notSent.map((o) => o.orderId) } : {}),
			payResults: [...paid, ...refused].map((o) => o.result as IDataObject),
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
			for (let start = 0; start < allIds.length; start += BULK_PAY_MAX) {
				if (errors.size > 0 && !this.continueOnFail()) break;
				const chunk = allIds.slice(start, start + BULK_PAY_MAX);
				const owner = rows.find((r) => r.payload.includes(chunk[0]))!.index;
				try {
					const answer = await callPandapon.call(this, ENDPOINTS.order1688BulkPay, { itemIndex: owner, body: { orderIds: chunk } });
					for (const [id, r] of readBulkPay(answer, chunk)) results.set(id, { requestId: answer.requestId, ...r });
				} catch (error) {
					for (const id of chunk) errors.set(id, error);
				}
			}
			// Rows none of whose orders were sent (the node stopped first) are left out: their keys stay unused.
			return rows.flatMap((row) => rowResult(row, results, errors) ?? []);
		},
	});
}
