import { z } from 'zod';

import { integerId, noQuery, optionalText, positiveQuantity, stringId } from './common';
import { orderAddressParam as addressParam } from './common';
import type { AreaContract } from './common';

const cargo = z.object({ offerId: integerId, specId: z.string().max(64).optional(), quantity: positiveQuantity }).strict();
const batchCargo = cargo.extend({ sellerOpenId: z.string().max(64).optional() }).strict();

const orderOptions = {
	message: optionalText(500),
	shopPromotionId: optionalText(64),
	tradeType: optionalText(64),
};

export const ORDER_1688: AreaContract = {
	order1688Preview: {
		body: z.object({ addressParam, cargoParamList: z.array(cargo).min(1).max(100) }).strict(),
	},
	order1688Create: {
		body: z
			.object({ flow: z.string().min(1).max(32), ...orderOptions, addressParam, cargoParamList: z.array(cargo).min(1).max(100) })
			.strict(),
	},
	order1688PreviewBatch: {
		body: z.object({ addressParam, cargoParamList: z.array(batchCargo).min(1).max(500) }).strict(),
	},
	order1688CreateBatch: {
		body: z
			.object({
				flow: z.string().min(1).max(32).optional(),
				...orderOptions,
				addressParam,
				cargoParamList: z.array(batchCargo).min(1).max(500),
			})
			.strict(),
	},
	order1688Detail: {
		body: z.object({ webSite: z.literal('1688'), orderId: stringId }).strict(),
	},
	order1688Page: {
		body: z
			.object({
				pageNo: z.number().int().positive(),
				pageSize: z.number().int().min(1).max(50),
				status: z.enum(['waitbuyerpay', 'waitsellersend', 'waitbuyerreceive', 'confirm_goods', 'success', 'cancel', 'terminated']).optional(),
			})
			.strict(),
	},
	order1688Cancel: {
		body: z
			.object({ webSite: z.literal('1688'), orderId: integerId, cancelReason: z.string().min(1).max(200), remark: optionalText(500) })
			.strict(),
	},
	order1688PayUrl: { query: z.object({ orderId: stringId }).strict() },
	order1688BulkPay: { body: z.object({ orderIds: z.array(stringId).min(1).max(50) }).strict() },
	order1688ConfirmReceipt: {
		body: z.object({ orderId: integerId, orderEntryIds: z.array(integerId).optional() }).strict(),
	},
	address1688Save: {
		body: z
			.object({
				id: integerId.optional(),
				name: z.string().min(1).max(100),
				province: z.string().min(1).max(100),
				city: z.string().min(1).max(100),
				district: optionalText(100),
				address: z.string().min(1).max(200),
				phone: z.string().min(1).max(40),
			})
			.strict(),
	},
	address1688List: { query: noQuery },
};
