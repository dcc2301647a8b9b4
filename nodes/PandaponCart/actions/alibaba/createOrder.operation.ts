import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressProperty, readAddress } from '../../../shared/address';
import { cartIdsField } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { orderOptionFields, readOrderOptions } from '../../../shared/orderFields';
import { readIdList } from '../../../shared/params';
import { previewTotal } from '../../../shared/preview';
import { guardedWrite, safetyOptions } from '../../../shared/safeWrite';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = [
	...forOperation('1688', 'createOrder', [cartIdsField]),
	addressProperty(showFor('1688', 'createOrder')),
	...forOperation('1688', 'createOrder', [...orderOptionFields(true), safetyOptions]),
];

/** The ids of the orders a create answered with, as exact strings. */
export function createdOrderIds(data: unknown): string[] {
	const orders = ((data as IDataObject | null)?.orders ?? []) as IDataObject[];
	return orders.map((o) => String(o.orderId)).filter((id) => id !== 'undefined');
}

export async function execute(this: IExecuteFunctions, i: number) {
	const cartIds = readIdList(this, 'cartIds', 'Cart IDs', i);
	const addressParam = readAddress(this, i);
	const body = { ...readOrderOptions(this, i, true), addressParam, cartIds };
	return await guardedWrite.call(this, i, {
		preview: async () => {
			const { data } = await callPandapon.call(this, ENDPOINTS.cart1688Preview, { itemIndex: i, body: { addressParam, cartIds } });
			return previewTotal(data);
		},
		write: async () => {
			const { data, requestId } = await callPandapon.call(this, ENDPOINTS.cart1688CreateOrder, { itemIndex: i, body });
			return { orderIds: createdOrderIds(data), ...((data ?? {}) as IDataObject), requestId };
		},
		resultIds: (result) => result.orderIds as string[],
	});
}
