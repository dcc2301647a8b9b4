import type { IDataObject, INode } from 'n8n-workflow';

import { fenToYuan } from '../../../shared/money';
import { totalFen } from '../../../shared/preview';
import { idText } from '../../../shared/responses';

/** A cart preview (what Preview Order outputs and what Create Order's Max Total is checked against). */
export function cartPreview(node: INode, i: number, data: unknown): { totalFen: number; preview: IDataObject } {
	const answer = (data ?? {}) as IDataObject;
	const preview: IDataObject = {
		totalAmount: answer.totalAmount,
		totalAmountYuan: fenToYuan(answer.totalAmount),
		goodsAmount: answer.goodsAmount,
		postFee: answer.postFee,
		postFeeYuan: fenToYuan(answer.postFee),
		currency: answer.currency,
		lines: ((answer.lines ?? []) as IDataObject[]).map((line) => ({
			...line,
			cartId: idText(line.cartId),
			itemId: idText(line.itemId),
			skuId: idText(line.skuId),
			priceYuan: fenToYuan(line.price),
		})),
	};
	return { totalFen: totalFen(node, i, 'taobaoCartPreview', 'data.totalAmount', answer.totalAmount), preview };
}
