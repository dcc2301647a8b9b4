/**
 * The forwarding warehouse behind the inferred warehouse-logistics endpoints (modelled on the
 * Xportcn sister API's menu): overseas freight quotes, international shipments that consolidate
 * paid 1688 orders, and the domestic tracking numbers the buyer reports for inbound parcels.
 * Amounts in fen, weights in grams, dimensions in centimetres.
 */
import { CODES, SandboxError } from './errors';
import type { Order, SandboxState } from './state';

/** Domestic carriers, in the shape of 1688's logistics company list. */
export const LOGISTICS_COMPANIES = [
	{ id: 1, companyNo: 'SF', companyName: '顺丰速运', companyPhone: '95338', spelling: 'shunfeng' },
	{ id: 2, companyNo: 'YTO', companyName: '圆通速递', companyPhone: '95554', spelling: 'yuantong' },
	{ id: 3, companyNo: 'ZTO', companyName: '中通快递', companyPhone: '95311', spelling: 'zhongtong' },
	{ id: 4, companyNo: 'STO', companyName: '申通快递', companyPhone: '95543', spelling: 'shentong' },
	{ id: 5, companyNo: 'YUNDA', companyName: '韵达快递', companyPhone: '95546', spelling: 'yunda' },
	{ id: 6, companyNo: 'JD', companyName: '京东物流', companyPhone: '950616', spelling: 'jingdong' },
	{ id: 7, companyNo: 'EMS', companyName: '中国邮政EMS', companyPhone: '11183', spelling: 'ems' },
	{ id: 8, companyNo: 'DBL', companyName: '德邦快递', companyPhone: '95353', spelling: 'debang' },
];

interface Channel {
	code: string;
	name: string;
	countries: string[];
	minDays: number;
	maxDays: number;
	firstGrams: number;
	firstFen: number;
	stepGrams: number;
	stepFen: number;
	maxGrams: number;
	/** cm³ per kg for volumetric weight; 0 = charged by actual weight only. */
	volumetricDivisor: number;
}

const EVERYWHERE = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'CA', 'AU', 'JP', 'KR', 'SG', 'MY', 'TH', 'VN', 'PH', 'ID', 'BR', 'MX'];

const CHANNELS: Channel[] = [
	{ code: 'CNPOST-SMALL', name: '中国邮政小包 China Post Small Packet', countries: EVERYWHERE, minDays: 15, maxDays: 30, firstGrams: 100, firstFen: 1500, stepGrams: 100, stepFen: 800, maxGrams: 2000, volumetricDivisor: 0 },
	{ code: 'YW-LINE', name: '燕文专线 Yanwen Special Line', countries: ['US', 'GB', 'DE', 'FR', 'CA', 'AU', 'JP'], minDays: 7, maxDays: 12, firstGrams: 500, firstFen: 3800, stepGrams: 500, stepFen: 2200, maxGrams: 30_000, volumetricDivisor: 8000 },
	{ code: 'DHL-EXPRESS', name: 'DHL 国际快递 DHL Express', countries: EVERYWHERE, minDays: 3, maxDays: 5, firstGrams: 500, firstFen: 12_000, stepGrams: 500, stepFen: 4500, maxGrams: 70_000, volumetricDivisor: 5000 },
];

/** Unit weights of the seeded offers; the warehouse adds its packing to every order. */
const OFFER_GRAMS: Record<number, number> = { 624981234567: 15, 631247789012: 30, 655310028877: 220, 672200114455: 45 };
const PACKING_GRAMS = 100;

export interface Dimensions {
	length: number;
	width: number;
	height: number;
}

export interface Quote {
	channelCode: string;
	channelName: string;
	chargeableWeight: number;
	freight: number;
	days: string;
}

export interface Consignee {
	name: string;
	phone: string;
	country: string;
	state?: string;
	city: string;
	address: string;
	postcode?: string;
}

export interface Shipment {
	shipmentNo: string;
	orderIds: string[];
	channelCode: string;
	consignee: Consignee;
	declaredValueFen: number;
	weight: number;
	freightFen: number;
	createdAt: number;
}

export interface DomesticTracking {
	logisticsCompanyNo: string;
	logisticsBillNo: string;
	at: number;
}

function price(channel: Channel, weight: number, dims?: Dimensions): Quote | undefined {
	const volumetric =
		dims && channel.volumetricDivisor > 0
			? Math.ceil(((dims.length * dims.width * dims.height) / channel.volumetricDivisor) * 1000)
			: 0;
	const chargeable = Math.max(weight, volumetric);
	if (chargeable > channel.maxGrams) return undefined;
	const steps = Math.ceil(Math.max(0, chargeable - channel.firstGrams) / channel.stepGrams);
	return {
		channelCode: channel.code,
		channelName: channel.name,
		chargeableWeight: chargeable,
		freight: channel.firstFen + steps * channel.stepFen,
		days: `${channel.minDays}-${channel.maxDays}`,
	};
}

