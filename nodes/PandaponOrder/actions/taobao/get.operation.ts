import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { readLocatorIdText } from '../../../shared/fields/locator';
import { orderIdField } from './orderId';
import { simplifyTaobaoOrder } from './orderView';

export const description: INodeProperties[] = forOperation('taobao', 'get', [orderIdField, simplifyField]);

/** The order as the API has it now (also the total Pay checks Max Total against). */
export async function readOrder(this: IExecuteFunctions, i: number, orderId: string): Promise<IDataObject> {
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoOrderDetail, { itemIndex: i, query: { orderId } });
	return (data ?? {}) as IDataObject;
}

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorIdText(this, 'orderId', 'Order ID', i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const order = await readOrder.call(this, i, orderId);
	return simplify ? simplifyTaobaoOrder(order) : order;
}
