import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { imageFields, readImage } from '../../../shared/image';
import { listOffers, readSearchOptions, searchOptions, sortFields } from './offers';

export const description: INodeProperties[] = forOperation('1688', 'searchByImage', [
	...imageFields('the image to search with'),
	...returnAllAndLimit,
	...sortFields,
	searchOptions(true),
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const image = await readImage(this, i);
	const options = readSearchOptions(this, i, 'integer');
	return await listOffers.call(this, i, ENDPOINTS.product1688ImageSearch, { ...image, country: 'en', ...options });
}
