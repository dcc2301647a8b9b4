import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { listItems, readSort, sortField } from './items';

export const description: INodeProperties[] = forOperation('taobao', 'search', [
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. running shoes',
		description: 'Words to find in item titles, in Chinese or English',
	},
	...returnAllAndLimit,
	sortField,
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body = compact({
		keyword: readText(this, 'keyword', 'Keyword', i, { required: true, maxLength: 200 }),
		sort: readSort(this, i),
	});
	return await listItems.call(this, i, ENDPOINTS.taobaoProductSearch, body);
}
