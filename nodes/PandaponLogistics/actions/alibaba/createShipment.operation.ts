import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { readInteger } from '../../../shared/params';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { written } from '../../../shared/safety/written';
import { callPandapon } from '../../../shared/transport';
import { consigneeField, orderIdsField, previewFreight, readChannelCode, readConsignee, readOrderIds } from './warehouse';

export const description: INodeProperties[] = forOperation('1688', 'createShipment', [
	orderIdsField,
	{
		displayName: 'Channel Code',
		name: 'channelCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. YW-LINE',
		description: 'The shipping channel, as Estimate Freight or Preview Order Freight outputs it',
	},
	consigneeField,
	{
		displayName: 'Declared Value (Fen)',
		name: 'declaredValue',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 1000,
		description: 'Customs value of the parcel in fen (100 = ¥1)',
	},
	safetyOptions,
]);

export const executeBatch = guardedWrites(function (i) {
	const orderIds = readOrderIds(this, i);
	const channelCode = readChannelCode(this, i, true);
	const consignee = readConsignee(this, i);
	const declaredValue = readInteger(this, 'declaredValue', 'Declared Value (Fen)', i, { min: 1, max: 100_000_000 });
	return {
		// Max Total guards the freight the warehouse will charge for this parcel.
		preview: async () => {
			const preview = await previewFreight.call(this, i, { orderIds, country: consignee.country as string, channelCode });
			return { totalFen: preview.totalFreightFen, preview };
		},
		write: async () => {
			const answer = await callPandapon.call(this, ENDPOINTS.warehouseShipmentCreate, {
				itemIndex: i,
				body: { orderIds, channelCode, consignee, declaredValue },
			});
			return written(answer, (shipment) => ({
				created: true,
				shipmentNo: shipment.shipmentNo,
				channelCode: shipment.channelCode,
				weightGrams: shipment.weight,
				freightFen: shipment.freight,
				freightYuan: fenToYuan(shipment.freight),
				orderIds: ((shipment.orderIds ?? orderIds) as unknown[]).map(String),
			}), 'shipmentNo');
		},
	};
});
