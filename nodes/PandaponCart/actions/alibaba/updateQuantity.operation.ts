import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { compact, readId, readInteger, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'updateQuantity', [
	{
		displayName: 'Cart ID',
		name: 'cartId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100234',
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
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Container',
				name: 'container',
				type: 'string',
				default: '',
				description: 'Container (warehouse lot) reference, if your account uses them',
			},
			{
				displayName: 'Product Number',
				name: 'productNo',
				type: 'string',
				default: '',
				description: 'Your own product number for this line',
			},
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const id = readId(this, 'cartId', 'Cart ID', i);
	const quantity = readInteger(this, 'quantity', 'Quantity', i, { min: 1, max: 1_000_000 });
	const body = compact({
		id,
		quantity,
		productNo: readText(this, 'additionalFields.productNo', 'Product Number', i, { maxLength: 64 }),
		container: readText(this, 'additionalFields.container', 'Container', i, { maxLength: 64 }),
	});
	const { requestId } = await callPandapon.call(this, ENDPOINTS.cart1688EditQuantity, { itemIndex: i, body });
	return { updated: true, cartId: id.toString(), quantity, requestId };
}
