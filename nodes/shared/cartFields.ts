import type { INodeProperties } from 'n8n-workflow';

export const cartIdsField: INodeProperties = {
	displayName: 'Cart IDs',
	name: 'cartIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 100234, 100235',
	description: 'Cart line IDs separated by commas, or an expression that gives a list of IDs',
};
