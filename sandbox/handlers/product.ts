import { createHash } from 'node:crypto';

import { TAOBAO_SORTS } from '../contract/product';
import {
	CATALOGUE_ITEMS,
	CATALOGUE_OFFERS,
	categoryLevel,
	childCategories,
	findCatalogueItem,
	findCatalogueOffer,
	findCategory,
	matchesKeyword,
	sellerProfile,
	translateWord,
} from '../productData';
import type { CatalogueItem, CatalogueOffer, Category, Language, OfferFilter } from '../productData';
import { sellerOf } from '../seed';
import { CODES, SandboxError } from '../errors';
import type { AreaHandlers } from './common';

/** The list shape of §1.7, used by every product list (1688 and Taobao). */
function pageOf<T, R>(all: T[], page: number, pageSize: number, render: (value: T) => R) {
	return {
		totalRecords: all.length,
		totalPage: Math.ceil(all.length / pageSize),
		pageSize,
		currentPage: page,
		data: all.slice((page - 1) * pageSize, page * pageSize).map(render),
	};
}

const notFound = (what: string) => new SandboxError(200, CODES.notFound, what);

// ---------------------------------------------------------------------------------------------
// 1688

const minPrice = (offer: CatalogueOffer) => Math.min(...offer.specs.map((s) => s.priceFen));
const stockOf = (offer: CatalogueOffer) => offer.specs.reduce((sum, s) => sum + s.stock, 0);
const imagesOf = (offer: CatalogueOffer) => [offer.imageUrl, ...offer.extraImages];
const percent = (rate: number) => `${Math.round(rate * 100)}%`;

function inCategory(offer: CatalogueOffer, categoryId: number): boolean {
	for (let c: Category | undefined = findCategory(offer.categoryId); c && c.categoryId !== 0; c = findCategory(c.parentCateId)) {
		if (c.categoryId === categoryId) return true;
	}
	return false;
}

/** `颜色:黑色;尺码:M` → [{attributeName, value, …Trans}], as 1688 returns SKU attributes. */
function skuAttributes(text: string, language: Language) {
	return text.split(';').map((pair) => {
		const [name, value] = pair.split(':');
		return {
			attributeName: name,
			attributeNameTrans: translateWord(name, language),
			value,
			valueTrans: translateWord(value, language),
		};
	});
}

function offerListItem(offer: CatalogueOffer, language: Language) {
	return {
		offerId: offer.offerId,
		subject: offer.title,
		subjectTrans: offer.subjectTrans[language],
		imageUrl: offer.imageUrl,
		price: minPrice(offer),
		monthSold: offer.monthSold,
		repurchaseRate: percent(offer.repurchaseRate),
		isOnePsale: offer.tags.includes('isOnePsale'),
		sellerOpenId: offer.sellerOpenId,
		categoryId: offer.categoryId,
	};
}

function offerDetail(offer: CatalogueOffer) {
	const category = findCategory(offer.categoryId)!;
	const seller = sellerProfile(offer.sellerOpenId)!;
	const stock = stockOf(offer);
	return {
		offerId: offer.offerId,
		categoryId: offer.categoryId,
		categoryName: category.chineseName,
		categoryNameTrans: category.names.en,
		subject: offer.title,
		subjectTrans: offer.subjectTrans.en,
		description: offer.description,
		images: imagesOf(offer),
		productAttribute: offer.attributes.map(([name, value]) => ({
			attributeName: name,
			attributeNameTrans: translateWord(name, 'en'),
			value,
			valueTrans: translateWord(value, 'en'),
		})),
		skuInfos: offer.specs.map((spec) => ({
			specId: spec.specId,
			skuId: spec.skuId,
			price: spec.priceFen,
			consignPrice: spec.priceFen,
			amountOnSale: spec.stock,
			skuAttributes: skuAttributes(spec.attributes, 'en'),
		})),
		saleInfo: {
			amountOnSale: stock,
			priceRanges: offer.priceRanges.map(([startQuantity, price]) => ({ startQuantity, price })),
			unit: offer.unit,
			quoteType: offer.specs.length > 1 ? 1 : 0,
		},
		shippingInfo: {
			sendGoodsAddressText: `${seller.province} ${seller.city}`,
			weight: offer.weightGrams,
			shippingTimeGuarantee: offer.tags.includes('shipInToday') ? 'shipInToday' : offer.tags.includes('shipIn24Hours') ? 'shipIn24Hours' : 'shipIn48Hours',
			carriage: sellerOf(offer.sellerOpenId).carriageFen,
		},
		sellerOpenId: offer.sellerOpenId,
		companyName: seller.companyName,
		shopUrl: seller.shopUrl,
		minOrderQuantity: offer.minOrderQuantity,
		status: 'published',
		soldOut: stock === 0,
		monthSold: offer.monthSold,
		repurchaseRate: percent(offer.repurchaseRate),
		serviceTags: offer.tags,
		detailUrl: `https://detail.1688.com/offer/${offer.offerId}.html`,
	};
}

