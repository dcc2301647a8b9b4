import { z } from 'zod';

import { noQuery, optionalText, stringId } from './common';
import type { AreaContract } from './common';

/**
 * 1688 logistics. Tracking and the company list are menu items without a readable page; the four
 * warehouse endpoints exist only in the Xportcn sister menu. All shapes below are therefore our
 * choice, kept minimal:
 *
 * - logistics1688Trace: GET ?orderId=<digits> → `{ orderId, status, logisticsList: [{ logisticsId,
 *   logisticsCompanyNo, logisticsCompanyName, logisticsBillNo, orderEntryIds: "id,id",
 *   deliveredTime: "yyyyMMddHHmmssSSS+0800", logisticsSteps: [{ acceptTime: "yyyy-MM-dd HH:mm:ss",
 *   remark }] }] }` (field names from 1688's logistics-info and trace calls; an unshipped order
 *   has an empty list).
 * - logistics1688Companies: GET → `[{ id, companyNo, companyName, companyPhone, spelling }]`.
 * - warehouseFreightEstimate: `{ country, weight (g), length?, width?, height? (cm) }` →
 *   `[{ channelCode, channelName, chargeableWeight (g), freight (fen), days: "min-max" }]`, cheapest first.
 * - warehouseOrderFreight: `{ orderIds: string[], country, channelCode? }` → `{ country, channelCode,
 *   channelName, days, totalWeight, totalFreight, orders: [{ orderId, weight, freight }] }`; the
 *   total is the orders consolidated into one parcel (cheapest channel when none is named).
 * - warehouseShipmentCreate: `{ orderIds, channelCode, consignee{…}, declaredValue (fen) }` →
 *   `{ shipmentNo, channelCode, weight, freight, orderIds }`.
 * - warehouseDomesticUpdate: `{ orderId, logisticsCompanyNo, logisticsBillNo }` → `true`.
 *
 * Order ids travel as digit strings here, as in bulk pay's `orderIds`, so no 19-digit id is ever a number.
 */

const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 two-letter country code');
const centimetres = z.number().int().positive().max(300).optional();
const orderIds = z.array(stringId).min(1).max(50);
const channelCode = z.string().min(1).max(32);
const carrierCode = z.string().min(1).max(32);

const consignee = z
	.object({
		name: z.string().min(1).max(100),
		phone: z.string().min(1).max(40),
		country,
		state: optionalText(100),
		city: z.string().min(1).max(100),
		address: z.string().min(1).max(300),
		postcode: optionalText(20),
	})
	.strict();

export const LOGISTICS: AreaContract = {
	logistics1688Trace: { query: z.object({ orderId: stringId }).strict() },
	logistics1688Companies: { query: noQuery },
	warehouseFreightEstimate: {
		body: z
			.object({
				country,
				weight: z.number().int().positive().max(100_000),
				length: centimetres,
				width: centimetres,
				height: centimetres,
			})
			.strict()
			.refine((b) => [b.length, b.width, b.height].every((d) => d === undefined) || [b.length, b.width, b.height].every((d) => d !== undefined), {
				message: 'length, width and height go together',
			}),
	},
	warehouseOrderFreight: {
		body: z.object({ orderIds, country, channelCode: channelCode.optional() }).strict(),
	},
	warehouseShipmentCreate: {
		body: z
			.object({
				orderIds,
				channelCode,
				consignee,
				declaredValue: z.number().int().positive().max(100_000_000),
			})
			.strict(),
	},
	warehouseDomesticUpdate: {
		body: z
			.object({
				orderId: stringId,
				logisticsCompanyNo: carrierCode,
				logisticsBillNo: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, 'must be a tracking number'),
			})
			.strict(),
	},
};
