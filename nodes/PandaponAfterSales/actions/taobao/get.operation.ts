import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { refundIdField, refundOfAnswer, simplifyRefund } from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'get', [refundIdField, simplifyField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readIdText(this, 'refundId', 'Refund ID', i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoRefundGet, { itemIndex: i, query: { refundId } });
	return simplify ? simplifyRefund(refundOfAnswer(data)) : ((data ?? {}) as IDataObject);
}
