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
		{ name: 'Cancel', value: 'cancel', action: 'Cancel 1688 order', description: 'Cancel a 1688 order by its order ID before it is paid' },
		{ name: 'Confirm Receipt', value: 'confirmReceipt', action: 'Confirm receipt of 1688 order', description: 'Confirm that the goods of a 1688 order arrived' },
		{ name: 'Create', value: 'create', action: 'Create 1688 order', description: 'Order lines (Offer ID, Spec ID, quantity) from one 1688 seller for a shipping address. It spends money: Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Create Batch', value: 'createBatch', action: 'Create 1688 orders across sellers', description: 'Order the lines of all items, one 1688 order per seller. It spends money: Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Get', value: 'get', action: 'Get 1688 order', description: 'Read one 1688 order by its order ID, with its lines and logistics' },
		{ name: 'Get Addresses', value: 'getAddresses', action: 'Get saved 1688 addresses', description: 'List the shipping addresses saved on the 1688 account' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many 1688 orders', description: 'List 1688 orders, newest first' },
		{ name: 'Get Payment Link', value: 'getPaymentLink', action: 'Get 1688 payment link', description: 'Get the link that pays one or more unpaid 1688 orders' },
		{ name: 'Pay in Bulk', value: 'payInBulk', action: 'Pay 1688 orders in bulk', description: 'Pay the unpaid 1688 orders of all items in as few calls as possible. Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Preview', value: 'preview', action: 'Preview 1688 order', description: 'Price lines from one 1688 seller with shipping for an address, without ordering' },
		{ name: 'Preview Batch', value: 'previewBatch', action: 'Preview 1688 orders across sellers', description: 'Price the lines of all items with shipping, per 1688 seller, without ordering' },
		{ name: 'Save Address', value: 'saveAddress', action: 'Save 1688 shipping address', description: 'Add a shipping address to the 1688 account or update a saved one' },
	],
};
