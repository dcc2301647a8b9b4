import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { orderIdField } from './get.operation';

export const description: INodeProperties[] = forOperation('1688', 'confirmReceipt', [
	orderIdField,
	{
		displayName: 'Sub-Order IDs',
		name: 'orderEntryIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3315502871190443521',
		description: 'Lines to confirm (sub-order IDs, separated by commas); empty confirms the whole order',
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorId(this, 'orderId', 'Order ID', i);
	const entries = (this.getNodeParameter('orderEntryIds', i, '') as unknown) === '' ? [] : readIdList(this, 'orderEntryIds', 'Sub-Order IDs', i);
	const { requestId } = await callPandapon.call(this, ENDPOINTS.order1688ConfirmReceipt, {
		itemIndex: i,
		body: { orderId, ...(entries.length > 0 ? { orderEntryIds: entries } : {}) },
	});
	return { confirmed: true, orderId: orderId.toString(), subOrderIds: entries.map(String), requestId };
}
