import type { IDataObject, INode } from 'n8n-workflow';

import type { EndpointKey } from './catalogue';
import { inputError } from './errors';
import { fenToYuan } from './money';
import { moneyOut, toFen, unitOf } from './units';

/** The parameter a refusal names: the total is read only for Dry Run or Max Total. */
export const SAFETY_TOTAL = 'Safety › Max Total (Fen) / Dry Run';

/**
 * Can't verify, don't spend: a total that cannot be read, or is not a finite amount in a known
 * unit, stops the item before anything is created or paid (never a total of 0 that passes any cap).
 */
export function unverifiableTotal(node: INode, i: number, problem: string): Error {
	return inputError(
		node,
		i,
		SAFETY_TOTAL,
		`${problem}, so the total cannot be checked; nothing was created or paid`,
		'Run the matching Preview (or Get) operation to see what Pandapon answers, or turn Dry Run and Max Total off for this item.',
	);
}

/** One amount that a guard relies on, in fen, or the refusal naming the item. */
export function totalFen(node: INode, i: number, endpoint: EndpointKey, field: string, value: unknown): number {
	const fen = toFen(endpoint, field, value);
	if (fen === undefined) {
		const unit = unitOf(endpoint, field)?.unit;
		throw unverifiableTotal(
			node,
			i,
			unit
				? `${field} is ${JSON.stringify(value) ?? 'missing'}, not an amount in ${unit}`
				: `the unit of ${field} is not known`,
		);
	}
	return fen;
}

function previews(data: unknown): unknown {
	return (data as IDataObject | null)?.orderPreviewResuslt;
}

const SUM_PAYMENT = 'data.orderPreviewResuslt[].sumPayment';

/**
 * The total a 1688 preview would charge, in fen: what Max Total is checked against. Every
 * per-seller entry (the API's own spelling `orderPreviewResuslt`) must carry a readable sumPayment,
 * and a preview without entries is refused rather than read as 0.
 */
export function previewTotal(node: INode, i: number, endpoint: EndpointKey, data: unknown): { totalFen: number; preview: IDataObject } {
	const list = previews(data);
	if (!Array.isArray(list) || list.length === 0) {
		throw unverifiableTotal(node, i, 'the preview lists no order (orderPreviewResuslt is empty or missing)');
	}
	const total = (list as IDataObject[]).reduce((sum, p) => sum + totalFen(node, i, endpoint, SUM_PAYMENT, p.sumPayment), 0);
	return { totalFen: total, preview: simplifyPreview(endpoint, data) };
}

/** Totals across the per-seller previews, fen with yuan beside (units.ts); unreadable amounts stay undefined. */
export function simplifyPreview(endpoint: EndpointKey, data: unknown): IDataObject {
	const list = (Array.isArray(previews(data)) ? previews(data) : []) as IDataObject[];
	const sum = (key: string) => {
		const amounts = list.map((p) => toFen(endpoint, `data.orderPreviewResuslt[].${key}`, p[key]));
		return amounts.length > 0 && amounts.every((a) => a !== undefined) ? amounts.reduce((t, a) => t + a, 0) : undefined;
	};
	const sumPayment = sum('sumPayment');
	const sumCarriage = sum('sumCarriage');
	return {
		sumPayment,
		sumPaymentYuan: fenToYuan(sumPayment),
		sumCarriage,
		sumCarriageYuan: fenToYuan(sumCarriage),
		orderCount: list.length,
		orders: list.map((p) => ({
			sellerOpenId: p.sellerOpenId,
			...moneyOut(endpoint, SUM_PAYMENT, p.sumPayment),
			...moneyOut(endpoint, 'data.orderPreviewResuslt[].sumCarriage', p.sumCarriage),
			...moneyOut(endpoint, 'data.orderPreviewResuslt[].discountFee', p.discountFee),
			lineCount: Array.isArray(p.cargoList) ? p.cargoList.length : 0,
		})),
	};
}
