import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { orderIdField } from './get.operation';

export const description: INodeProperties[] = forOperation('1688', 'cancel', [
	orderIdField,
	{
		displayName: 'Cancel Reason',
		name: 'cancelReason',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 不想要了 (no longer needed)',
		description: 'Why the order is cancelled; the seller sees it',
	},
	{ displayName: 'Remark', name: 'remark', type: 'string', default: '', description: 'An optional note' },
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorId(this, 'orderId', 'Order ID', i);
	const body = compact({
		webSite: '1688',
		orderId,
		cancelReason: readText(this, 'cancelReason', 'Cancel Reason', i, { required: true, maxLength: 200 }),
		remark: readText(this, 'remark', 'Remark', i, { maxLength: 500 }),
	});
	const { requestId } = await callPandapon.call(this, ENDPOINTS.order1688Cancel, { itemIndex: i, body });
	return { cancelled: true, orderId: orderId.toString(), requestId };
}
