import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { fenToYuan } from '../../../shared/money';
import { totalFen } from '../../../shared/preview';
import { idText } from '../../../shared/responses';
import { callPandapon } from '../../../shared/transport';
import { orderInputFields, readOrderBody } from './orderLines';

export const description: INodeProperties[] = orderInputFields('preview');

/** Prices an order body as the seller would charge it today; Create's Max Total is checked against it. */
export async function renderOrder(
	this: IExecuteFunctions,
	i: number,
	body: { orderLineList: string; receiver: string },
): Promise<{ totalFen: number; preview: IDataObject }> {
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoOrderPreview, { itemIndex: i, body });
	const render = (data ?? {}) as IDataObject;
	const preview: IDataObject = {
		totalAmount: render.totalAmount,
		totalAmountYuan: fenToYuan(render.totalAmount),
		goodsAmount: render.goodsAmount,
		postFee: render.postFee,
		postFeeYuan: fenToYuan(render.postFee),
		currency: render.currency,
		canBuy: render.canBuy,
		orderLines: ((render.orderLines ?? []) as IDataObject[]).map((line) => ({
			...line,
			itemId: idText(line.itemId),
			skuId: idText(line.skuId),
			priceYuan: fenToYuan(line.price),
		})),
	};
	return { totalFen: totalFen(this.getNode(), i, 'taobaoOrderPreview', 'data.totalAmount', render.totalAmount), preview };
}

export async function execute(this: IExecuteFunctions, i: number) {
	const { preview } = await renderOrder.call(this, i, readOrderBody(this, i));
	return preview;
}
