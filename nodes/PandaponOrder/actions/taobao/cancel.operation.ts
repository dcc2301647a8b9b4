import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { orderIdField } from './orderId';

export const description: INodeProperties[] = forOperation('taobao', 'cancel', [
	orderIdField,
	{
		displayName: 'Cancel Reason',
		name: 'cancelReason',
		type: 'string',
		default: '',
		placeholder: 'e.g. Customer cancelled the shop order',
		description: 'Why the order is cancelled, for the seller and your records',
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorId(this, 'orderId', 'Order ID', i);
	const cancelReason = readText(this, 'cancelReason', 'Cancel Reason', i, { maxLength: 200 });
	const { requestId } = await callPandapon.call(this, ENDPOINTS.taobaoOrderCancel, {
		itemIndex: i,
		body: compact({ orderId, cancelReason }),
	});
	return { cancelled: true, orderId: orderId.toString(), requestId };
}
