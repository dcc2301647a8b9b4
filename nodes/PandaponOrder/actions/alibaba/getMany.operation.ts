import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit, simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { fetchList } from '../../../shared/paging';
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
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const status = this.getNodeParameter('filters.status', i, '') as string;
	const result = await fetchList.call(this, i, ENDPOINTS.order1688Page, { pageField: 'pageNo', pageMax: PAGE_MAX }, status ? { status } : {});
	return simplify ? result.map((o) => simplifyOrder(o, 'order1688Page', 'data.data[].')) : result;
}
