import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { refundIdField } from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'getReturnShippingOptions', [refundIdField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readIdText(this, 'refundId', 'Refund ID', i);
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.taobaoReturnRender, { itemIndex: i, query: { refundId } });
	return { ...((data ?? {}) as IDataObject), refundId, requestId };
}
