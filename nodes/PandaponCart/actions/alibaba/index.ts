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
		{ name: 'Add Item', value: 'addItem', action: 'Add item to 1688 cart', description: 'Add an offer spec (Offer ID, Spec ID, quantity) to the 1688 cart' },
		{ name: 'Create Order', value: 'createOrder', action: 'Create 1688 orders from cart', description: 'Order 1688 cart lines by their cart IDs for a shipping address, one order per seller. It spends money: Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many 1688 cart items', description: 'List the lines of the 1688 cart with their cart IDs' },
		{ name: 'Preview Order', value: 'previewOrder', action: 'Preview 1688 orders from cart', description: 'Price 1688 cart lines with shipping for an address, per seller, without ordering' },
		{ name: 'Remove Items', value: 'removeItems', action: 'Remove items from 1688 cart', description: 'Delete 1688 cart lines by their cart IDs' },
		{ name: 'Update Quantity', value: 'updateQuantity', action: 'Update 1688 cart item quantity', description: 'Change how many of one 1688 cart line to order' },
	],
};
