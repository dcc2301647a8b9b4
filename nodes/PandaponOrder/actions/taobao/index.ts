import type { PlatformOperations } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getImLink from './getImLink.operation';
import * as getMany from './getMany.operation';
import * as pay from './pay.operation';
import * as preview from './preview.operation';
import * as updatePreWarehouseInfo from './updatePreWarehouseInfo.operation';
import * as uploadPaymentVoucher from './uploadPaymentVoucher.operation';

export const taobao: PlatformOperations = {
	platform: 'taobao',
	defaultOperation: 'create',
	operations: { cancel, create, get, getImLink, getMany, pay, preview, updatePreWarehouseInfo, uploadPaymentVoucher },
	options: [
		{ name: 'Cancel', value: 'cancel', action: 'Cancel a Taobao order', description: 'Cancel an order before payment' },
		{ name: 'Create', value: 'create', action: 'Create a Taobao order', description: 'Order SKUs for a receiver (usually your forwarder warehouse)' },
		{ name: 'Get', value: 'get', action: 'Get a Taobao order', description: 'Read one order with its lines and tracking numbers' },
		{ name: 'Get IM Link', value: 'getImLink', action: 'Get a chat link to a Taobao seller', description: 'A link to chat with the seller about an item or order' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many Taobao orders', description: 'List orders, newest first, optionally by status' },
		{ name: 'Pay', value: 'pay', action: 'Pay a Taobao order', description: 'Pay an order waiting for payment' },
		{ name: 'Preview', value: 'preview', action: 'Preview a Taobao order', description: 'Price order lines with postage before creating' },
		{ name: 'Update Pre-Warehouse Info', value: 'updatePreWarehouseInfo', action: 'Update the pre-warehouse info of a Taobao order', description: 'Change the warehouse the seller ships to' },
		{ name: 'Upload Payment Voucher', value: 'uploadPaymentVoucher', action: 'Upload a payment voucher for a Taobao order', description: 'Attach a transfer slip to an order waiting for payment' },
	],
};
