import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../shared/router';
import { operations } from './router';

export const properties: INodeProperties[] = [
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		noDataExpression: true,
		default: '1688',
		options: [{ name: '1688', value: '1688', description: 'Alibaba 1688 wholesale' }],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { platform: ['1688'] } },
		default: 'addItem',
		options: [
			{ name: 'Add Item', value: 'addItem', action: 'Add an item to the 1688 cart', description: 'Add an offer spec to the cart' },
			{ name: 'Create Order', value: 'createOrder', action: 'Create 1688 orders from the cart', description: 'Order cart lines (one order per seller)' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many 1688 cart items', description: 'List the cart lines' },
			{ name: 'Preview Order', value: 'previewOrder', action: 'Preview 1688 orders from the cart', description: 'Price cart lines with shipping before ordering' },
			{ name: 'Remove Items', value: 'removeItems', action: 'Remove items from the 1688 cart', description: 'Delete cart lines' },
			{ name: 'Update Quantity', value: 'updateQuantity', action: 'Update a 1688 cart item quantity', description: 'Change how many of a cart line to order' },
		],
	},
	...operationProperties(operations),
];
