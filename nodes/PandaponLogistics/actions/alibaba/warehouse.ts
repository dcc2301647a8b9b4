import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressForm } from '../../../shared/address';
import type { AddressLine } from '../../../shared/address';
import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { fenToYuan } from '../../../shared/money';
import { checkText, compact, readIdList, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

/** Fields and calls shared by the warehouse operations (freight preview, shipment creation). */

export const orderIdsField: INodeProperties = {
	displayName: 'Order IDs',
	name: 'orderIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2542285634920880794, 2542285634921880797',
	description: 'Paid 1688 order IDs separated by commas, or an expression that gives a list; they ship together as one parcel',
};

export function countryField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. US',
		description,
	};
}

/** An ISO 3166 two-letter code, upper-cased; shops send `us` as often as `US`. */
export function checkCountry(ctx: IExecuteFunctions, raw: unknown, label: string, i: number): string {
	const code = checkText(ctx, raw, label, i, { required: true, maxLength: 10 }).toUpperCase();
	if (!/^[A-Z]{2}$/.test(code)) {
		throw inputError(ctx.getNode(), i, label, `"${code}" is not a two-letter country code`, 'Use ISO 3166 codes such as US, GB or DE.');
	}
	return code;
}

/** Order ids as digit strings, which is how the warehouse endpoints take them (never numbers: 19 digits do not fit one). */
export function readOrderIds(ctx: IExecuteFunctions, i: number): string[] {
	const ids = readIdList(ctx, 'orderIds', 'Order IDs', i).map(String);
	if (ids.length > 50) throw inputError(ctx.getNode(), i, 'Order IDs', `${ids.length} IDs given; at most 50 ship together`);
	return ids;
}

export interface FreightPreview extends IDataObject {
	totalFreightFen: number;
}

/** The warehouse's freight for orders consolidated into one parcel, in fen with yuan beside (shared/units.ts). */
export async function previewFreight(
	this: IExecuteFunctions,
	i: number,
	body: { orderIds: string[]; country: string; channelCode?: string },
): Promise<FreightPreview> {
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.warehouseOrderFreight, {
		itemIndex: i,
		body: compact(body),
	});
	const preview = (data ?? {}) as IDataObject;
	const orders = (preview.orders ?? []) as IDataObject[];
	const totalFreightFen = Number(preview.totalFreight) || 0;
	return {
		country: preview.country,
		channelCode: preview.channelCode,
		channelName: preview.channelName,
		days: preview.days,
		totalWeightGrams: preview.totalWeight,
		totalFreightFen,
		totalFreightYuan: fenToYuan(totalFreightFen),
		orders: orders.map((o) => ({
			orderId: String(o.orderId),
			weightGrams: o.weight,
			freightFen: o.freight,
			freightYuan: fenToYuan(o.freight),
		})),
		requestId,
	};
}

const CONSIGNEE_FIELDS: Array<AddressLine & { maxLength: number }> = [
	{ name: 'name', displayName: 'Name', placeholder: 'e.g. Jane Doe', required: true, maxLength: 100 },
	{ name: 'phone', displayName: 'Phone', placeholder: 'e.g. +1 415 555 0100', required: true, maxLength: 40 },
	{ name: 'country', displayName: 'Country Code', placeholder: 'e.g. US', required: true, maxLength: 10 },
	{ name: 'state', displayName: 'State', placeholder: 'e.g. CA', maxLength: 100 },
	{ name: 'city', displayName: 'City', placeholder: 'e.g. San Francisco', required: true, maxLength: 100 },
	{ name: 'address', displayName: 'Street Address', placeholder: 'e.g. 1 Market St, Apt 5', required: true, maxLength: 300 },
	{ name: 'postcode', displayName: 'Postcode', placeholder: 'e.g. 94105', maxLength: 20 },
];

export const consigneeField: INodeProperties = addressForm(
	{
		displayName: 'Consignee',
		name: 'consignee',
		placeholder: 'Add Consignee',
		description: 'Who receives the parcel abroad, usually your shop customer',
		section: { displayName: 'Consignee', name: 'consignee' },
	},
	CONSIGNEE_FIELDS,
);

export function readConsignee(ctx: IExecuteFunctions, i: number): IDataObject {
	const raw = (ctx.getNodeParameter('consignee.consignee', i, {}) ?? {}) as IDataObject;
	const out: IDataObject = {};
	for (const field of CONSIGNEE_FIELDS) {
		const label = `Consignee › ${field.displayName}`;
		out[field.name] =
			field.name === 'country'
				? checkCountry(ctx, raw.country, label, i)
				: checkText(ctx, raw[field.name], label, i, { required: field.required, maxLength: field.maxLength });
	}
	return compact(out);
}

/** The warehouse channel to use, as the estimate and preview operations output it. */
export function readChannelCode(ctx: IExecuteFunctions, i: number, required: boolean): string {
	return readText(ctx, 'channelCode', 'Channel Code', i, { required, maxLength: 32 });
}
