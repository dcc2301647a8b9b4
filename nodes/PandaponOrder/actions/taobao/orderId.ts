import type { INodeProperties } from 'n8n-workflow';

/** The order ID parameter of the operations that act on one Taobao order. */
export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 4015593720611380219',
	description: 'The Taobao purchase order ID (19 digits; keep it as text)',
};
