import type { Parcel } from '../records';
import type { SandboxState } from '../state';
import { LOGISTICS_COMPANIES, WarehouseState } from '../warehouse';
import type { Consignee, Dimensions } from '../warehouse';
import type { AreaHandlers } from './common';

/** One warehouse per sandbox, kept beside its state rather than on it. */
const warehouses = new WeakMap<SandboxState, WarehouseState>();

export function warehouseOf(state: SandboxState): WarehouseState {
	let warehouse = warehouses.get(state);
	if (!warehouse) {
		warehouse = new WarehouseState(state);
		warehouses.set(state, warehouse);
	}
	return warehouse;
}

/** China time parts of an epoch-ms instant. */
function chinaParts(ms: number) {
	const d = new Date(ms + 8 * 3600_000);
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return {
		date: `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`,
		time: `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`,
		ms: pad(d.getUTCMilliseconds(), 3),
	};
}

/** 1688's compact time, `20240514102030000+0800`. */
function compactTime(ms: number): string {
	const p = chinaParts(ms);
	return `${p.date}${p.time}${p.ms}+0800`;
}

/** Logistics steps' time, `2024-05-14 10:20:30`, China time without an offset. */
function stepTime(ms: number): string {
	const { date, time } = chinaParts(ms);
	return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)} ${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}`;
}

function logisticsItem(parcel: Parcel) {
	return {
		logisticsId: parcel.logisticsId,
		logisticsCompanyNo: parcel.companyCode,
		logisticsCompanyName: parcel.companyName,
		logisticsBillNo: parcel.trackingNo,
		orderEntryIds: parcel.subItemIds.map(String).join(','),
		deliveredTime: compactTime(parcel.shippedAt),
		logisticsSteps: parcel.events.map((e) => ({ acceptTime: stepTime(e.at), remark: e.text })),
	};
}

export const LOGISTICS: AreaHandlers = {
	logistics1688Trace: ({ query, state }) => {
		const order = state.order(query.orderId);
		return { orderId: order.id, status: order.status, logisticsList: order.parcels.map(logisticsItem) };
	},
	logistics1688Companies: () => LOGISTICS_COMPANIES,
	warehouseFreightEstimate: ({ body, state }) => {
		const dims = body.length === undefined ? undefined : (body as unknown as Dimensions);
		return warehouseOf(state).quote(body.country as string, body.weight as number, dims);
	},
	warehouseOrderFreight: ({ body, state }) =>
		warehouseOf(state).previewOrders(body.orderIds as string[], body.country as string, body.channelCode as string | undefined),
	warehouseShipmentCreate: ({ body, state }) => {
		const shipment = warehouseOf(state).createShipment({
			orderIds: body.orderIds as string[],
			channelCode: body.channelCode as string,
			consignee: body.consignee as Consignee,
			declaredValueFen: body.declaredValue as number,
		});
		return {
			shipmentNo: shipment.shipmentNo,
			channelCode: shipment.channelCode,
			weight: shipment.weight,
			freight: shipment.freightFen,
			orderIds: shipment.orderIds,
		};
	},
	warehouseDomesticUpdate: ({ body, state }) => {
		warehouseOf(state).updateDomestic(body.orderId as string, body.logisticsCompanyNo as string, body.logisticsBillNo as string);
		return true;
	},
};
