import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { languageField, readLanguage } from '../language';
import { itemIdField } from './items';

export const description: INodeProperties[] = forOperation('taobao', 'getSource', [itemIdField, languageField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body = { itemId: readIdText(this, 'itemId', 'Item ID', i), language: readLanguage(this, i) };
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoProductSource, { itemIndex: i, body });
	const source = (data ?? {}) as IDataObject;
	return { ...source, itemId: source.itemId === undefined ? undefined : String(source.itemId) };
}
