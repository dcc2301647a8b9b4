import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { readLocatorIdText } from '../../../shared/fields/locator';
import { itemIdField } from '../../../shared/fields/productIds';
import { languageField, readLanguage } from '../language';

export const description: INodeProperties[] = forOperation('taobao', 'getSource', [itemIdField, languageField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body = { itemId: readLocatorIdText(this, 'itemId', 'Item ID', i, 'taobaoItem'), language: readLanguage(this, i) };
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoProductSource, { itemIndex: i, body });
	const source = (data ?? {}) as IDataObject;
	return { ...source, itemId: source.itemId === undefined ? undefined : String(source.itemId) };
}
