import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { imageFields, readImage } from '../../../shared/image';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { idText } from '../../../shared/responses';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { orderIdField } from './orderId';

export const description: INodeProperties[] = forOperation('taobao', 'uploadPaymentVoucher', [
	orderIdField,
	...imageFields('the payment voucher (e.g. a transfer slip)'),
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bank transfer 2026-05-14, ref 88231',
		description: 'A note for whoever checks the payment',
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorId(this, 'orderId', 'Order ID', i);
	const image = await readImage(this, i);
	const remark = readText(this, 'remark', 'Remark', i, { maxLength: 200 });
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.taobaoOrderVoucher, {
		itemIndex: i,
		body: compact({ orderId, ...image, remark }),
	});
	const answer = (data ?? {}) as IDataObject;
	return {
		uploaded: true,
		orderId: idText(answer.orderId) ?? orderId.toString(),
		voucherUrl: answer.voucherUrl,
		voucherCount: answer.voucherCount,
		requestId,
	};
}
