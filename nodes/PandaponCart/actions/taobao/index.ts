import type { PlatformOperations } from '../../../shared/router';
import * as addItem from './addItem.operation';
import * as createOrder from './createOrder.operation';
import * as getMany from './getMany.operation';
import * as previewOrder from './previewOrder.operation';
import * as removeItems from './removeItems.operation';
import * as updateQuantity from './updateQuantity.operation';

export const taobao: PlatformOperations = {
	platform: 'taobao',
	defaultOperation: 'addItem',
	operations: { addItem, createOrder, getMany, previewOrder, removeItems, updateQuantity },
	options: [
		{ name: 'Add Item', value: 'addItem', action: 'Add an item to the Taobao cart', description: 'Add a Taobao item SKU to the cart' },
		{ name: 'Create Order', value: 'createOrder', action: 'Create a Taobao order from the cart', description: 'Order cart lines for a receiver (usually your forwarder warehouse)' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many Taobao cart items', description: 'List the cart lines' },
		{ name: 'Preview Order', value: 'previewOrder', action: 'Preview a Taobao order from the cart', description: 'Price cart lines with postage before ordering' },
		{ name: 'Remove Items', value: 'removeItems', action: 'Remove items from the Taobao cart', description: 'Delete cart lines' },
		{ name: 'Update Quantity', value: 'updateQuantity', action: 'Update a Taobao cart item quantity', description: 'Change how many of a cart line to order' },
	],
};
