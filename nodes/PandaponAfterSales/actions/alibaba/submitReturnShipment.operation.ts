import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readRefundId, readVouchers, refundIdField, vouchersField } from './refund';

export const description: INodeProperties[] = forOperation('1688', 'submitReturnShipment', [
	refundIdField,
	{
		displayName: 'Logistics Company Name or ID',
		name: 'logisticsCompanyNo',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLogisticsCompanies' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Tracking Number',
		name: 'freightBill',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. YT7310000000001',
		description: 'The waybill number of the parcel sent back to the seller',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'e.g. Returned in the original box',
				description: 'A note for the seller about the return',
			},
			vouchersField,
		],
	},
]);

const TRACKING_NUMBER = /^[A-Za-z0-9-]{4,40}$/;

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readRefundId(this, i);
	const freightBill = readText(this, 'freightBill', 'Tracking Number', i, { required: true, maxLength: 40 });
	if (!TRACKING_NUMBER.test(freightBill)) {
		throw inputError(this.getNode(), i, 'Tracking Number', `"${freightBill}" is not a tracking number (4–40 letters, digits or dashes)`);
	}
	const body = compact({
		refundId,
		logisticsCompanyNo: readText(this, 'logisticsCompanyNo', 'Logistics Company', i, { required: true, maxLength: 32 }),
		freightBill,
		description: readText(this, 'additionalFields.description', 'Additional Fields › Description', i, { maxLength: 500 }),
		vouchers: readVouchers(this, 'additionalFields.vouchers', 'Additional Fields › Vouchers', i),
	});
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.refund1688ReturnGoods, { itemIndex: i, body });
	return {
		submitted: true,
		refundId,
		logisticsCompanyNo: body.logisticsCompanyNo,
		freightBill,
		...((data !== null && typeof data === 'object' ? data : {}) as IDataObject),
		requestId,
	};
}
