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
		{ name: 'Cancel', value: 'cancel', action: 'Cancel Taobao order', description: 'Cancel a Taobao order by its order ID before payment' },
		{ name: 'Create', value: 'create', action: 'Create Taobao order', description: 'Order Taobao SKUs for a receiver (usually your forwarder warehouse). It spends money: Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Get', value: 'get', action: 'Get Taobao order', description: 'Read one Taobao order by its order ID, with its lines and tracking numbers' },
		{ name: 'Get IM Link', value: 'getImLink', action: 'Get Taobao seller chat link', description: 'Get a link to chat with the Taobao seller about an item or order' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many Taobao orders', description: 'List Taobao orders, newest first, optionally by status' },
		{ name: 'Pay', value: 'pay', action: 'Pay Taobao order', description: 'Pay a Taobao order waiting for payment from the account balance. Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Preview', value: 'preview', action: 'Preview Taobao order', description: 'Price Taobao order lines with postage for a receiver, without ordering' },
		{ name: 'Update Pre-Warehouse Info', value: 'updatePreWarehouseInfo', action: 'Update Taobao order pre-warehouse info', description: 'Change the warehouse the seller of a Taobao order ships to' },
		{ name: 'Upload Payment Voucher', value: 'uploadPaymentVoucher', action: 'Upload Taobao order payment voucher', description: 'Attach a transfer slip to a Taobao order waiting for payment' },
	],
};
