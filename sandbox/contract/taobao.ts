import { z } from 'zod';

import { TAOBAO_ORDER_STATUSES } from '../taobao/state';
import type { TaobaoOrderStatus } from '../taobao/state';
import { integerId, optionalText, positiveQuantity, stringId } from './common';
import type { AreaContract } from './common';

/**
 * Taobao cart and order contract. Documented: cart add (doc/api-250313100), cart create order
 * (doc/api-250313096), order create (doc-en/api-263477610), IM link (doc-en/api-263477616). The
 * other shapes are ours, chosen to match those neighbours:
 * - cart list/edit/delete/preview mirror the 1688 cart (`id` + `quantity`; `ids` as cart create
 *   names them; list grouped by shop into enableList/disableList);
 * - order render takes create's body; detail, logistics: GET with `orderId` in the query;
 *   page: GET `pageNo`/`pageSize` (1–50)/`status`;
 * - cancel, pay, voucher, warehouse: POST with an integer `orderId`; the voucher takes
 *   `imageBase64` or `imageAddress` like the 1688 image search; the warehouse takes `receiver` as
 *   create does (a JSON object in a string).
 */

/** The address object every Taobao order body uses (all strings; mobile or phone needed). */
const receiverFields = {
	zip: optionalText(32),
	country: optionalText(64),
	state: z.string().min(1).max(100),
	city: z.string().min(1).max(100),
	district: optionalText(100),
	address: z.string().min(1).max(300),
	phone: optionalText(64),
	mobile_phone: optionalText(64),
	name: z.string().min(1).max(100),
};
export const taobaoReceiver = z
	.object(receiverFields)
	.strict()
	.refine((r) => Boolean(r.mobile_phone || r.phone), { message: 'mobile_phone or phone is required' });

/** A string field that must hold JSON matching `schema` (the API's JSON-in-a-string fields). */
function jsonString(schema: z.ZodTypeAny) {
	return z.string().superRefine((text, ctx) => {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a string holding JSON' });
			return;
		}
		const inner = schema.safeParse(parsed);
		if (!inner.success) {
			for (const issue of inner.error.issues) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `inner JSON ${issue.path.join('.') || '(root)'}: ${issue.message}` });
			}
		}
	});
}

export const orderLine = z
	.object({
		itemId: stringId,
		skuId: stringId,
		orderLineNo: z.string().min(1).max(64),
		quantity: positiveQuantity,
		price: z.number().int().positive(),
		currency: z.literal('CNY'),
	})
	.strict();

const orderLineList = jsonString(
	z
		.array(orderLine)
		.min(1)
		.max(100)
		.refine((lines) => new Set(lines.map((l) => l.orderLineNo)).size === lines.length, { message: 'orderLineNo must be unique' }),
);

const property = z
	.object({ propId: z.string().max(64), propName: z.string().max(100), valueId: z.string().max(64), valueName: z.string().max(100) })
	.strict();

/** Query strings are text: a whole number as digits. */
const digits = (min: number, max: number) =>
	z.string().regex(/^\d{1,9}$/, 'must be a whole number').refine((v) => Number(v) >= min && Number(v) <= max, { message: `must be from ${min} to ${max}` });

const orderBody = {
	orderLineList,
	receiver: jsonString(taobaoReceiver),
};

export const TAOBAO: AreaContract = {
	taobaoCartAdd: {
		body: z
			.object({
				userId: optionalText(64),
				platform: z.number().int().nonnegative().optional(),
				itemId: integerId,
				skuId: stringId,
				itemTitle: optionalText(300),
				itemPic: optionalText(1000),
				mpId: z.string().min(1).max(64),
				mpSkuId: z.string().min(1).max(64),
				price: z.number().int().nonnegative().optional(),
				promotionPrice: z.number().int().nonnegative().optional(),
				properties: jsonString(z.array(property).max(20)).optional(),
				quantity: positiveQuantity,
				shopId: integerId.optional(),
				shopName: optionalText(200),
				skuQuantity: z.string().regex(/^\d{1,9}$/).optional(),
				userNick: optionalText(100),
			})
			.strict(),
	},
	taobaoCartList: { query: z.object({ userId: optionalText(64) }).strict() },
	taobaoCartEditQuantity: { body: z.object({ id: integerId, quantity: positiveQuantity }).strict() },
	taobaoCartDelete: { body: z.object({ ids: z.array(integerId).min(1) }).strict() },
	taobaoCartPreview: { body: z.object({ ids: z.array(integerId).min(1) }).strict() },
	taobaoCartCreateOrder: {
		body: z
			.object({
				ids: z.array(integerId).min(1),
				orderAddress: taobaoReceiver,
				userId: optionalText(64),
			})
			.strict(),
	},
	taobaoOrderPreview: { body: z.object(orderBody).strict() },
	taobaoOrderCreate: {
		body: z
			.object({
				...orderBody,
				purchaseAmount: z.number().int().positive(),
				orderSource: optionalText(64),
				sellerOrderNumber: optionalText(64),
			})
			.strict(),
	},
	taobaoOrderDetail: { query: z.object({ orderId: stringId }).strict() },
	taobaoOrderPage: {
		query: z
			.object({
				pageNo: digits(1, 100_000),
				pageSize: digits(1, 50),
				status: z.enum(TAOBAO_ORDER_STATUSES as [TaobaoOrderStatus, ...TaobaoOrderStatus[]]).optional(),
			})
			.strict(),
	},
	taobaoOrderCancel: { body: z.object({ orderId: integerId, cancelReason: optionalText(200) }).strict() },
	taobaoOrderPay: { body: z.object({ orderId: integerId }).strict() },
	taobaoOrderVoucher: {
		body: z
			.object({
				orderId: integerId,
				imageBase64: z.string().min(1).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be plain base64 (no data: prefix)').optional(),
				imageAddress: z.string().url().max(1000).optional(),
				remark: optionalText(200),
			})
			.strict()
			.refine((b) => (b.imageBase64 === undefined) !== (b.imageAddress === undefined), {
				message: 'exactly one of imageBase64 and imageAddress is required',
			}),
	},
	taobaoOrderWarehouse: { body: z.object({ orderId: integerId, receiver: jsonString(taobaoReceiver) }).strict() },
	taobaoOrderImLink: {
		body: z.object({ sourceType: z.enum(['item', 'order']), bizId: stringId }).strict(),
	},
	taobaoLogistics: { query: z.object({ subPurchaseOrderId: stringId }).strict() },
};
