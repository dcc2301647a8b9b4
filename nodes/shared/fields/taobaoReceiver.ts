import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressForm } from '../address';
import type { AddressLine } from '../address';
import { inputError } from '../errors';
import { checkText, compact } from '../params';

/**
 * Taobao's receiver object (order create `receiver`, cart create `orderAddress`, pre-warehouse
 * update): usually the forwarder's warehouse in China. `wire` is the API's key for each field.
 */
const RECEIVER_FIELDS: Array<AddressLine & { wire: string }> = [
	{ name: 'name', wire: 'name', displayName: 'Name', placeholder: 'e.g. 王小明 (仓库 A123)', required: true },
	{ name: 'mobilePhone', wire: 'mobile_phone', displayName: 'Mobile Phone', placeholder: 'e.g. 13800138000', description: 'Mobile phone or phone is required' },
	{ name: 'phone', wire: 'phone', displayName: 'Phone', placeholder: 'e.g. 0571-88888888' },
	{ name: 'country', wire: 'country', displayName: 'Country', placeholder: 'e.g. CN', default: 'CN' },
	{ name: 'state', wire: 'state', displayName: 'Province', placeholder: 'e.g. 浙江省', required: true },
	{ name: 'city', wire: 'city', displayName: 'City', placeholder: 'e.g. 杭州市', required: true },
	{ name: 'district', wire: 'district', displayName: 'District', placeholder: 'e.g. 余杭区' },
	{ name: 'address', wire: 'address', displayName: 'Street Address', placeholder: 'e.g. 文一西路969号 3号仓', required: true },
	{ name: 'zip', wire: 'zip', displayName: 'Zip', placeholder: 'e.g. 311121' },
];

/** The receiver parameter: one field per line so sheet columns map one to one. */
export function receiverProperty(
	displayOptions: INodeProperties['displayOptions'],
	description = 'Where the seller ships: usually your forwarder\'s warehouse in China',
): INodeProperties {
	return addressForm(
		{ displayName: 'Receiver', name: 'receiver', placeholder: 'Add Receiver', displayOptions, description, section: { displayName: 'Address', name: 'address' } },
		RECEIVER_FIELDS,
	);
}

/** Reads and checks the receiver of item `i`, keyed as the API names the fields. */
export function readReceiver(ctx: IExecuteFunctions, i: number): IDataObject {
	const raw = (ctx.getNodeParameter('receiver.address', i, {}) ?? {}) as IDataObject;
	const out: IDataObject = {};
	for (const field of RECEIVER_FIELDS) {
		out[field.wire] = checkText(ctx, raw[field.name], `Receiver › ${field.displayName}`, i, {
			required: field.required,
			maxLength: field.wire === 'address' ? 300 : 100,
		});
	}
	if (!out.mobile_phone && !out.phone) {
		throw inputError(ctx.getNode(), i, 'Receiver › Mobile Phone', 'mobile phone or phone is required');
	}
	return compact(out);
}
