import type { PlatformOperations } from '../../../shared/router';
import * as createShipment from './createShipment.operation';
import * as estimateFreight from './estimateFreight.operation';
import * as getCompanies from './getCompanies.operation';
import * as getTracking from './getTracking.operation';
import * as previewOrderFreight from './previewOrderFreight.operation';
import * as updateDomesticTracking from './updateDomesticTracking.operation';

export const alibaba: PlatformOperations = {
	platform: '1688',
	defaultOperation: 'getTracking',
	operations: { createShipment, estimateFreight, getCompanies, getTracking, previewOrderFreight, updateDomesticTracking },
	options: [
		{
			name: 'Create International Shipment',
			value: 'createShipment',
			action: 'Create international shipment of 1688 orders',
			description: 'Send paid 1688 orders abroad from the warehouse as one parcel, booking its freight. Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.',
		},
		{
			name: 'Estimate Freight',
			value: 'estimateFreight',
			action: 'Estimate overseas freight',
			description: 'Price the shipping channels for a weight and destination country',
		},
		{
			name: 'Get Companies',
			value: 'getCompanies',
			action: 'Get Chinese carriers',
			description: 'List the Chinese domestic carriers and their codes',
		},
		{
			name: 'Get Tracking',
			value: 'getTracking',
			action: 'Get 1688 order tracking',
			description: 'One item per parcel of a 1688 order (partial shipments apart), ready for a shop fulfillment; unshipped orders give {shipped: false}',
		},
		{
			name: 'Preview Order Freight',
			value: 'previewOrderFreight',
			action: 'Preview overseas freight of 1688 orders',
			description: 'Price paid 1688 orders shipped together, per order and in total',
		},
		{
			name: 'Update Domestic Tracking',
			value: 'updateDomesticTracking',
			action: 'Update 1688 order domestic tracking',
			description: 'Tell the warehouse which domestic parcel carries a 1688 order',
		},
	],
};