interface OfferQuery {
	keyword?: string;
	filter?: string;
	sort?: string;
	priceStart?: string;
	priceEnd?: string;
	categoryId?: string | number | bigint;
}

/** Keyword, tags, price bounds (yuan, on the lowest SKU price) and category, then the sort. */
function selectOffers(offers: CatalogueOffer[], q: OfferQuery): CatalogueOffer[] {
	const tags = q.filter ? (q.filter.split(',') as OfferFilter[]) : [];
	const from = q.priceStart === undefined ? 0 : Math.round(Number(q.priceStart) * 100);
	const to = q.priceEnd === undefined ? Infinity : Math.round(Number(q.priceEnd) * 100);
	const selected = offers.filter(
		(o) =>
			(!q.keyword || matchesKeyword(q.keyword, [o.title, o.subjectTrans.en])) &&
			tags.every((t) => o.tags.includes(t)) &&
			minPrice(o) >= from &&
			minPrice(o) <= to &&
			(q.categoryId === undefined || inCategory(o, Number(q.categoryId))),
	);
	if (!q.sort) return selected;
	const [[field, direction]] = Object.entries(JSON.parse(q.sort) as Record<string, 'asc' | 'desc'>);
	const value = (o: CatalogueOffer) => (field === 'price' ? minPrice(o) : field === 'monthSold' ? o.monthSold : o.repurchaseRate);
	const sign = direction === 'asc' ? 1 : -1;
	return [...selected].sort((a, b) => sign * (value(a) - value(b)));
}

/**
 * A stand-in for visual similarity: an image URL the catalogue knows finds that listing first and
 * its category next; any other image gives a stable order derived from its bytes.
 */
function bySimilarity<T>(all: T[], image: { imageBase64?: string; imageAddress?: string }, keyOf: (v: T) => string, images: (v: T) => string[], categoryOf: (v: T) => number): T[] {
	let seed = '';
	if (image.imageBase64 !== undefined) {
		const bytes = Buffer.from(image.imageBase64, 'base64');
		if (!isImage(bytes)) throw new SandboxError(200, CODES.invalidRequest, 'imageBase64 is not a JPEG, PNG, GIF or WEBP image');
		seed = createHash('sha256').update(bytes).digest('hex');
	} else {
		seed = image.imageAddress!;
	}
	const exact = all.find((v) => images(v).includes(image.imageAddress ?? ''));
	const score = (v: T) =>
		v === exact ? -2 : exact && categoryOf(v) === categoryOf(exact) ? -1 : parseInt(createHash('md5').update(seed + keyOf(v)).digest('hex').slice(0, 8), 16);
	return [...all].sort((a, b) => score(a) - score(b));
}

