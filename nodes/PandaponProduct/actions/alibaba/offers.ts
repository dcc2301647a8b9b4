import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Endpoint } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { fenToYuan } from '../../../shared/money';
import { compact, readId, readIdText, readText } from '../../../shared/params';
import { fetchList } from '../../../shared/paging';
import type { Body, Paging } from '../../../shared/paging';

/** Pandapon documents no page maximum for 1688 lists; 50 is the largest page this package asks for. */
export const PAGE_MAX_1688 = 50;

export const outMemberIdOption: INodeProperties = {
	displayName: 'Out Member ID',
	name: 'outMemberId',
	type: 'string',
	default: '',
	placeholder: 'e.g. shop-user-1024',
	description: 'Your own ID for the end customer this lookup is for, passed through to 1688',
};

export const sortFields: INodeProperties[] = [
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		default: 'relevance',
		options: [
			{ name: 'Monthly Sales', value: 'monthSold' },
			{ name: 'Price', value: 'price', description: 'The lowest SKU price' },
			{ name: 'Relevance', value: 'relevance', description: "1688's own order" },
			{ name: 'Repurchase Rate', value: 'rePurchaseRate', description: 'Share of buyers who ordered again' },
		],
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		default: 'desc',
		displayOptions: { hide: { sortBy: ['relevance'] } },
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
	},
];

const FILTERS = ['certifiedFactory', 'isOnePsale', 'noReason7DReturn', 'shipIn24Hours', 'shipInToday'];

const regionOption: INodeProperties = {
	displayName: 'Region',
	name: 'region',
	type: 'string',
	default: '',
	placeholder: 'e.g. 40,360,20,300',
	description: 'The part of the image to match, as pixel bounds x1,x2,y1,y2; by default 1688 picks the main subject',
};

/** The optional search parameters; image searches also take a Region. */
export function searchOptions(withRegion = false): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Category ID',
				name: 'categoryId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 124076001',
				description: 'Only offers in this category or below it (see Get Category)',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'multiOptions',
				default: [],
				description: 'Only offers that have all of these',
				options: [
					{ name: '7-Day No-Reason Return', value: 'noReason7DReturn' },
					{ name: 'Certified Factory', value: 'certifiedFactory' },
					{ name: 'Dropshipping (Single Piece)', value: 'isOnePsale' },
					{ name: 'Ships Today', value: 'shipInToday' },
					{ name: 'Ships Within 24 Hours', value: 'shipIn24Hours' },
				],
			},
			{
				displayName: 'Max Price (Yuan)',
				name: 'priceEnd',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Only offers whose lowest price is at most this, in yuan',
			},
			{
				displayName: 'Min Price (Yuan)',
				name: 'priceStart',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Only offers whose lowest price is at least this, in yuan',
			},
			outMemberIdOption,
			...(withRegion ? [regionOption] : []),
		],
	};
}

/** A price bound in yuan as the decimal text 1688 takes, or undefined when not set. */
function readYuan(ctx: IExecuteFunctions, name: string, label: string, i: number): string | undefined {
	const raw = ctx.getNodeParameter(`options.${name}`, i, '') as unknown;
	if (raw === '' || raw === null) return undefined;
	const value = typeof raw === 'string' ? Number(raw.trim()) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1e9) {
		throw inputError(ctx.getNode(), i, label, `${JSON.stringify(raw)} is not a price in yuan`);
	}
	return String(Math.round(value * 100) / 100);
}

/** `sort` is JSON inside a string (§1.9): `{"price":"desc"}`. */
function readSort(ctx: IExecuteFunctions, i: number): string | undefined {
	const sortBy = ctx.getNodeParameter('sortBy', i, 'relevance') as string;
	if (sortBy === 'relevance') return undefined;
	const order = ctx.getNodeParameter('sortOrder', i, 'desc') as string;
	if (!['monthSold', 'price', 'rePurchaseRate'].includes(sortBy) || !['asc', 'desc'].includes(order)) {
		throw inputError(ctx.getNode(), i, 'Sort By', `"${sortBy}" / "${order}" is not a sort 1688 offers`);
	}
	return JSON.stringify({ [sortBy]: order });
}

/**
 * Sort and Options of a 1688 search for item `i`. The keyword search types `categoryId` as a string
 * and the image and store searches as an integer, so the caller says which.
 */
export function readSearchOptions(ctx: IExecuteFunctions, i: number, categoryIdType: 'string' | 'integer'): Body {
	const raw = ctx.getNodeParameter('options.filters', i, []) as unknown;
	// An expression may give the tags as comma-separated text, the way the API itself takes them.
	const filters = typeof raw === 'string' ? raw.split(',').map((f) => f.trim()).filter((f) => f !== '') : raw;
	if (!Array.isArray(filters) || filters.some((f) => !FILTERS.includes(f as string))) {
		throw inputError(ctx.getNode(), i, 'Options › Filters', `expected some of ${FILTERS.join(', ')}`);
	}
	const priceStart = readYuan(ctx, 'priceStart', 'Options › Min Price (Yuan)', i);
	const priceEnd = readYuan(ctx, 'priceEnd', 'Options › Max Price (Yuan)', i);
	if (priceStart !== undefined && priceEnd !== undefined && Number(priceStart) > Number(priceEnd)) {
		throw inputError(ctx.getNode(), i, 'Options › Max Price (Yuan)', `${priceEnd} is below Min Price (${priceStart})`);
	}
	const categoryLabel = 'Options › Category ID';
	const hasCategory = ctx.getNodeParameter('options.categoryId', i, '') !== '';
	const categoryId = !hasCategory
		? undefined
		: categoryIdType === 'string'
			? readIdText(ctx, 'options.categoryId', categoryLabel, i)
			: readId(ctx, 'options.categoryId', categoryLabel, i);
	const region = readText(ctx, 'options.region', 'Options › Region', i, { maxLength: 100 });
	if (region !== '' && !/^\d+,\d+,\d+,\d+$/.test(region)) {
		throw inputError(ctx.getNode(), i, 'Options › Region', `"${region}" is not four pixel bounds x1,x2,y1,y2`);
	}
	return compact({
		filter: filters.join(','),
		sort: readSort(ctx, i),
		priceStart,
		priceEnd,
		categoryId,
		outMemberId: readText(ctx, 'options.outMemberId', 'Options › Out Member ID', i, { maxLength: 64 }),
		region,
	});
}

/** A listed offer: its ID as text (it may be long) and its price in fen with yuan beside (shared/units.ts). */
export function offerRow(row: IDataObject): IDataObject {
	return {
		...row,
		offerId: row.offerId === undefined ? undefined : String(row.offerId),
		priceYuan: fenToYuan(row.price),
	};
}

/** A 1688 list for item `i`, one output item per offer. */
export async function listOffers(
	this: IExecuteFunctions,
	i: number,
	endpoint: Endpoint,
	body: Body,
	pageField: Paging['pageField'] = 'beginPage',
): Promise<IDataObject[]> {
	const rows = await fetchList.call(this, i, endpoint, { pageField, pageMax: PAGE_MAX_1688 }, body);
	return rows.map(offerRow);
}
