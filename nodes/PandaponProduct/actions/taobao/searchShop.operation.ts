import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { compact, readId, readText } from '../../../shared/params';
import { listItems, readSort, sortField } from './items';

export const description: INodeProperties[] = forOperation('taobao', 'searchShop', [
	{
		displayName: 'Shop ID',
		name: 'shopId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 57300112',
		description: 'The shop to search, as items give it in shopId',
	},
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		default: '',
		placeholder: 'e.g. phone case',
		description: 'Words to find in item titles; leave empty to list all of the shop\'s items',
	},
	...returnAllAndLimit,
	sortField,
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body = compact({
		shopId: readId(this, 'shopId', 'Shop ID', i),
		keyword: readText(this, 'keyword', 'Keyword', i, { maxLength: 200 }),
		sort: readSort(this, i),
	});
	return await listItems.call(this, i, ENDPOINTS.taobaoShopSearch, body);
}
