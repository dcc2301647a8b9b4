import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { refundIdField } from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'cancel', [refundIdField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readIdText(this, 'refundId', 'Refund ID', i);
	// A write over GET: the catalogue marks it a write, so the transport never re-sends it.
	const { requestId } = await callPandapon.call(this, ENDPOINTS.taobaoRefundCancel, { itemIndex: i, query: { refundId } });
	return { cancelled: true, refundId, requestId };
}
