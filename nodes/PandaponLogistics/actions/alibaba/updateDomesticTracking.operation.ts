import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { orderIdField } from '../../../shared/fields/orderId';
import { readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorIdText } from '../../../shared/fields/locator';

export const description: INodeProperties[] = forOperation('1688', 'updateDomesticTracking', [
	orderIdField('1688', 'The paid 1688 order whose goods the parcel carries to the warehouse'),
	{
		displayName: 'Carrier Name or ID',
		name: 'carrierCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLogisticsCompanies' },
		required: true,
		default: '',
		description:
			'The domestic carrier. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. YT7310000000001',
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorIdText(this, 'orderId', 'Order ID', i);
	const carrierCode = readText(this, 'carrierCode', 'Carrier Name or ID', i, { required: true, maxLength: 32 });
	const trackingNumber = readText(this, 'trackingNumber', 'Tracking Number', i, { required: true, maxLength: 40 });
	if (!/^[A-Za-z0-9-]{6,40}$/.test(trackingNumber)) {
		throw inputError(this.getNode(), i, 'Tracking Number', `"${trackingNumber}" is not a tracking number (6–40 letters, digits or dashes)`);
	}
	const { requestId } = await callPandapon.call(this, ENDPOINTS.warehouseDomesticUpdate, {
		itemIndex: i,
		body: { orderId, logisticsCompanyNo: carrierCode, logisticsBillNo: trackingNumber },
	});
	return { updated: true, orderId, carrierCode, trackingNumber, requestId };
}
