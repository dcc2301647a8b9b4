import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { readText } from '../../../shared/params';
import { listOffers, readSearchOptions, searchOptions, sortFields } from './offers';

export const description: INodeProperties[] = forOperation('1688', 'search', [
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. pearl earrings',
		description: 'Words to find in offer titles, in Chinese or English',
	},
	...returnAllAndLimit,
	...sortFields,
	searchOptions(),
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const keyword = readText(this, 'keyword', 'Keyword', i, { required: true, maxLength: 200 });
	const options = readSearchOptions(this, i, 'string');
	return await listOffers.call(this, i, ENDPOINTS.product1688Search, { keyword, country: 'en', ...options });
}
