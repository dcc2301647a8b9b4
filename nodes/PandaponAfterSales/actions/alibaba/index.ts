import type { PlatformOperations } from '../../../shared/router';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getReasons from './getReasons.operation';
import * as submitReturnShipment from './submitReturnShipment.operation';
import * as uploadVoucher from './uploadVoucher.operation';

export const alibaba: PlatformOperations = {
	platform: '1688',
	defaultOperation: 'create',
	operations: { create, get, getReasons, submitReturnShipment, uploadVoucher },
	options: [
		{ name: 'Create', value: 'create', action: 'Create 1688 refund', description: 'Apply for a refund or a return with refund on lines of a 1688 order. Safety › Dry Run only previews, and Safety › Max Total stops a row whose previewed total is above it.' },
		{ name: 'Get', value: 'get', action: 'Get 1688 refund', description: 'Read a 1688 refund by its refund ID, with its status' },
		{ name: 'Get Reasons', value: 'getReasons', action: 'Get 1688 refund reasons', description: 'List the refund reasons 1688 allows for order lines' },
		{ name: 'Submit Return Shipment', value: 'submitReturnShipment', action: 'Submit 1688 return shipment', description: 'Tell the 1688 seller how the goods were sent back' },
		{ name: 'Upload Voucher', value: 'uploadVoucher', action: 'Upload 1688 refund voucher', description: 'Upload an evidence image for a 1688 refund or return' },
	],
};