export class WarehouseState {
	readonly shipments = new Map<string, Shipment>();
	readonly domestic = new Map<string, DomesticTracking[]>();
	private nextShipment = 1;

	constructor(private readonly state: SandboxState) {}

	/** Every channel that takes the parcel to the country, cheapest first; refused when none does. */
	quote(country: string, weight: number, dims?: Dimensions): Quote[] {
		const quotes = CHANNELS.filter((c) => c.countries.includes(country))
			.map((c) => price(c, weight, dims))
			.filter((q): q is Quote => q !== undefined)
			.sort((a, b) => a.freight - b.freight);
		if (quotes.length === 0) {
			throw new SandboxError(200, CODES.notFound, `no channel ships ${weight} g to ${country}`);
		}
		return quotes;
	}

	/** The quote for one channel, or the cheapest when none is named. */
	private quoteFor(country: string, weight: number, channelCode?: string): Quote {
		const quotes = this.quote(country, weight);
		if (!channelCode) return quotes[0];
		if (!CHANNELS.some((c) => c.code === channelCode)) {
			throw new SandboxError(200, CODES.notFound, `channel ${channelCode} does not exist`);
		}
		const quote = quotes.find((q) => q.channelCode === channelCode);
		if (!quote) throw new SandboxError(200, CODES.conflict, `channel ${channelCode} does not ship ${weight} g to ${country}`);
		return quote;
	}

	private paidOrder(orderId: string): Order {
		const order = this.state.order(orderId);
		if (order.status === 'waitbuyerpay' || order.status === 'cancel' || order.status === 'terminated') {
			throw new SandboxError(200, CODES.conflict, `order ${orderId} is ${order.status}; only paid orders go through the warehouse`);
		}
		return order;
	}

	private weightOf(order: Order): number {
		return PACKING_GRAMS + order.lines.reduce((t, l) => t + (OFFER_GRAMS[l.offerId] ?? 100) * l.quantity, 0);
	}

	/** Each order's freight alone, and the freight of all of them consolidated into one parcel. */
	previewOrders(orderIds: string[], country: string, channelCode?: string) {
		const weights = orderIds.map((id) => ({ orderId: id, weight: this.weightOf(this.paidOrder(id)) }));
		const totalWeight = weights.reduce((t, w) => t + w.weight, 0);
		const total = this.quoteFor(country, totalWeight, channelCode);
		return {
			country,
			channelCode: total.channelCode,
			channelName: total.channelName,
			days: total.days,
			totalWeight,
			totalFreight: total.freight,
			orders: weights.map((w) => ({
				orderId: BigInt(w.orderId),
				weight: w.weight,
				freight: this.quoteFor(country, w.weight, total.channelCode).freight,
			})),
		};
	}

	createShipment(input: { orderIds: string[]; channelCode: string; consignee: Consignee; declaredValueFen: number }): Shipment {
		for (const shipment of this.shipments.values()) {
			const taken = input.orderIds.find((id) => shipment.orderIds.includes(id));
			if (taken) throw new SandboxError(200, CODES.conflict, `order ${taken} is already in shipment ${shipment.shipmentNo}`);
		}
		const preview = this.previewOrders(input.orderIds, input.consignee.country, input.channelCode);
		const shipment: Shipment = {
			shipmentNo: `WL${String(this.nextShipment++).padStart(10, '0')}`,
			orderIds: input.orderIds,
			channelCode: preview.channelCode,
			consignee: input.consignee,
			declaredValueFen: input.declaredValueFen,
			weight: preview.totalWeight,
			freightFen: preview.totalFreight,
			createdAt: this.state.clock(),
		};
		this.shipments.set(shipment.shipmentNo, shipment);
		return shipment;
	}

	updateDomestic(orderId: string, logisticsCompanyNo: string, logisticsBillNo: string): void {
		this.paidOrder(orderId);
		if (!LOGISTICS_COMPANIES.some((c) => c.companyNo === logisticsCompanyNo)) {
			throw new SandboxError(200, CODES.invalidRequest, `unknown logistics company ${logisticsCompanyNo}`);
		}
		const list = this.domestic.get(orderId) ?? [];
		const existing = list.find((t) => t.logisticsBillNo === logisticsBillNo);
		if (existing) existing.logisticsCompanyNo = logisticsCompanyNo;
		else list.push({ logisticsCompanyNo, logisticsBillNo, at: this.state.clock() });
		this.domestic.set(orderId, list);
	}
}
