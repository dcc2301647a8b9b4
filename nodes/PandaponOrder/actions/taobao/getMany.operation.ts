import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { readLimit, returnAllAndLimit, simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { simplifyTaobaoOrder } from './orderView';

const PAGE_MAX = 50;

export const description: INodeProperties[] = forOperation('taobao', 'getMany', [
	...returnAllAndLimit,
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'WAIT_BUYER_PAY',
				options: [
					{ name: 'Closed', value: 'TRADE_CLOSED', description: 'Cancelled or closed unpaid' },
					{ name: 'Finished', value: 'TRADE_FINISHED' },
					{ name: 'Shipped', value: 'WAIT_BUYER_CONFIRM_GOODS', description: 'Waiting for the buyer to confirm receipt' },
					{ name: 'Waiting for Payment', value: 'WAIT_BUYER_PAY' },
					{ name: 'Waiting for Shipment', value: 'WAIT_SELLER_SEND_GOODS', description: 'Paid, the seller has not shipped everything' },
				],
			},
		],
	},
]);

/**
 * Pages by pageNo/pageSize. The page size stays the same on every request, because pageNo counts
 * in pages of the size asked for: shrinking it for the last page would skip orders.
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const limit = readLimit(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const status = this.getNodeParameter('filters.status', i, '') as string;
	const pageSize = Math.min(limit, PAGE_MAX);
	const orders: IDataObject[] = [];
	for (let pageNo = 1; orders.length < limit; pageNo++) {
		const query: Record<string, string> = { pageNo: String(pageNo), pageSize: String(pageSize) };
		if (status) query.status = status;
		const { data } = await callPandapon.call(this, ENDPOINTS.taobaoOrderPage, { itemIndex: i, query });
		const page = (data ?? {}) as IDataObject;
		const list = (page.list ?? []) as IDataObject[];
		orders.push(...list);
		const total = Number(page.total);
		if (list.length < pageSize || (Number.isFinite(total) && pageNo * pageSize >= total)) break;
	}
	const wanted = orders.slice(0, limit);
	return simplify ? wanted.map(simplifyTaobaoOrder) : wanted;
}
