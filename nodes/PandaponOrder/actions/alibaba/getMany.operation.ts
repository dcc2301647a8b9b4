import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { readLimit, returnAllAndLimit, simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { ORDER_STATUS_OPTIONS, simplifyOrder } from './get.operation';

const PAGE_MAX = 50;

export const description: INodeProperties[] = forOperation('1688', 'getMany', [
	...returnAllAndLimit,
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Status', name: 'status', type: 'options', default: 'waitbuyerpay', options: ORDER_STATUS_OPTIONS }],
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const limit = readLimit(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const status = this.getNodeParameter('filters.status', i, '') as string;
	const orders: IDataObject[] = [];
	// pageNo counts pages of one fixed size: shrinking the last page would shift its offset.
	const pageSize = Math.min(PAGE_MAX, limit);
	for (let pageNo = 1; orders.length < limit; pageNo++) {
		const { data } = await callPandapon.call(this, ENDPOINTS.order1688Page, {
			itemIndex: i,
			body: { pageNo, pageSize, ...(status ? { status } : {}) },
		});
		const page = (data ?? {}) as IDataObject;
		const rows = (page.data ?? []) as IDataObject[];
		orders.push(...rows);
		if (rows.length < pageSize || pageNo >= Number(page.totalPage ?? 0)) break;
	}
	const result = orders.slice(0, limit);
	return simplify ? result.map(simplifyOrder) : result;
}
