import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { readLocatorIdText } from '../../../shared/fields/locator';
import { itemIdField } from '../../../shared/fields/productIds';
import { simplifyItem } from './items';

export const description: INodeProperties[] = forOperation('taobao', 'get', [itemIdField, simplifyField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const itemId = readLocatorIdText(this, 'itemId', 'Item ID', i, 'taobaoItem');
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoProductGet, { itemIndex: i, query: { itemId } });
	return simplify ? simplifyItem(data) : ((data ?? {}) as IDataObject);
}
