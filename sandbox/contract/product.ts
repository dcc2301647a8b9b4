import { z } from 'zod';

import { LANGUAGES, OFFER_FILTERS } from '../productData';
import { integerId, optionalText, stringId } from './common';
import type { AreaContract } from './common';

/**
 * Product endpoints of both platforms. Where Pandapon's pages are silent the choices are ours and
 * the node follows them: 1688 lists take at most 50 per page; a Taobao batch check takes at most 50
 * items; image searches take `imageBase64` or `imageAddress` (the 1688 page marks the first
 * required but also offers the second, so exactly one of them is sent); 1688 price bounds are yuan
 * as decimal text, the way 1688's own price filter reads.
 */

export const PAGE_MAX_1688 = 50;
/** Documented for the Taobao v2 search (`pageSize` 1–40). */
export const PAGE_MAX_TAOBAO = 40;
export const BATCH_CHECK_MAX = 50;

export const SORT_FIELDS_1688 = ['price', 'monthSold', 'rePurchaseRate'] as const;
export const TAOBAO_SORTS = ['price_asc', 'price_desc', 'total_sales_desc', 'tk_rate_desc'] as const;

/** A string field that carries JSON: the text must parse and its value must match `inner`. */
function jsonString(inner: z.ZodTypeAny) {
	return z.string().superRefine((text, ctx) => {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be JSON text' });
			return;
		}
		const checked = inner.safeParse(value);
		if (!checked.success) {
			for (const issue of checked.error.issues) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${['(json)', ...issue.path].join('.')}: ${issue.message}` });
			}
		}
	});
}

const country = z.literal('en');
const page = z.number().int().min(1).max(10_000);
const pageSize1688 = z.number().int().min(1).max(PAGE_MAX_1688);
const pageSizeTaobao = z.number().int().min(1).max(PAGE_MAX_TAOBAO);
const language = z.enum(LANGUAGES);
const yuan = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'must be a price in yuan, e.g. "12.5"');

/** `{"price":"desc"}`: one field, one direction. */
const sort1688 = jsonString(
	z
		.record(z.enum(SORT_FIELDS_1688), z.enum(['asc', 'desc']))
		.refine((o) => Object.keys(o).length === 1, 'exactly one sort field'),
);

/** Comma-separated search tags, e.g. `shipInToday,isOnePsale`. */
const filter = z.string().refine((text) => {
	const parts = text.split(',');
	return new Set(parts).size === parts.length && parts.every((p) => (OFFER_FILTERS as readonly string[]).includes(p));
}, `must be a comma-separated list of ${OFFER_FILTERS.join(', ')}`);

/** Standard base64 of at least one byte; the sandbox body limit bounds its size. */
const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/, 'must be base64');
const imageUrl = z.string().max(2000).regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');

const priceBounds = {
	priceStart: yuan.optional(),
	priceEnd: yuan.optional(),
};
const boundsInOrder = (b: { priceStart?: string; priceEnd?: string }) =>
	b.priceStart === undefined || b.priceEnd === undefined || Number(b.priceStart) <= Number(b.priceEnd);

const oneImage = (b: { imageBase64?: string; imageAddress?: string }) =>
	(b.imageBase64 === undefined) !== (b.imageAddress === undefined);

export const PRODUCT: AreaContract = {
	product1688Get: {
		body: z.object({ offerId: integerId, country, outMemberId: optionalText(64) }).strict(),
	},
	product1688Search: {
		body: z
			.object({
				keyword: z.string().min(1).max(200),
				beginPage: page,
				pageSize: pageSize1688,
				country,
				filter: filter.optional(),
				sort: sort1688.optional(),
				outMemberId: optionalText(64),
				...priceBounds,
				categoryId: stringId.optional(),
			})
			.strict()
			.refine(boundsInOrder, 'priceStart is above priceEnd'),
	},
	product1688ImageSearch: {
		body: z
			.object({
				imageBase64: base64.optional(),
				imageAddress: imageUrl.optional(),
				beginPage: page,
				pageSize: pageSize1688,
				country,
				region: z.string().regex(/^\d+,\d+,\d+,\d+$/, 'must be x1,x2,y1,y2').optional(),
				filter: filter.optional(),
				sort: sort1688.optional(),
				...priceBounds,
				categoryId: integerId.optional(),
				outMemberId: optionalText(64),
			})
			.strict()
			.refine(oneImage, 'send exactly one of imageBase64 and imageAddress')
			.refine(boundsInOrder, 'priceStart is above priceEnd'),
	},
	product1688StoreSearch: {
		body: z
			.object({
				sellerOpenId: z.string().min(1).max(64),
				keyword: optionalText(200),
				beginPage: page,
				pageSize: pageSize1688,
				filter: filter.optional(),
				sort: sort1688.optional(),
				outMemberId: optionalText(64),
				...priceBounds,
				categoryId: integerId.optional(),
				country,
			})
			.strict()
			.refine(boundsInOrder, 'priceStart is above priceEnd'),
	},
	product1688Recommend: {
		body: z.object({ beginPage: page, pageSize: pageSize1688, country, outMemberId: optionalText(64) }).strict(),
	},
	product1688Related: {
		body: z.object({ offerId: stringId, pageNo: page, pageSize: pageSize1688, language }).strict(),
	},
	product1688Category: {
		body: z.object({ categoryId: integerId, language }).strict(),
	},
	product1688Wangwang: {
		body: z
			.object({ sellerOpenId: z.string().min(1).max(64).optional(), offerId: integerId.optional() })
			.strict()
			.refine((b) => (b.sellerOpenId === undefined) !== (b.offerId === undefined), 'send exactly one of sellerOpenId and offerId'),
	},
	taobaoProductGet: { query: z.object({ itemId: stringId }).strict() },
	taobaoProductBatchCheck: {
		body: z
			.object({
				params: jsonString(
					z
						.array(z.object({ itemId: stringId, skuIds: z.array(stringId).min(1).optional() }).strict())
						.min(1)
						.max(BATCH_CHECK_MAX)
						.refine((list) => new Set(list.map((e) => e.itemId)).size === list.length, 'an itemId appears twice'),
				),
			})
			.strict(),
	},
	taobaoProductSource: {
		body: z.object({ itemId: stringId, language: language.optional() }).strict(),
	},
	taobaoProductSearch: {
		body: z
			.object({ keyword: z.string().min(1).max(200), pageNo: page, pageSize: pageSizeTaobao, sort: z.enum(TAOBAO_SORTS).optional() })
			.strict(),
	},
	taobaoProductImageSearch: {
		body: z
			.object({ imageBase64: base64.optional(), imageAddress: imageUrl.optional(), pageNo: page, pageSize: pageSizeTaobao })
			.strict()
			.refine(oneImage, 'send exactly one of imageBase64 and imageAddress'),
	},
	taobaoShopSearch: {
		body: z
			.object({
				shopId: integerId,
				keyword: optionalText(200),
				pageNo: page,
				pageSize: pageSizeTaobao,
				sort: z.enum(TAOBAO_SORTS).optional(),
			})
			.strict(),
	},
};
