import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { refundIdField } from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'getMessages', [refundIdField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readIdText(this, 'refundId', 'Refund ID', i);
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoRefundMessages, { itemIndex: i, body: { refundId } });
	return ((Array.isArray(data) ? data : []) as IDataObject[]).map((message) => ({ refundId, ...message }));
}
