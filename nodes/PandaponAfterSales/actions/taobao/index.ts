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
		{ name: 'Cancel', value: 'cancel', action: 'Cancel Taobao refund', description: 'Withdraw a Taobao refund or return request (reverse order)' },
		{ name: 'Create', value: 'create', action: 'Create Taobao refund', description: 'Ask for a refund or a return with refund on a Taobao sub-order (reverse order). Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Get', value: 'get', action: 'Get Taobao refund', description: 'Read a Taobao reverse order (refund or return) with its status' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many Taobao refunds', description: 'List Taobao reverse orders (refunds and returns)' },
		{ name: 'Get Messages', value: 'getMessages', action: 'Get Taobao refund messages', description: 'List the messages exchanged on a Taobao reverse order' },
		{ name: 'Get Refund Options', value: 'getRefundOptions', action: 'Get Taobao refund options', description: 'Reasons and amounts a Taobao sub-order allows for a refund' },
		{ name: 'Get Return Shipping Options', value: 'getReturnShippingOptions', action: 'Get Taobao return shipping options', description: 'Return address and logistics companies of a Taobao reverse order' },
		{ name: 'Send Message', value: 'sendMessage', action: 'Send Taobao refund message', description: 'Write to the Taobao seller about a reverse order' },
		{ name: 'Submit Return Shipment', value: 'submitReturnShipment', action: 'Submit Taobao return shipment', description: 'Tell the Taobao seller how the goods were sent back' },
		{ name: 'Update', value: 'update', action: 'Update Taobao refund', description: 'Change the reason, amount or evidence of a Taobao reverse order' },
	],
};
