import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { orderIdField as sharedOrderIdField } from '../../../shared/fields/orderId';
import { callPandapon } from '../../../shared/transport';
import { moneyOut } from '../../../shared/units';
import type { EndpointKey } from '../../../shared/catalogue';
import { readLocatorIdText } from '../../../shared/fields/locator';

export const orderIdField = sharedOrderIdField('1688');

/** 1688 trade statuses, as the order detail page lists them. */
export const ORDER_STATUS_OPTIONS = [
	{ name: 'Cancelled', value: 'cancel' },
	{ name: 'Confirmed Receipt', value: 'confirm_goods' },
	{ name: 'Succeeded', value: 'success' },
	{ name: 'Terminated', value: 'terminated' },
	{ name: 'Waiting for Buyer to Pay', value: 'waitbuyerpay' },
	{ name: 'Waiting for Buyer to Receive', value: 'waitbuyerreceive' },
	{ name: 'Waiting for Seller to Ship', value: 'waitsellersend' },
];

export const description: INodeProperties[] = forOperation('1688', 'get', [orderIdField, simplifyField]);

/**
 * The fields a workflow usually needs from a 1688 order. 1688 answers amounts in yuan (discount in
 * fen); they come out in fen with yuan and the raw value beside (shared/units.ts). `prefix` is where
 * the order sits in the endpoint's answer.
 */
export function simplifyOrder(data: unknown, endpoint: EndpointKey = 'order1688Detail', prefix = 'data.'): IDataObject {
	const order = (data ?? {}) as IDataObject;
	const base = (order.baseInfo ?? {}) as IDataObject;
	const items = (order.productItems ?? []) as IDataObject[];
	const receiver = (base.receiverInfo ?? {}) as IDataObject;
	return {
		orderId: base.idOfStr ?? (base.id === undefined ? undefined : String(base.id)),
		status: base.status,
		...moneyOut(endpoint, `${prefix}baseInfo.totalAmount`, base.totalAmount),
		...moneyOut(endpoint, `${prefix}baseInfo.shippingFee`, base.shippingFee),
		...moneyOut(endpoint, `${prefix}baseInfo.discount`, base.discount),
		sellerOpenId: base.sellerOpenId,
		createTime: base.createTime,
		receiverName: receiver.toFullName,
		items: items.map((item) => ({
			subItemId: item.subItemIDString ?? (item.subItemID === undefined ? undefined : String(item.subItemID)),
			offerId: item.productID,
			specId: item.specId,
			name: item.name,
			quantity: item.quantity,
			...moneyOut(endpoint, `${prefix}productItems[].price`, item.price),
			...moneyOut(endpoint, `${prefix}productItems[].itemAmount`, item.itemAmount),
			status: item.status,
		})),
	};
}

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorIdText(this, 'orderId', 'Order ID', i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { data } = await callPandapon.call(this, ENDPOINTS.order1688Detail, {
		itemIndex: i,
		body: { webSite: '1688', orderId },
	});
	return simplify ? simplifyOrder(data) : ((data ?? {}) as IDataObject);
}
