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
		{ name: 'Create', value: 'create', action: 'Create a 1688 refund or return', description: 'Apply for a refund or a return with refund' },
		{ name: 'Get', value: 'get', action: 'Get a 1688 refund', description: 'Get a refund and its status' },
		{ name: 'Get Reasons', value: 'getReasons', action: 'Get 1688 refund reasons', description: 'List the reasons allowed for order lines' },
		{ name: 'Submit Return Shipment', value: 'submitReturnShipment', action: 'Submit a 1688 return shipment', description: 'Tell the seller how the goods were sent back' },
		{ name: 'Upload Voucher', value: 'uploadVoucher', action: 'Upload a 1688 refund voucher', description: 'Upload an evidence image for a refund or return' },
	],
};
