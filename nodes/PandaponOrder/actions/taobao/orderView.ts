import type { IDataObject } from 'n8n-workflow';

import { fenToYuan } from '../../../shared/money';
import { idText } from '../../../shared/responses';

function subOrders(order: IDataObject): IDataObject[] {
	return ((order.subOrders ?? []) as IDataObject[]).map((line) => ({
		subOrderId: idText(line.subOrderId),
		orderLineNo: line.orderLineNo,
		itemId: idText(line.itemId),
		skuId: idText(line.skuId),
		quantity: line.quantity,
		price: line.price,
		priceYuan: fenToYuan(line.price),
	}));
}

/**
 * What Create answered (the page publishes no answer): the order id, totals in fen with yuan
 * beside (shared/units.ts). Without a readable id the row is an unknown outcome (see shared/safety/written.ts).
 */
export function createdOrder(data: unknown): IDataObject {
	const order = (data ?? {}) as IDataObject;
	return {
		orderId: idText(order.orderId),
		status: order.status,
		totalAmount: order.totalAmount,
		totalAmountYuan: fenToYuan(order.totalAmount),
		postFee: order.postFee,
		postFeeYuan: fenToYuan(order.postFee),
		subOrders: subOrders(order),
	};
}

/** The fields a workflow usually needs from a Taobao order (Get and Get Many). */
export function simplifyTaobaoOrder(data: unknown): IDataObject {
	const order = (data ?? {}) as IDataObject;
	const receiver = (order.receiver ?? {}) as IDataObject;
	return {
		orderId: idText(order.orderId),
		status: order.status,
		totalAmount: order.totalAmount,
		totalAmountYuan: fenToYuan(order.totalAmount),
		postFee: order.postFee,
		postFeeYuan: fenToYuan(order.postFee),
		createTime: order.createTime,
		payTime: order.payTime,
		sellerOrderNumber: order.sellerOrderNumber,
		receiverName: receiver.name,
		lines: ((order.subOrders ?? []) as IDataObject[]).map((line) => ({
			subOrderId: idText(line.subOrderId),
			itemId: idText(line.itemId),
			skuId: idText(line.skuId),
			title: line.itemTitle,
			quantity: line.quantity,
			price: line.price,
			priceYuan: fenToYuan(line.price),
			trackingNumber: line.logisticNumber,
		})),
	};
}
