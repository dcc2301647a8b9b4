import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readInteger, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { offerIdField } from '../../../shared/fields/productIds';

export const description: INodeProperties[] = forOperation('1688', 'addItem', [
	offerIdField,
	{
		displayName: 'Spec ID',
		name: 'specId',
		type: 'string',
		default: '',
		placeholder: 'e.g. b2f1c0a7d8e94e5f9a1b2c3d4e5f6a7b',
		description: 'The SKU spec ID; leave empty for offers without variants',
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
	const body = {
		offerId: readLocatorId(this, 'offerId', 'Offer ID', i, '1688Offer'),
		specId: readText(this, 'specId', 'Spec ID', i, { maxLength: 64 }),
		quantity: readInteger(this, 'quantity', 'Quantity', i, { min: 1, max: 1_000_000 }),
	};
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.cart1688Add, { itemIndex: i, body });
	const cartId = (data as { cartId?: unknown } | null)?.cartId;
	return {
		added: true,
		cartId: cartId === undefined ? undefined : String(cartId),
		offerId: body.offerId.toString(),
		specId: body.specId,
		quantity: body.quantity,
		requestId,
	};
}
