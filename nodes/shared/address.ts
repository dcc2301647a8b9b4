import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from './errors';
import { checkText, compact } from './params';

/** One line of an address form: 1688's shipping address, Taobao's receiver, the overseas consignee. */
export interface AddressLine {
	name: string;
	displayName: string;
	placeholder: string;
	required?: boolean;
	description?: string;
	default?: string;
}

/**
 * A required address parameter: one group of text fields, one per line so sheet columns map one to
 * one. Required lines are marked in the form (n8n's asterisk and parameter issue) and checked again
 * per item by the operation's reader.
 */
export function addressForm(
	form: Pick<INodeProperties, 'displayName' | 'name' | 'placeholder' | 'description' | 'displayOptions'> & { section: { displayName: string; name: string } },
	lines: AddressLine[],
): INodeProperties {
	const { section, displayOptions, ...labels } = form;
	return {
		...labels,
		type: 'fixedCollection',
		default: {},
		required: true,
		...(displayOptions === undefined ? {} : { displayOptions }),
		options: [
			{
				...section,
				values: lines.map((f) => ({
					displayName: f.displayName,
					name: f.name,
					type: 'string' as const,
					default: f.default ?? '',
					...(f.required ? { required: true } : {}),
					placeholder: f.placeholder,
					...(f.description === undefined ? {} : { description: f.description }),
				})),
			},
		],
	};
}

/** 1688's `addressParam` (FastAdress). */
const ADDRESS_FIELDS: AddressLine[] = [
	{ name: 'fullName', displayName: 'Full Name', placeholder: 'e.g. 张三', required: true },
	{ name: 'mobile', displayName: 'Mobile', placeholder: 'e.g. 13800138000', description: 'Mobile or phone is required' },
	{ name: 'phone', displayName: 'Phone', placeholder: 'e.g. 0571-88888888' },
	{ name: 'provinceText', displayName: 'Province', placeholder: 'e.g. 浙江省', required: true },
	{ name: 'cityText', displayName: 'City', placeholder: 'e.g. 杭州市', required: true },
	{ name: 'areaText', displayName: 'District', placeholder: 'e.g. 余杭区' },
	{ name: 'townText', displayName: 'Town', placeholder: 'e.g. 五常街道' },
	{ name: 'address', displayName: 'Street Address', placeholder: 'e.g. 文一西路969号', required: true },
	{ name: 'postCode', displayName: 'Post Code', placeholder: 'e.g. 311121' },
	{ name: 'districtCode', displayName: 'District Code', placeholder: 'e.g. 330110' },
];

/** The shipping address parameter shared by every order-creating operation. */
export function addressProperty(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return addressForm(
		{
			displayName: 'Shipping Address',
			name: 'shippingAddress',
			placeholder: 'Add Address',
			displayOptions,
			description: 'The domestic (China) address the seller ships to, usually your forwarding warehouse',
			section: { displayName: 'Address', name: 'address' },
		},
		ADDRESS_FIELDS,
	);
}

/** The address for the v1 order calls: their pages' FastAdress has no districtCode (only the cart pages show it). */
export function orderAddress(address: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(address).filter(([key]) => key !== 'districtCode'));
}

/** Reads and checks the address for item `i`: every required part present, mobile or phone given. */
export function readAddress(ctx: IExecuteFunctions, i: number): IDataObject {
	const raw = (ctx.getNodeParameter('shippingAddress.address', i, {}) ?? {}) as IDataObject;
	const out: IDataObject = {};
	for (const field of ADDRESS_FIELDS) {
		out[field.name] = checkText(ctx, raw[field.name], `Shipping Address › ${field.displayName}`, i, {
			required: field.required,
			maxLength: 200,
		});
	}
	if (!out.mobile && !out.phone) {
		throw inputError(ctx.getNode(), i, 'Shipping Address › Mobile', 'mobile or phone is required');
	}
	return compact(out);
}
