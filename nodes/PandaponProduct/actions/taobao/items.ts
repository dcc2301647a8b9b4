import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Endpoint } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { fenToYuan } from '../../../shared/money';
import { fetchList } from '../../../shared/paging';
import type { Body } from '../../../shared/paging';

/** Documented for the Taobao search: `pageSize` 1–40. */
export const PAGE_MAX_TAOBAO = 40;

const id = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

const SORTS = ['price_asc', 'price_desc', 'tk_rate_desc', 'total_sales_desc'];

export const sortField: INodeProperties = {
	displayName: 'Sort By',
	name: 'sort',
	type: 'options',
	default: 'relevance',
	options: [
		{ name: 'Commission Rate (High to Low)', value: 'tk_rate_desc' },
		{ name: 'Price (High to Low)', value: 'price_desc' },
		{ name: 'Price (Low to High)', value: 'price_asc' },
		{ name: 'Relevance', value: 'relevance', description: "Taobao's own order" },
		{ name: 'Sales (High to Low)', value: 'total_sales_desc' },
	],
};

export function readSort(ctx: IExecuteFunctions, i: number): string | undefined {
	const sort = ctx.getNodeParameter('sort', i, 'relevance') as string;
	if (sort === 'relevance') return undefined;
	if (!SORTS.includes(sort)) throw inputError(ctx.getNode(), i, 'Sort By', `"${sort}" is not a sort Taobao offers`);
	return sort;
}

/** "尺码: 42; 颜色: 白色" from a SKU's `properties`. */
function propertiesText(properties: unknown): string {
	return ((properties ?? []) as IDataObject[]).map((p) => `${String(p.propName)}: ${String(p.valueName)}`).join('; ');
}

/**
 * The fields a workflow usually needs from a Taobao item: IDs as text, prices in fen with yuan
 * beside (shared/units.ts), and per SKU what the cart needs (`mpId`, `mpSkuId`, stock).
 */
export function simplifyItem(data: unknown): IDataObject {
	const item = (data ?? {}) as IDataObject;
	const pictures = (item.picUrls ?? []) as string[];
	return {
		itemId: id(item.itemId),
		mpId: item.mpId,
		title: item.title,
		status: item.status,
		itemType: item.itemType,
		price: item.price,
		priceYuan: fenToYuan(item.price),
		promotionPrice: item.promotionPrice,
		promotionPriceYuan: fenToYuan(item.promotionPrice),
		quantity: item.quantity,
		shopId: id(item.shopId),
		shopName: item.shopName,
		categoryName: item.categoryName,
		picUrl: pictures[0],
		skus: ((item.skuList ?? []) as IDataObject[]).map((s) => ({
			skuId: id(s.skuId),
			mpSkuId: s.mpSkuId,
			properties: propertiesText(s.properties),
			price: s.price,
			priceYuan: fenToYuan(s.price),
			promotionPrice: s.promotionPrice,
			promotionPriceYuan: fenToYuan(s.promotionPrice),
			quantity: s.quantity,
			status: s.status,
		})),
	};
}

/** A listed item: IDs as text, prices in fen with yuan beside. */
export function itemRow(row: IDataObject): IDataObject {
	return {
		...row,
		itemId: id(row.itemId),
		shopId: id(row.shopId),
		priceYuan: fenToYuan(row.price),
		promotionPriceYuan: fenToYuan(row.promotionPrice),
	};
}

/** A Taobao list for item `i`, one output item per Taobao item. */
export async function listItems(
	this: IExecuteFunctions,
	i: number,
	endpoint: Endpoint,
	body: Body,
): Promise<IDataObject[]> {
	const rows = await fetchList.call(this, i, endpoint, { pageField: 'pageNo', pageMax: PAGE_MAX_TAOBAO }, body);
	return rows.map(itemRow);
}
