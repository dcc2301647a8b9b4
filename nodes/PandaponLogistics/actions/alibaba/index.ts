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
			action: 'Create an international shipment',
			description: 'Send paid 1688 orders abroad from the warehouse as one parcel; Safety › Max Total caps the previewed freight',
		},
		{
			name: 'Estimate Freight',
			value: 'estimateFreight',
			action: 'Estimate overseas freight',
			description: 'Price the shipping channels for a weight and destination',
		},
		{
			name: 'Get Companies',
			value: 'getCompanies',
			action: 'Get domestic logistics companies',
			description: 'List the Chinese carriers and their codes',
		},
		{
			name: 'Get Tracking',
			value: 'getTracking',
			action: 'Get tracking for a 1688 order',
			description: 'One item per parcel (partial shipments apart), ready for a shop fulfillment; unshipped orders give {shipped: false}',
		},
		{
			name: 'Preview Order Freight',
			value: 'previewOrderFreight',
			action: 'Preview overseas freight for 1688 orders',
			description: 'Price paid orders shipped together, per order and in total',
		},
		{
			name: 'Update Domestic Tracking',
			value: 'updateDomesticTracking',
			action: 'Update domestic tracking for a 1688 order',
			description: 'Tell the warehouse which domestic parcel carries an order',
		},
	],
};
