import type { INodeProperties } from 'n8n-workflow';

import type { Platform } from '../catalogue';

/** The Order ID parameter of every operation that acts on one order (ids are 19 digits: text, never numbers). */
export function orderIdField(platform: Platform, description?: string): INodeProperties {
	return {
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: platform === '1688' ? 'e.g. 2542285634920880794' : 'e.g. 4015593720611380219',
		description:
			description ??
			(platform === '1688' ? 'The 1688 order ID (19 digits; keep it as text)' : 'The Taobao purchase order ID (19 digits; keep it as text)'),
	};
}
