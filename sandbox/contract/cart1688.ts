import { z } from 'zod';

import { addressParam, integerId, noQuery, optionalText, positiveQuantity } from './common';
import type { AreaContract } from './common';

export const CART_1688: AreaContract = {
	cart1688Add: {
		body: z
			.object({ offerId: integerId, specId: z.string().max(64).optional(), quantity: positiveQuantity })
			.strict(),
	},
	cart1688List: { query: noQuery },
	cart1688EditQuantity: {
		body: z
			.object({
				id: integerId,
				quantity: positiveQuantity,
				productNo: optionalText(64),
				container: optionalText(64),
			})
			.strict(),
	},
	cart1688Delete: { body: z.object({ cartIds: z.array(integerId).min(1) }).strict() },
	cart1688Preview: {
		body: z.object({ addressParam, cartIds: z.array(integerId).min(1) }).strict(),
	},
	cart1688CreateOrder: {
		body: z
			.object({
				flow: z.string().min(1).max(32),
				message: optionalText(500),
				shopPromotionId: optionalText(64),
				tradeType: optionalText(64),
				addressParam,
				cartIds: z.array(integerId).min(1),
				userId: optionalText(64),
				staffName: optionalText(64),
			})
			.strict(),
	},
};
