import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The parcel item both platforms' Get Tracking operations output, shaped so that a Shopify
 * "Create Fulfillment" node (or any shop's equivalent) can map it field by field. Type aliases,
 * not interfaces, so that they are accepted wherever n8n expects an IDataObject.
 */
export type ParcelEvent = {
	/** ISO 8601 with offset. */
	time: string;
	description: string;
};

export type ParcelOutput = {
	orderId: string;
	shipped: true;
	/** The carrier's name as the marketplace gives it, e.g. 圆通速递. */
	carrier: string;
	carrierCode: string;
	trackingNumber: string;
	/** A public tracking page, or '' when the carrier code is not one this package knows. */
	trackingUrl: string;
	/** The order lines (1688 sub-items, Taobao sub-orders) in this parcel, as text ids. */
	subItemIds: string[];
	/** ISO 8601 with offset, or '' when the marketplace did not say. */
	shippedAt: string;
	/** Whether the parcel carries only part of the order (other lines ship, or shipped, apart). */
	isPartial: boolean;
	events: ParcelEvent[];
};

/** What Get Tracking outputs for an order without a parcel yet (unless the user asks for nothing). */
export type UnshippedOutput = {
	orderId: string;
	shipped: false;
};

/**
 * Public tracking pages. Chinese carriers' own sites want a captcha and take no number in the
 * URL, so domestic carriers go to kuaidi100's query page, which does; its own carrier slug is
 * the value. Keys are the codes marketplaces use, upper case, with common aliases.
 */
const KUAIDI100: Record<string, string> = {
	SF: 'shunfeng',
	YTO: 'yuantong',
	ZTO: 'zhongtong',
	STO: 'shentong',
	YUNDA: 'yunda',
	YD: 'yunda',
	JD: 'jd',
	JDL: 'jd',
	EMS: 'ems',
	BEST: 'huitongkuaidi',
	HTKY: 'huitongkuaidi',
	DBL: 'debangwuliu',
	DEPPON: 'debangwuliu',
	JTSD: 'jtexpress',
	JT: 'jtexpress',
	ZJS: 'zhaijisong',
	YZPY: 'youzhengguonei',
};

const INTERNATIONAL: Record<string, (number: string) => string> = {
	DHL: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
	UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
	FEDEX: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
	USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
};

/** The public tracking page for a parcel, or '' when the carrier is unknown or there is no number. */
export function trackingUrl(carrierCode: string, trackingNumber: string): string {
	const code = carrierCode.trim().toUpperCase();
	const number = trackingNumber.trim();
	if (number === '') return '';
	const encoded = encodeURIComponent(number);
	const slug = KUAIDI100[code];
	if (slug) return `https://www.kuaidi100.com/chaxun?com=${slug}&nu=${encoded}`;
	return INTERNATIONAL[code]?.(encoded) ?? '';
}

const CHINA_OFFSET = '+08:00';

/**
 * Marketplace times as ISO 8601. 1688 writes `20240514102030000+0800`; logistics steps and Taobao
 * write `2024-05-14 10:20:30` in China time. Anything else that Date can read is kept; '' otherwise.
 */
export function toIsoTime(value: unknown): string {
	if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
	if (typeof value !== 'string' || value.trim() === '') return '';
	const text = value.trim();
	const compact = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})?([+-]\d{2})(\d{2})$/.exec(text);
	if (compact) {
		const [, y, mo, d, h, mi, s, ms, oh, om] = compact;
		return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms ?? '000'}${oh}:${om}`;
	}
	const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
	if (local) {
		const [, y, mo, d, h, mi, s] = local;
		return `${y}-${mo}-${d}T${h}:${mi}:${s}.000${CHINA_OFFSET}`;
	}
	const parsed = Date.parse(text);
	return Number.isNaN(parsed) ? '' : new Date(parsed).toISOString();
}

/** Whether an order without a parcel yet still gives an item: shared by both platforms' Get Tracking. */
export const outputUnshippedField: INodeProperties = {
	displayName: 'Output Unshipped Orders',
	name: 'outputUnshipped',
	type: 'boolean',
	default: true,
	description:
		'Whether an order without a parcel yet outputs one item {orderId, shipped: false}. Turn off to output nothing for it, so that only real parcels reach the next node (e.g. Shopify Create Fulfillment).',
};

/** One item per parcel, or for an order not shipped yet the unshipped item (or nothing). */
export function trackingItems(ctx: IExecuteFunctions, i: number, orderId: string, parcels: ParcelOutput[]): ParcelOutput[] | UnshippedOutput {
	if (parcels.length > 0) return parcels;
	return ctx.getNodeParameter('outputUnshipped', i, true) ? { orderId, shipped: false } : [];
}
