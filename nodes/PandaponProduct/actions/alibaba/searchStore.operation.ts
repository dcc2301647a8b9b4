import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { listOffers, readSearchOptions, searchOptions, sortFields } from './offers';

export const description: INodeProperties[] = forOperation('1688', 'searchStore', [
	{
		displayName: 'Seller Open ID',
		name: 'sellerOpenId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. b2b-2206783546291c8f1',
		description: 'The seller whose offers to search, as offers and orders give it',
	},
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		default: '',
		placeholder: 'e.g. earrings',
		description: 'Words to find in offer titles; leave empty to list all of the seller\'s offers',
	},
	...returnAllAndLimit,
	...sortFields,
	searchOptions(),
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body = compact({
		sellerOpenId: readText(this, 'sellerOpenId', 'Seller Open ID', i, { required: true, maxLength: 64 }),
		keyword: readText(this, 'keyword', 'Keyword', i, { maxLength: 200 }),
		country: 'en',
		...readSearchOptions(this, i, 'integer'),
	});
	return await listOffers.call(this, i, ENDPOINTS.product1688StoreSearch, body);
}
