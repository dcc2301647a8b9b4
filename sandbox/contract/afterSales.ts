import { z } from 'zod';

import { GOODS_STATUSES } from '../refunds1688';
import { integerId, noQuery, optionalText, positiveQuantity, stringId } from './common';
import type { AreaContract } from './common';

const fen = z.number().int().nonnegative();
const goodsStatus1688 = z.enum(GOODS_STATUSES);
const refundId1688 = z.string().regex(/^TQ\d{1,30}$/, 'must be a 1688 refund id (TQ followed by digits)');
const imageUrl = z.string().url().max(1000);
const vouchers = z.array(imageUrl).max(10).optional();

const refundType = z.union([z.literal(1), z.literal(2)]);
const goodsStatusTaobao = z.union([z.literal(1), z.literal(2)]);
/** `refundImages` is one string: image URLs separated by commas, at most three. */
const refundImages = z
	.string()
	.max(3000)
	.refine((s) => {
		const urls = s.split(',');
		return urls.length <= 3 && urls.every((u) => imageUrl.safeParse(u).success);
	}, 'must be up to 3 image URLs separated by commas')
	.optional();
const refundIdQuery = z.object({ refundId: stringId }).strict();

export const AFTER_SALES: AreaContract = {
	refund1688Reasons: {
		body: z.object({ orderId: integerId, orderEntryIds: z.array(integerId).min(1), goodsStatus: goodsStatus1688 }).strict(),
	},
	refund1688Create: {
		body: z
			.object({
				orderId: integerId,
				orderEntryIds: z.array(integerId).min(1).optional(),
				disputeRequest: z.enum(['refund', 'returnRefund']),
				applyPayment: fen,
				applyCarriage: fen,
				applyReasonId: z.number().int().positive(),
				description: z.string().min(1).max(500),
				goodsStatus: goodsStatus1688,
				vouchers,
				orderEntryCountList: z.array(z.object({ id: integerId, count: positiveQuantity }).strict()).min(1).optional(),
			})
			.strict(),
	},
	// One mirror shows refundId in the query, the other in the body; the node sends both.
	refund1688Get: {
		query: z.object({ refundId: refundId1688.optional() }).strict(),
		body: z.object({ refundId: refundId1688.optional() }).strict(),
	},
	refund1688ReturnGoods: {
		body: z
			.object({
				refundId: refundId1688,
				logisticsCompanyNo: z.string().min(1).max(32),
				freightBill: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, 'must be a tracking number'),
				description: optionalText(500),
				vouchers,
			})
			.strict(),
	},
	refund1688Voucher: {
		body: z
			.object({
				imageBase64: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64').optional(),
				imageAddress: imageUrl.optional(),
			})
			.strict()
			.refine((b) => (b.imageBase64 === undefined) !== (b.imageAddress === undefined), 'exactly one of imageBase64 and imageAddress is required'),
	},
	taobaoRefundPage: {
		body: z
			.object({
				refundId: stringId.optional(),
				purchaseOrderId: stringId.optional(),
				salesOrderId: stringId.optional(),
				refundStatus: z.number().int().optional(),
				refundStartTime: z.number().int().nonnegative().optional(),
				refundEndTime: z.number().int().nonnegative().optional(),
				pageNo: z.number().int().positive(),
				pageSize: z.number().int().min(1).max(50),
			})
			.strict(),
	},
	taobaoRefundRender: {
		body: z.object({ subOrderId: stringId, refundType, goodsStatus: goodsStatusTaobao }).strict(),
	},
	taobaoRefundCreate: {
		body: z
			.object({
				subOrderId: stringId,
				refundType,
				goodsStatus: goodsStatusTaobao,
				reasonId: z.number().int().positive(),
				refundFee: z.number().int().positive(),
				refundMemo: optionalText(500),
				refundImages,
			})
			.strict(),
	},
	taobaoRefundGet: { query: refundIdQuery },
	taobaoRefundModify: {
		body: z
			.object({
				refundId: stringId,
				goodsStatus: goodsStatusTaobao.optional(),
				reasonId: z.number().int().positive().optional(),
				refundFee: z.number().int().positive().optional(),
				refundMemo: optionalText(500),
				refundImages,
			})
			.strict()
			.refine((b) => Object.keys(b).length > 1, 'at least one field to change is required'),
	},
	taobaoRefundCancel: { path: z.object({ refundId: stringId }).strict(), query: noQuery },
	taobaoRefundMessages: { body: z.object({ refundId: stringId }).strict() },
	taobaoRefundMessage: {
		body: z.object({ refundId: stringId, refundMessage: z.string().min(1).max(500), refundImages }).strict(),
	},
	taobaoReturnRender: { query: refundIdQuery },
	taobaoReturnSubmit: {
		body: z
			.object({
				refundId: stringId,
				logisticsCompanyCode: z.string().min(1).max(32),
				logisticsWaybillNo: z.string().regex(/^[A-Za-z0-9-]{4,40}$/, 'must be a tracking number'),
			})
			.strict(),
	},
};
