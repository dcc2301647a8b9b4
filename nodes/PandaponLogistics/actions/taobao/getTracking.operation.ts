import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { outputUnshippedField, toIsoTime, trackingItems } from '../parcel';
import type { ParcelOutput } from '../parcel';

export const description: INodeProperties[] = forOperation('taobao', 'getTracking', [
	{
		displayName: 'Sub-Order ID',
		name: 'subPurchaseOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 200033789041',
		description: 'The purchase sub-order (one order line) to track, sent as subPurchaseOrderId: Pandapon tracks Taobao parcels per sub-order',
	},
	outputUnshippedField,
]);

/**
 * The published answer (doc/api-250313082): `pnmLogisticsDetails[]` of `{mailNo, logisticsTraces[]}`.
 * It names no carrier, so carrier, carrier code and tracking URL stay empty; a sub-order split over
 * several parcels makes each of them partial.
 */
export function taobaoParcels(subPurchaseOrderId: string, data: unknown): ParcelOutput[] {
	const answer = (data ?? {}) as IDataObject;
	const list = (Array.isArray(answer.pnmLogisticsDetails) ? answer.pnmLogisticsDetails : []) as IDataObject[];
	return list.map((p) => {
		const traces = (Array.isArray(p.logisticsTraces) ? p.logisticsTraces : []) as IDataObject[];
		return {
			orderId: subPurchaseOrderId,
			shipped: true,
			carrier: '',
			carrierCode: '',
			trackingNumber: String(p.mailNo ?? ''),
			trackingUrl: '',
			subItemIds: [subPurchaseOrderId],
			shippedAt: toIsoTime(traces[0]?.time),
			isPartial: list.length > 1,
			events: traces.map((t) => ({ time: toIsoTime(t.time), description: String(t.standerdDesc ?? t.statusDesc ?? t.action ?? '') })),
		};
	});
}

export async function execute(this: IExecuteFunctions, i: number) {
	const subPurchaseOrderId = readIdText(this, 'subPurchaseOrderId', 'Sub-Order ID', i);
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoLogistics, { itemIndex: i, query: { subPurchaseOrderId } });
	return trackingItems(this, i, subPurchaseOrderId, taobaoParcels(subPurchaseOrderId, data));
}
