import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { compact, readIdText, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readImages, refundIdField, refundImagesField } from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'sendMessage', [
	refundIdField,
	{
		displayName: 'Message',
		name: 'refundMessage',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. The parcel arrived with a torn box, photos attached',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [refundImagesField],
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body = compact({
		refundId: readIdText(this, 'refundId', 'Refund ID', i),
		refundMessage: readText(this, 'refundMessage', 'Message', i, { required: true, maxLength: 500 }),
		refundImages: readImages(this, 'additionalFields.refundImages', 'Additional Fields › Images', i),
	});
	const { requestId } = await callPandapon.call(this, ENDPOINTS.taobaoRefundMessage, { itemIndex: i, body });
	return { sent: true, refundId: body.refundId, requestId };
}
