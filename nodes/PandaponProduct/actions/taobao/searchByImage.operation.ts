import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { imageFields, readImage } from '../../../shared/image';
import { listItems } from './items';

export const description: INodeProperties[] = forOperation('taobao', 'searchByImage', [...imageFields('the image to search with'), ...returnAllAndLimit]);

export async function execute(this: IExecuteFunctions, i: number) {
	const image = await readImage(this, i);
	return await listItems.call(this, i, ENDPOINTS.taobaoProductImageSearch, { ...image });
}
