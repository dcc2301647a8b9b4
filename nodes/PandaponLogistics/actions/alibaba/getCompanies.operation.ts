import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { companiesOf } from '../../../shared/fields/carriers';
import { readLimit, returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'getCompanies', [...returnAllAndLimit]);

export async function execute(this: IExecuteFunctions, i: number) {
	const limit = readLimit(this, i);
	const { data } = await callPandapon.call(this, ENDPOINTS.logistics1688Companies, { itemIndex: i });
	// The API answers the whole list at once, so Limit only trims it.
	return companiesOf(data).slice(0, limit);
}
