import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readId, readInteger } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('taobao', 'updateQuantity', [
	{
		displayName: 'Cart ID',
		name: 'cartId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 200001',
		description: 'The cart line to change, from Get Many or Add Item',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		required: true,
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const id = readId(this, 'cartId', 'Cart ID', i);
	const quantity = readInteger(this, 'quantity', 'Quantity', i, { min: 1, max: 1_000_000 });
	const { requestId } = await callPandapon.call(this, ENDPOINTS.taobaoCartEditQuantity, {
		itemIndex: i,
		body: { id, quantity },
	});
	return { updated: true, cartId: id.toString(), quantity, requestId };
}
