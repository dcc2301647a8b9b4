import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { orderIdField } from '../../../shared/fields/orderId';
import { callPandapon } from '../../../shared/transport';
import { readLocatorIdText } from '../../../shared/fields/locator';
import { outputUnshippedField, toIsoTime, trackingItems, trackingUrl } from '../parcel';
import type { ParcelOutput } from '../parcel';

export const description: INodeProperties[] = forOperation('1688', 'getTracking', [
	orderIdField('1688'),
	outputUnshippedField,
]);

/**
 * A parcel is partial when the order ships in several parcels, or when lines are still waiting
 * for the seller (the order is still `waitsellersend` although a parcel left).
 */
export function parcelsOf(orderId: string, data: unknown): ParcelOutput[] {
	const trace = (data ?? {}) as IDataObject;
	const list = (trace.logisticsList ?? []) as IDataObject[];
	const partial = list.length > 1 || trace.status === 'waitsellersend';
	return list.map((p) => {
		const carrierCode = String(p.logisticsCompanyNo ?? '');
		const trackingNumber = String(p.logisticsBillNo ?? '');
		const steps = (p.logisticsSteps ?? []) as IDataObject[];
		return {
			orderId,
			shipped: true,
			carrier: String(p.logisticsCompanyName ?? ''),
			carrierCode,
			trackingNumber,
			trackingUrl: trackingUrl(carrierCode, trackingNumber),
			subItemIds: String(p.orderEntryIds ?? '')
				.split(',')
				.map((id) => id.trim())
				.filter((id) => id !== ''),
			shippedAt: toIsoTime(p.deliveredTime),
			isPartial: partial,
			events: steps.map((s) => ({ time: toIsoTime(s.acceptTime), description: String(s.remark ?? '') })),
		};
	});
}

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorIdText(this, 'orderId', 'Order ID', i);
	const { data } = await callPandapon.call(this, ENDPOINTS.logistics1688Trace, { itemIndex: i, query: { orderId } });
	return trackingItems(this, i, orderId, parcelsOf(orderId, data));
}
