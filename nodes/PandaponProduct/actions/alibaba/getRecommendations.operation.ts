import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { listOffers, outMemberIdOption } from './offers';

export const description: INodeProperties[] = forOperation('1688', 'getRecommendations', [
	...returnAllAndLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [outMemberIdOption],
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body = compact({
		country: 'en',
		outMemberId: readText(this, 'options.outMemberId', 'Options › Out Member ID', i, { maxLength: 64 }),
	});
	return await listOffers.call(this, i, ENDPOINTS.product1688Recommend, body);
}
