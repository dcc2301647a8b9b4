import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { orderIdField } from '../../../shared/orderId';
import { readIdText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { outputUnshippedField, toIsoTime, trackingItems, trackingUrl } from '../parcel';
import type { ParcelOutput } from '../parcel';

export const description: INodeProperties[] = forOperation('taobao', 'getTracking', [
	orderIdField('taobao'),
	outputUnshippedField,
]);

/**
 * A parcel is partial when the order ships in several parcels, or when sub-orders are still
 * waiting for the seller (the order is still WAIT_SELLER_SEND_GOODS although a parcel left).
 */
export function taobaoParcels(orderId: string, data: unknown): ParcelOutput[] {
	const answer = (data ?? {}) as IDataObject;
	const list = (answer.logisticsList ?? []) as IDataObject[];
	const partial = list.length > 1 || answer.status === 'WAIT_SELLER_SEND_GOODS';
	return list.map((p) => {
		const carrierCode = String(p.logisticCompanyCode ?? '');
		const trackingNumber = String(p.logisticNumber ?? '');
		return {
			orderId,
			shipped: true,
			carrier: String(p.logisticCompanyName ?? ''),
			carrierCode,
			trackingNumber,
			trackingUrl: typeof p.trackingUrl === 'string' && p.trackingUrl !== '' ? p.trackingUrl : trackingUrl(carrierCode, trackingNumber),
			subItemIds: ((p.subOrderIds ?? []) as unknown[]).map(String),
			shippedAt: toIsoTime(p.consignTime),
			isPartial: partial,
			events: ((p.traces ?? []) as IDataObject[]).map((t) => ({ time: toIsoTime(t.time), description: String(t.desc ?? '') })),
		};
	});
}

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readIdText(this, 'orderId', 'Order ID', i);
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoLogistics, { itemIndex: i, query: { orderId } });
	return trackingItems(this, i, orderId, taobaoParcels(orderId, data));
}
