import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { readInteger } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { checkCountry, countryField } from './warehouse';

const DIMENSIONS = [
	{ name: 'height', displayName: 'Height (Cm)' },
	{ name: 'length', displayName: 'Length (Cm)' },
	{ name: 'width', displayName: 'Width (Cm)' },
];

export const description: INodeProperties[] = forOperation('1688', 'estimateFreight', [
	countryField('country', 'Destination Country', 'ISO 3166 two-letter code of the country the parcel goes to'),
	{
		displayName: 'Weight (Grams)',
		name: 'weight',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 500,
		description: 'Actual weight of the packed parcel in grams',
	},
	{
		displayName: 'Dimensions',
		name: 'dimensions',
		type: 'collection',
		placeholder: 'Add Dimension',
		default: {},
		description: 'Package size in whole centimetres; give all three so volumetric weight can be charged where a channel does',
		options: DIMENSIONS.map((d) => ({
			displayName: d.displayName,
			name: d.name,
			type: 'number' as const,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 10,
		})),
	},
]);

function readDimensions(ctx: IExecuteFunctions, i: number): IDataObject {
	const given = (ctx.getNodeParameter('dimensions', i, {}) ?? {}) as IDataObject;
	const present = DIMENSIONS.filter((d) => given[d.name] !== undefined);
	if (present.length === 0) return {};
	if (present.length < DIMENSIONS.length) {
		throw inputError(ctx.getNode(), i, 'Dimensions', 'give length, width and height together, or none of them');
	}
	return Object.fromEntries(
		DIMENSIONS.map((d) => [d.name, readInteger(ctx, `dimensions.${d.name}`, `Dimensions › ${d.displayName}`, i, { min: 1, max: 300 })]),
	);
}

export async function execute(this: IExecuteFunctions, i: number) {
	const body = {
		country: checkCountry(this, this.getNodeParameter('country', i), 'Destination Country', i),
		weight: readInteger(this, 'weight', 'Weight (Grams)', i, { min: 1, max: 100_000 }),
		...readDimensions(this, i),
	};
	const { data } = await callPandapon.call(this, ENDPOINTS.warehouseFreightEstimate, { itemIndex: i, body });
	const lines = (Array.isArray(data) ? data : []) as IDataObject[];
	return lines.map((line) => ({
		channelCode: line.channelCode,
		channelName: line.channelName,
		freightFen: line.freight,
		freightYuan: fenToYuan(line.freight),
		days: line.days,
		chargeableWeightGrams: line.chargeableWeight,
		country: body.country,
	}));
}
