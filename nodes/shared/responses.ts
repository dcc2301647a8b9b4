import type { IDataObject } from 'n8n-workflow';

import type { CallResult } from './transport';
import { moneyOut } from './units';

/**
 * Readers of write answers. They read exactly what Pandapon publishes (or, for an answer it does
 * not publish, only an id that is plainly there) and never make up a result. When the answer does
 * not say what was created or paid, the item is an unknown outcome:
 *
 *   { outcome: 'unknown', accepted: true, reason: string, clientRequestId: string,
 *     requestId?: string, raw: <the answer's data, or null when it had none> }
 *
 * `accepted` says Pandapon answered code 200; `clientRequestId` is the call's own nonce-str, to
 * quote when looking the order up. An unknown outcome is never reported as failed: the order may
 * exist.
 */

/** What the transport returns for a call that Pandapon accepted. */
export type Answer = CallResult;

export function unknownOutcome(answer: Answer, reason: string): IDataObject {
	return {
		outcome: 'unknown',
		accepted: true,
		reason,
		clientRequestId: answer.clientRequestId,
		requestId: answer.requestId,
		raw: answer.data === undefined ? null : (answer.data as IDataObject),
	};
}

/**
 * An id as exact text (order, refund or shipment id), or undefined when the value is none: never
 * the text "undefined", never a number rounded past 2^53, never 0.
 */
export function idOf(value: unknown): string | undefined {
	if (typeof value === 'bigint') return value > 0n ? value.toString() : undefined;
	if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
	return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value.trim()) ? value.trim() : undefined;
}

/**
 * An id of a Taobao answer as text, whatever its form (the transport already turned 19-digit ones
 * into strings); undefined when absent. Looser than idOf: it reads ids, it does not vouch for them.
 */
export function idText(value: unknown): string | undefined {
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** The value as an object of fields, or undefined for a list, a scalar or nothing. */
export function record(value: unknown): IDataObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/**
 * Create-from-cart (1688 doc-en/api-263477662, Taobao doc/api-250313096): both pages publish a bare
 * envelope `{requestId, code, developId, msg}` without data, so the orders made are not known.
 */
export function readCartOrderAnswer(answer: Answer, cartIds: string[]): IDataObject {
	return {
		...unknownOutcome(
			answer,
			'Pandapon accepted the order, but its documented answer names no order id; find the orders with Order › Get Many before running this item again',
		),
		cartIds,
	};
}

const BATCH = 'order1688CreateBatch';

/**
 * 1688 Create Batch (doc-en/api-263477645, v2 example doc-cnv2/api-288855706): `data` is a list of
 * order-detail objects; the id is `baseInfo.idOfStr` (`baseInfo.id` as a fallback), amounts in yuan.
 * Each order comes out in fen with the raw yuan beside; an order without a readable id is unknown.
 */
export function readBatchOrders(answer: Answer): { orders: IDataObject[] } | IDataObject {
	if (!Array.isArray(answer.data)) {
		return unknownOutcome(answer, 'Pandapon accepted the batch, but its answer is not the documented list of orders');
	}
	return {
		orders: answer.data.map((entry) => {
			const order = record(entry) ?? {};
			const base = record(order.baseInfo) ?? {};
			const orderId = idOf(base.idOfStr) ?? idOf(base.id);
			const items = (Array.isArray(order.productItems) ? order.productItems : []) as IDataObject[];
			const lines = items.map((p) => ({ offerId: idOf(p.productID), specId: p.specId }));
			if (orderId === undefined) {
				return { ...unknownOutcome({ ...answer, data: entry }, 'an order in Pandapon\'s answer has no readable baseInfo.idOfStr'), sellerOpenId: base.sellerOpenId, lines };
			}
			return {
				orderId,
				sellerOpenId: base.sellerOpenId,
				status: base.status,
				...moneyOut(BATCH, 'data[].baseInfo.totalAmount', base.totalAmount),
				...moneyOut(BATCH, 'data[].baseInfo.shippingFee', base.shippingFee),
				lines,
			};
		}),
	};
}

/**
 * Bulk submit-and-pay (doc-en/api-263477643) publishes no answer. A `payResults` list with
 * `{orderId, success}` is read when present; every order it does not mention, and every order when
 * it is absent, is unknown: Pandapon may well have paid it.
 */
export function readBulkPay(answer: Answer, orderIds: string[]): Map<string, IDataObject> {
	const results = record(answer.data)?.payResults;
	const listed = new Map<string, IDataObject>();
	if (Array.isArray(results)) {
		for (const r of results as unknown[]) {
			const entry = record(r);
			const id = idOf(entry?.orderId);
			if (entry && id !== undefined && typeof entry.success === 'boolean') listed.set(id, { ...entry, orderId: id });
		}
	}
	return new Map(
		orderIds.map((id) => [
			id,
			listed.get(id) ??
				unknownOutcome(answer, Array.isArray(results) ? 'Pandapon\'s answer does not mention this order' : 'Pandapon\'s answer to bulk pay says nothing about single orders'),
		]),
	);
}
