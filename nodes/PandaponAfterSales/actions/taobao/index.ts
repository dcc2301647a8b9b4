import type { PlatformOperations } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMessages from './getMessages.operation';
import * as getRefundOptions from './getRefundOptions.operation';
import * as getReturnShippingOptions from './getReturnShippingOptions.operation';
import * as sendMessage from './sendMessage.operation';
import * as submitReturnShipment from './submitReturnShipment.operation';
import * as update from './update.operation';

export const taobao: PlatformOperations = {
	platform: 'taobao',
	defaultOperation: 'create',
	operations: {
		cancel,
		create,
		get,
		getMany,
		getMessages,
		getRefundOptions,
		getReturnShippingOptions,
		sendMessage,
		submitReturnShipment,
		update,
	},
	options: [
		{ name: 'Cancel', value: 'cancel', action: 'Cancel a Taobao reverse order', description: 'Withdraw a refund or return request' },
		{ name: 'Create', value: 'create', action: 'Create a Taobao reverse order', description: 'Ask for a refund or a return with refund' },
		{ name: 'Get', value: 'get', action: 'Get a Taobao reverse order', description: 'Get a reverse order and its status' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many Taobao reverse orders', description: 'List reverse orders' },
		{ name: 'Get Messages', value: 'getMessages', action: 'Get messages of a Taobao reverse order', description: 'List the messages exchanged on a reverse order' },
		{ name: 'Get Refund Options', value: 'getRefundOptions', action: 'Get refund options for a Taobao sub-order', description: 'Reasons and amounts a sub-order allows' },
		{ name: 'Get Return Shipping Options', value: 'getReturnShippingOptions', action: 'Get return shipping options of a Taobao reverse order', description: 'Return address and logistics companies' },
		{ name: 'Send Message', value: 'sendMessage', action: 'Send a message on a Taobao reverse order', description: 'Write to the seller about a reverse order' },
		{ name: 'Submit Return Shipment', value: 'submitReturnShipment', action: 'Submit a Taobao return shipment', description: 'Tell the seller how the goods were sent back' },
		{ name: 'Update', value: 'update', action: 'Update a Taobao reverse order', description: 'Change the reason, amount or evidence of a reverse order' },
	],
};
