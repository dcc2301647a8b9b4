import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { readIdText, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { refundIdField } from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'submitReturnShipment', [
	refundIdField,
	{
		displayName: 'Logistics Company Name or ID',
		name: 'logisticsCompanyCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getReturnCompanies', loadOptionsDependsOn: ['refundId'] },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The list needs the Refund ID of a return the seller agreed to',
	},
	{
		displayName: 'Tracking Number',
		name: 'logisticsWaybillNo',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. YT9876543210',
		description: 'The waybill number of the parcel sent back to the seller',
	},
]);

const TRACKING_NUMBER = /^[A-Za-z0-9-]{4,40}$/;

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readIdText(this, 'refundId', 'Refund ID', i);
	const logisticsCompanyCode = readText(this, 'logisticsCompanyCode', 'Logistics Company', i, { required: true, maxLength: 32 });
	const logisticsWaybillNo = readText(this, 'logisticsWaybillNo', 'Tracking Number', i, { required: true, maxLength: 40 });
	if (!TRACKING_NUMBER.test(logisticsWaybillNo)) {
		throw inputError(this.getNode(), i, 'Tracking Number', `"${logisticsWaybillNo}" is not a tracking number (4–40 letters, digits or dashes)`);
	}
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.taobaoReturnSubmit, {
		itemIndex: i,
		body: { refundId, logisticsCompanyCode, logisticsWaybillNo },
	});
	const out = (data ?? {}) as IDataObject;
	return { submitted: true, refundId, refundStatus: out.refundStatus, logisticsCompanyCode, logisticsWaybillNo, requestId };
}
