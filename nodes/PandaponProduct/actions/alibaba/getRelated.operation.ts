import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { readLocatorIdText } from '../../../shared/fields/locator';
import { offerIdField } from '../../../shared/fields/productIds';
import { languageField, readLanguage } from '../language';
import { listOffers } from './offers';

export const description: INodeProperties[] = forOperation('1688', 'getRelated', [
	{ ...offerIdField, description: 'The offer to find related offers for' },
	languageField,
	...returnAllAndLimit,
]);

export async function execute(this: IExecuteFunctions, i: number) {
	// The related-offers page types offerId as a string, unlike the detail page.
	const offerId = readLocatorIdText(this, 'offerId', 'Offer ID', i, '1688Offer');
	const language = readLanguage(this, i);
	return await listOffers.call(this, i, ENDPOINTS.product1688Related, { offerId, language }, 'pageNo');
}
