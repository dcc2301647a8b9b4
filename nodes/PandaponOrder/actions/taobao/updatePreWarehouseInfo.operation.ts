import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { orderIdField } from './orderId';
import { readReceiver, receiverProperty } from '../../../shared/fields/taobaoReceiver';
import { readLocatorId } from '../../../shared/fields/locator';

export const description: INodeProperties[] = [
	...forOperation('taobao', 'updatePreWarehouseInfo', [orderIdField]),
	receiverProperty(
		showFor('taobao', 'updatePreWarehouseInfo'),
		'The forwarder warehouse the seller should ship to instead; possible until the order ships',
	),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorId(this, 'orderId', 'Order ID', i);
	const receiver = readReceiver(this, i);
	const { requestId } = await callPandapon.call(this, ENDPOINTS.taobaoOrderWarehouse, {
		itemIndex: i,
		body: { orderId, receiver: JSON.stringify(receiver) },
	});
	return { updated: true, orderId: orderId.toString(), receiver, requestId };
}