function isImage(bytes: Buffer): boolean {
	const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
	return (
		(bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) ||
		ascii(0, 8) === '\x89PNG\r\n\x1a\n' ||
		ascii(0, 4) === 'GIF8' ||
		(ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
	);
}

function offer(offerId: unknown): CatalogueOffer {
	const found = findCatalogueOffer(offerId as bigint | number | string);
	if (!found) throw notFound(`offer ${String(offerId)} does not exist or is no longer published`);
	return found;
}

function categoryView(category: Category, language: Language) {
	return {
		categoryId: category.categoryId,
		chineseName: category.chineseName,
		translatedName: category.names[language],
		language,
		parentCateId: category.parentCateId,
		level: categoryLevel(category),
		leaf: childCategories(category.categoryId).length === 0,
	};
}

// ---------------------------------------------------------------------------------------------
// Taobao

const tbMin = (item: CatalogueItem, key: 'priceFen' | 'promotionPriceFen') => Math.min(...item.skus.map((s) => s[key]));

function taobaoDetail(item: CatalogueItem, skuIds?: string[]) {
	const skus = skuIds ? item.skus.filter((s) => skuIds.includes(s.skuId)) : item.skus;
	return {
		itemId: BigInt(item.itemId),
		mpId: item.mpId,
		title: item.title,
		price: tbMin(item, 'priceFen'),
		promotionPrice: tbMin(item, 'promotionPriceFen'),
		quantity: item.skus.reduce((sum, s) => sum + s.quantity, 0),
		shopId: item.shopId,
		shopName: item.shopName,
		// Text, as the page types it (doc-vnm/api-250496531).
		categoryId: String(item.categoryId),
		categoryName: item.categoryName,
		categoryPath: item.categoryPath,
		picUrls: item.picUrls,
		description: item.description,
		itemType: item.itemType,
		status: 'ONSALE',
		beginAmount: item.beginAmount,
		productUnit: item.productUnit,
		userNick: item.userNick,
		skuList: skus.map((s) => ({
			skuId: s.skuId,
			mpSkuId: s.mpSkuId,
			price: s.priceFen,
			promotionPrice: s.promotionPriceFen,
			quantity: s.quantity,
			status: s.quantity > 0 ? 'ONSALE' : 'SOLDOUT',
			picUrl: item.picUrls[0],
			properties: s.properties,
		})),
	};
}

function taobaoListItem(item: CatalogueItem) {
	return {
		itemId: BigInt(item.itemId),
		title: item.title,
		picUrl: item.picUrls[0],
		price: tbMin(item, 'priceFen'),
		promotionPrice: tbMin(item, 'promotionPriceFen'),
		sales: item.sales,
		tkRate: item.tkRate,
		shopId: item.shopId,
		shopName: item.shopName,
		location: item.location,
	};
}

type TaobaoSort = (typeof TAOBAO_SORTS)[number];

function sortItems(items: CatalogueItem[], sort: TaobaoSort | undefined): CatalogueItem[] {
	if (!sort) return items;
	const value: Record<TaobaoSort, (i: CatalogueItem) => number> = {
		price_asc: (i) => tbMin(i, 'promotionPriceFen'),
		price_desc: (i) => -tbMin(i, 'promotionPriceFen'),
		total_sales_desc: (i) => -i.sales,
		tk_rate_desc: (i) => -i.tkRate,
	};
	return [...items].sort((a, b) => value[sort](a) - value[sort](b));
}

const itemMatches = (keyword: string | undefined) => (i: CatalogueItem) =>
	!keyword || matchesKeyword(keyword, [i.title, i.titleTrans.en]);

// ---------------------------------------------------------------------------------------------

export const PRODUCT: AreaHandlers = {
	product1688Get: ({ body }) => offerDetail(offer(body.offerId)),
	product1688Search: ({ body }) =>
		pageOf(selectOffers(CATALOGUE_OFFERS, body as OfferQuery), body.beginPage as number, body.pageSize as number, (o) => offerListItem(o, 'en')),
	product1688ImageSearch: ({ body }) => {
		const similar = bySimilarity(
			CATALOGUE_OFFERS,
			body as { imageBase64?: string; imageAddress?: string },
			(o) => String(o.offerId),
			imagesOf,
			(o) => o.categoryId,
		);
		return pageOf(selectOffers(similar, body as OfferQuery), body.beginPage as number, body.pageSize as number, (o) => offerListItem(o, 'en'));
	},
	product1688StoreSearch: ({ body }) => {
		const sellerOpenId = body.sellerOpenId as string;
		if (!sellerProfile(sellerOpenId)) throw notFound(`seller ${sellerOpenId} does not exist`);
		const own = CATALOGUE_OFFERS.filter((o) => o.sellerOpenId === sellerOpenId);
		return pageOf(selectOffers(own, body as OfferQuery), body.beginPage as number, body.pageSize as number, (o) => offerListItem(o, 'en'));
	},
	product1688Recommend: ({ body }) => {
		const popular = [...CATALOGUE_OFFERS].sort((a, b) => b.monthSold - a.monthSold || a.offerId - b.offerId);
		return pageOf(popular, body.beginPage as number, body.pageSize as number, (o) => offerListItem(o, 'en'));
	},
	product1688Related: ({ body }) => {
		const base = offer(body.offerId);
		const parent = findCategory(base.categoryId)!.parentCateId;
		const closeness = (o: CatalogueOffer) => (o.categoryId === base.categoryId ? 0 : inCategory(o, parent) ? 1 : 2);
		const related = CATALOGUE_OFFERS.filter((o) => o !== base && closeness(o) < 2).sort(
			(a, b) => closeness(a) - closeness(b) || b.monthSold - a.monthSold,
		);
		const language = body.language as Language;
		return pageOf(related, body.pageNo as number, body.pageSize as number, (o) => offerListItem(o, language));
	},
	product1688Category: ({ body }) => {
		const category = findCategory(Number(body.categoryId));
		if (!category) throw notFound(`category ${String(body.categoryId)} does not exist`);
		const language = body.language as Language;
		return {
			...categoryView(category, language),
			children: childCategories(category.categoryId).map((c) => categoryView(c, language)),
		};
	},
	product1688Wangwang: ({ body }) => {
		const sellerOpenId = body.offerId === undefined ? (body.sellerOpenId as string) : offer(body.offerId).sellerOpenId;
		const seller = sellerProfile(sellerOpenId);
		if (!seller) throw notFound(`seller ${sellerOpenId} does not exist`);
		return {
			sellerOpenId,
			loginId: seller.loginId,
			wangwangUrl: `https://amos.alibaba.com/msg.aw?v=2&uid=${encodeURIComponent(seller.loginId)}&site=cnalichn&s=10&charset=UTF-8`,
		};
	},
	taobaoProductGet: ({ query }) => {
		const item = findCatalogueItem(query.itemId);
		if (!item) throw notFound(`Taobao item ${query.itemId} does not exist or is off the shelf`);
		return taobaoDetail(item);
	},
	taobaoProductBatchCheck: ({ body }) => {
		const entries = JSON.parse(body.params as string) as Array<{ itemId: string; skuIds?: string[] }>;
		const mpProducts: unknown[] = [];
		const noMpProductItemIds: string[] = [];
		const noMpReasonList: Array<{ itemId: string; reason: string }> = [];
		for (const entry of entries) {
			const item = findCatalogueItem(entry.itemId);
			if (item) {
				mpProducts.push(taobaoDetail(item, entry.skuIds));
			} else {
				noMpProductItemIds.push(entry.itemId);
				noMpReasonList.push({ itemId: entry.itemId, reason: '商品不存在或已下架' });
			}
		}
		return { mpProducts, noMpProductItemIds, noMpReasonList };
	},
	taobaoProductSource: ({ body }) => {
		const item = findCatalogueItem(body.itemId as string);
		if (!item) throw notFound(`Taobao item ${String(body.itemId)} does not exist or is off the shelf`);
		const language = body.language as Language | undefined;
		return {
			itemId: BigInt(item.itemId),
			itemResource: item.itemType === 'tmall' ? 'TMALL' : 'TAOBAO',
			sourceUrl:
				item.itemType === 'tmall'
					? `https://detail.tmall.com/item.htm?id=${item.itemId}`
					: `https://item.taobao.com/item.htm?id=${item.itemId}`,
			title: item.title,
			...(language ? { language, titleTrans: item.titleTrans[language] } : {}),
			description: item.description,
			shopId: item.shopId,
			shopName: item.shopName,
			location: item.location,
		};
	},
	taobaoProductSearch: ({ body }) => {
		const found = sortItems(CATALOGUE_ITEMS.filter(itemMatches(body.keyword as string)), body.sort as TaobaoSort | undefined);
		return pageOf(found, body.pageNo as number, body.pageSize as number, taobaoListItem);
	},
	taobaoProductImageSearch: ({ body }) => {
		const similar = bySimilarity(
			CATALOGUE_ITEMS,
			body as { imageBase64?: string; imageAddress?: string },
			(i) => i.itemId,
			(i) => i.picUrls,
			(i) => i.categoryId,
		);
		return pageOf(similar, body.pageNo as number, body.pageSize as number, taobaoListItem);
	},
	taobaoShopSearch: ({ body }) => {
		const shopId = Number(body.shopId);
		const own = CATALOGUE_ITEMS.filter((i) => i.shopId === shopId);
		if (own.length === 0) throw notFound(`Taobao shop ${shopId} does not exist`);
		const found = sortItems(own.filter(itemMatches(body.keyword as string | undefined)), body.sort as TaobaoSort | undefined);
		return pageOf(found, body.pageNo as number, body.pageSize as number, taobaoListItem);
	},
};
