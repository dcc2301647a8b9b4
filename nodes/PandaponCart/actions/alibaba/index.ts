import type { PlatformOperations } from '../../../shared/router';
import * as addItem from './addItem.operation';
import * as createOrder from './createOrder.operation';
import * as getMany from './getMany.operation';
import * as previewOrder from './previewOrder.operation';
import * as removeItems from './removeItems.operation';
import * as updateQuantity from './updateQuantity.operation';

export const alibaba: PlatformOperations = {
	platform: '1688',
	defaultOperation: 'addItem',
	operations: { addItem, createOrder, getMany, previewOrder, removeItems, updateQuantity },
	options: [
		{ name: 'Add Item', value: 'addItem', action: 'Add an item to the 1688 cart', description: 'Add an offer spec to the cart' },
		{ name: 'Create Order', value: 'createOrder', action: 'Create 1688 orders from the cart', description: 'Order cart lines (one order per seller)' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many 1688 cart items', description: 'List the cart lines' },
		{ name: 'Preview Order', value: 'previewOrder', action: 'Preview 1688 orders from the cart', description: 'Price cart lines with shipping before ordering' },
		{ name: 'Remove Items', value: 'removeItems', action: 'Remove items from the 1688 cart', description: 'Delete cart lines' },
		{ name: 'Update Quantity', value: 'updateQuantity', action: 'Update a 1688 cart item quantity', description: 'Change how many of a cart line to order' },
	],
};
