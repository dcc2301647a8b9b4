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
		{ name: 'Add Item', value: 'addItem', action: 'Add item to Taobao cart', description: 'Add a Taobao item SKU (item, SKU and Pandapon MP IDs, quantity) to the cart' },
		{ name: 'Create Order', value: 'createOrder', action: 'Create Taobao order from cart', description: 'Order Taobao cart lines for a receiver (usually your forwarder warehouse). It spends money: Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many Taobao cart items', description: 'List the lines of the Taobao cart with their cart IDs' },
		{ name: 'Preview Order', value: 'previewOrder', action: 'Preview Taobao order from cart', description: 'Price Taobao cart lines with postage for a receiver, without ordering' },
		{ name: 'Remove Items', value: 'removeItems', action: 'Remove items from Taobao cart', description: 'Delete Taobao cart lines by their cart IDs' },
		{ name: 'Update Quantity', value: 'updateQuantity', action: 'Update Taobao cart item quantity', description: 'Change how many of one Taobao cart line to order' },
	],
};
