import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { addressProperty } from '../../../shared/address';
import { ENDPOINTS } from '../../../shared/catalogue';
import { fenToYuan } from '../../../shared/money';
import { forOperation, showFor } from '../../../shared/operation';
import { orderOptionFields, readOrderOptions } from '../../../shared/orderFields';
import { previewTotal } from '../../../shared/preview';
import { guardedWrite, safetyOptions } from '../../../shared/safeWrite';
import { callPandapon } from '../../../shared/transport';
import { itemsOfSeller, pairedWith, runBatch } from './batch';
import { linesField } from './cargo';
import { sellerFinder } from './previewBatch.operation';

export const description: INodeProperties[] = [
	...forOperation('1688', 'createBatch', [
		{
			displayName: 'All input items are ordered together: their lines are combined into one order per seller. The address, options and safety settings of the first item apply.',
			name: 'batchNotice',
			type: 'notice',
			default: '',
		},
		linesField(true),
	]),
	addressProperty(showFor('1688', 'createBatch')),
	...forOperation('1688', 'createBatch', [...orderOptionFields(false), safetyOptions]),
];

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatch(this, async ({ first, addressParam, cargoParamList, lines }) => {
		const all = [...new Set(lines.map((l) => l.index))];
		const options = readOrderOptions(this, first);
		const result = await guardedWrite.call(this, first, {
			preview: async () => {
				const { data } = await callPandapon.call(this, ENDPOINTS.order1688PreviewBatch, {
					itemIndex: first,
					body: { addressParam, cargoParamList },
				});
				return previewTotal(data);
			},
			write: async () => {
				const { data, requestId } = await callPandapon.call(this, ENDPOINTS.order1688CreateBatch, {
					itemIndex: first,
					body: { ...options, addressParam, cargoParamList },
				});
				return { orders: (Array.isArray(data) ? data : []) as IDataObject[], requestId };
			},
			resultIds: (r) => (r.orders as IDataObject[]).map((o) => String(o.orderId)),
		});
		if (!Array.isArray(result.orders)) return [pairedWith(result, all)];
		const orders = result.orders as IDataObject[];
		const find = sellerFinder(
			orders.map((o) => ({
				seller: String(o.sellerOpenId),
				lines: ((o.productItems ?? []) as IDataObject[]).map((p) => ({ offerId: p.productID, specId: p.specId })),
			})),
		);
		return orders.map((o) =>
			pairedWith(
				{
					orderId: String(o.orderId),
					sellerOpenId: o.sellerOpenId,
					totalAmount: o.totalAmount,
					totalAmountYuan: fenToYuan(o.totalAmount),
					postFee: o.postFee,
					requestId: result.requestId,
					...(result.idempotencyKey ? { idempotencyKey: result.idempotencyKey } : {}),
				},
				itemsOfSeller(lines, find, String(o.sellerOpenId)),
			),
		);
	});
}
