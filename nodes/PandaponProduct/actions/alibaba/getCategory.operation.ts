import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readId } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { languageField, readLanguage } from '../language';

export const description: INodeProperties[] = forOperation('1688', 'getCategory', [
	{
		displayName: 'Category ID',
		name: 'categoryId',
		type: 'string',
		required: true,
		default: '0',
		placeholder: 'e.g. 1813',
		description: 'The category to read with its subcategories; 0 gives the top-level categories',
	},
	languageField,
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body = {
		categoryId: readId(this, 'categoryId', 'Category ID', i),
		language: readLanguage(this, i),
	};
	const { data } = await callPandapon.call(this, ENDPOINTS.product1688Category, { itemIndex: i, body });
	return (data ?? {}) as IDataObject;
}
