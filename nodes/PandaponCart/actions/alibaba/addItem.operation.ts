import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readId, readInteger, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'addItem', [
	{
		displayName: 'Offer ID',
		name: 'offerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 624981234567',
		description: 'The 1688 product (offer) ID, as in detail.1688.com/offer/&lt;ID&gt;.html',
	},
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
		offerId: readId(this, 'offerId', 'Offer ID', i),
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
