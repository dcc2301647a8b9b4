import type { IDataObject } from 'n8n-workflow';

import { fenToYuan } from './money';

function previews(data: unknown): IDataObject[] {
	return ((data as IDataObject | null)?.orderPreviewResuslt ?? []) as IDataObject[];
}

/** The total a 1688 preview would charge, in fen: what Max Total is checked against. */
export function previewTotal(data: unknown): { totalFen: number; preview: IDataObject } {
	const preview = simplifyPreview(data);
	return { totalFen: preview.sumPayment as number, preview };
}

/** Totals across the per-seller previews (the API's own spelling `orderPreviewResuslt`), fen with yuan beside (D5). */
export function simplifyPreview(data: unknown): IDataObject {
	const list = previews(data);
	const sum = (key: string) => list.reduce((total, p) => total + (Number(p[key]) || 0), 0);
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
			sumPayment: p.sumPayment,
			sumCarriage: p.sumCarriage,
			discountFee: p.discountFee,
			lineCount: Array.isArray(p.cargoList) ? p.cargoList.length : 0,
		})),
	};
}
