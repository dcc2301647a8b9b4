import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressProperty, readAddress } from '../../../shared/address';
import { cartIdsField } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { fenToYuan } from '../../../shared/money';
import { forOperation, showFor } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = [
	...forOperation('1688', 'previewOrder', [cartIdsField, simplifyField]),
	addressProperty(showFor('1688', 'previewOrder')),
];

/** Totals across the per-seller previews, in fen with yuan beside (D5). */
export function simplifyPreview(data: unknown): IDataObject {
	const previews = ((data as IDataObject | null)?.orderPreviewResuslt ?? []) as IDataObject[];
	const sum = (key: string) => previews.reduce((total, p) => total + (Number(p[key]) || 0), 0);
	const sumPayment = sum('sumPayment');
	const sumCarriage = sum('sumCarriage');
	return {
		sumPayment,
		sumPaymentYuan: fenToYuan(sumPayment),
		sumCarriage,
		sumCarriageYuan: fenToYuan(sumCarriage),
		orderCount: previews.length,
		orders: previews.map((p) => ({
			sellerOpenId: p.sellerOpenId,
			sumPayment: p.sumPayment,
			sumCarriage: p.sumCarriage,
			discountFee: p.discountFee,
			lineCount: Array.isArray(p.cargoList) ? p.cargoList.length : 0,
		})),
	};
}

export async function execute(this: IExecuteFunctions, i: number) {
	const cartIds = readIdList(this, 'cartIds', 'Cart IDs', i);
	const addressParam = readAddress(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.cart1688Preview, {
		itemIndex: i,
		body: { addressParam, cartIds },
	});
	return { ...(simplify ? simplifyPreview(data) : (data as IDataObject)), requestId };
}
