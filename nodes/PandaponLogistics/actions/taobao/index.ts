import type { PlatformOperations } from '../../../shared/router';
import * as getTracking from './getTracking.operation';

export const taobao: PlatformOperations = {
	platform: 'taobao',
	defaultOperation: 'getTracking',
	operations: { getTracking },
	options: [
		{
			name: 'Get Tracking',
			value: 'getTracking',
			action: 'Get Taobao order tracking',
			description: 'One item per parcel of a Taobao order (partial shipments apart), ready for a shop fulfillment; unshipped orders give {shipped: false}',
		},
	],
};
