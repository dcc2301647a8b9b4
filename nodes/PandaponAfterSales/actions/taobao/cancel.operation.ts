import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { unknownOutcome } from '../../../shared/responses';
import { callPandapon } from '../../../shared/transport';
import { refundIdField } from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'cancel', [refundIdField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readIdText(this, 'refundId', 'Refund ID', i);
	// A write over GET with the id in the path: the catalogue marks it a write, so the transport never re-sends it.
	const answer = await callPandapon.call(this, ENDPOINTS.taobaoRefundCancel, { itemIndex: i, path: { refundId } });
	const cancelSuccess = (answer.data as { cancelSuccess?: unknown } | null)?.cancelSuccess;
	if (typeof cancelSuccess !== 'boolean') return { ...unknownOutcome(answer, 'Pandapon\'s answer has no cancelSuccess'), refundId };
	return { cancelled: cancelSuccess, refundId, requestId: answer.requestId };
}
