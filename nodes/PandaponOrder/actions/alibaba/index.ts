import type { PlatformOperations } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as confirmReceipt from './confirmReceipt.operation';
import * as create from './create.operation';
import * as createBatch from './createBatch.operation';
import * as get from './get.operation';
import * as getAddresses from './getAddresses.operation';
import * as getMany from './getMany.operation';
import * as getPaymentLink from './getPaymentLink.operation';
import * as payInBulk from './payInBulk.operation';
import * as preview from './preview.operation';
import * as previewBatch from './previewBatch.operation';
import * as saveAddress from './saveAddress.operation';

export const alibaba: PlatformOperations = {
	platform: '1688',
	defaultOperation: 'get',
	operations: { cancel, confirmReceipt, create, createBatch, get, getAddresses, getMany, getPaymentLink, payInBulk, preview, previewBatch, saveAddress },
	options: [
		{ name: 'Cancel', value: 'cancel', action: 'Cancel a 1688 order', description: 'Cancel an order before it is paid' },
		{ name: 'Confirm Receipt', value: 'confirmReceipt', action: 'Confirm receipt of a 1688 order', description: 'Confirm that the goods arrived' },
		{ name: 'Create', value: 'create', action: 'Create a 1688 order', description: 'Order lines from one seller' },
		{ name: 'Create Batch', value: 'createBatch', action: 'Create 1688 orders across sellers', description: 'Order the lines of all items, one order per seller' },
		{ name: 'Get', value: 'get', action: 'Get a 1688 order', description: 'Read one order with its lines and logistics' },
		{ name: 'Get Addresses', value: 'getAddresses', action: 'Get saved 1688 addresses', description: 'List saved shipping addresses' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many 1688 orders', description: 'List orders, newest first' },
		{ name: 'Get Payment Link', value: 'getPaymentLink', action: 'Get a 1688 payment link', description: 'Get the link that pays one or more orders' },
		{ name: 'Pay in Bulk', value: 'payInBulk', action: 'Pay 1688 orders in bulk', description: 'Submit and pay the orders of all items in as few calls as possible' },
		{ name: 'Preview', value: 'preview', action: 'Preview a 1688 order', description: 'Price lines from one seller with shipping' },
		{ name: 'Preview Batch', value: 'previewBatch', action: 'Preview 1688 orders across sellers', description: 'Price the lines of all items, per seller' },
		{ name: 'Save Address', value: 'saveAddress', action: 'Save a 1688 shipping address', description: 'Add or update a saved shipping address' },
	],
};
