import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { addressProperty, orderAddress, readAddress } from '../../../shared/address';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { orderOptionFields, readOrderOptions } from '../../../shared/orderFields';
import { previewTotal } from '../../../shared/preview';
import { readBatchOrders, unknownOutcome } from '../../../shared/responses';
import type { Answer } from '../../../shared/responses';
import { safetyOptions } from '../../../shared/safety/options';
import { runWrites } from '../../../shared/safety/pipeline';
import type { Sent, WriteRow } from '../../../shared/safety/pipeline';
import { callPandapon } from '../../../shared/transport';
import { sellerFinder } from './batch';
import type { CargoLine } from './cargo';
import { linesField, readLines } from './cargo';

export const description: INodeProperties[] = [
	...forOperation('1688', 'createBatch', [
		{
			displayName:
				'All input items are ordered together: their lines are combined into one order per seller, and each item comes out with the orders its lines went into. The address and options of the first item apply; an Idempotency Key is per item (rows whose key was used are left out), and Max Total applies to the lines of all items together.',
			name: 'batchNotice',
			type: 'notice',
			default: '',
		},
		linesField(true),
	]),
	addressProperty(showFor('1688', 'createBatch')),
	...forOperation('1688', 'createBatch', [...orderOptionFields(false), safetyOptions]),
];

interface Row {
	lines: CargoLine[];
	addressParam: IDataObject;
	options: IDataObject;
}

/** One call's body for the rows: the first row's address (as the v1 order pages take it) and options, every row's lines. */
function batchBody(rows: Array<WriteRow<Row>>) {
	return { addressParam: orderAddress(rows[0].payload.addressParam), cargoParamList: rows.flatMap((r) => r.payload.lines) };
}

/**
 * Each row's own result: the orders that hold its lines (read by readBatchOrders: ids from
 * baseInfo.idOfStr, yuan amounts in fen), or an unknown outcome when the answer does not name them.
 */
function rowResults(rows: Array<WriteRow<Row>>, answer: Answer): Sent[] {
	const read = readBatchOrders(answer);
	if (!Array.isArray(read.orders)) return rows.map((row) => ({ indexes: [row.index], json: read, ids: [] }));
	const orders = read.orders as IDataObject[];
	const find = sellerFinder(orders.map((o) => ({ seller: String(o.sellerOpenId), lines: o.lines as Array<{ offerId: unknown; specId?: unknown }> })));
	return rows.map((row): Sent => {
		const sellers = new Set(row.payload.lines.map(find));
		const own = orders.filter((o) => sellers.has(String(o.sellerOpenId)));
		if (own.length === 0 || sellers.has(undefined) || own.some((o) => o.outcome === 'unknown')) {
			const reason = 'Pandapon accepted the batch, but its answer does not name the orders of this row: check the order list before running it again';
			return { indexes: [row.index], json: unknownOutcome(answer, reason), ids: [] };
		}
		const ids = own.map((o) => o.orderId as string);
		return {
			indexes: [row.index],
			json: { ...(ids.length === 1 ? { orderId: ids[0] } : {}), orderIds: ids, orders: own, requestId: answer.requestId },
			ids,
		};
	});
}

/** One batch call orders every item's lines, so Concurrency has nothing to run side by side. */
export const sequential = true;

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runWrites<Row>(this, {
		sharedKeys: true,
		read(i) {
			return { lines: readLines(this, i, true), addressParam: readAddress(this, i), options: readOrderOptions(this, i) };
		},
		async preview(rows) {
			try {
				const { data } = await callPandapon.call(this, ENDPOINTS.order1688PreviewBatch, { itemIndex: rows[0].index, body: batchBody(rows) });
				const previewed = previewTotal(this.getNode(), rows[0].index, 'order1688PreviewBatch', data);
				return rows.map(() => previewed);
			} catch (error) {
				return rows.map(() => ({ error }));
			}
		},
		async send(rows) {
			try {
				const answer = await callPandapon.call(this, ENDPOINTS.order1688CreateBatch, {
					itemIndex: rows[0].index,
					body: { ...rows[0].payload.options, ...batchBody(rows) },
				});
				return rowResults(rows, answer);
			} catch (error) {
				return [{ indexes: rows.map((r) => r.index), error }];
			}
		},
	});
}
