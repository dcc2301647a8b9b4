import { createHash } from 'node:crypto';

import type { Order, OrderStatus, Refund1688, SandboxState } from './state';
import { CODES, SandboxError } from './errors';
import { LOGISTICS_COMPANIES } from './warehouse';

/**
 * 1688 after-sales rules on top of SandboxState's refunds: which reasons fit which goods status,
 * what a claim may ask for, uploaded vouchers and the return shipment. Kept beside the state (not in
 * it) and attached per state instance, so every test server still has its own.
 */

export const GOODS_STATUSES = [
	'refundWaitSellerSend',
	'refundWaitBuyerReceive',
	'refundBuyerReceived',
	'aftersaleBuyerNotReceived',
	'aftersaleBuyerReceived',
] as const;
export type GoodsStatus1688 = (typeof GOODS_STATUSES)[number];

export interface RefundReason {
	id: number;
	name: string;
	needVoucher: boolean;
	noRefundCarriage: boolean;
	tip: string;
}

const REASONS: Record<number, RefundReason> = {
	20001: { id: 20001, name: '我不想要了 (no longer wanted)', needVoucher: false, noRefundCarriage: false, tip: '' },
	20002: { id: 20002, name: '拍错/多拍 (ordered by mistake)', needVoucher: false, noRefundCarriage: false, tip: '' },
	20003: { id: 20003, name: '未按约定时间发货 (not shipped on time)', needVoucher: false, noRefundCarriage: false, tip: '' },
	20004: { id: 20004, name: '快递一直未送达 (parcel never arrived)', needVoucher: false, noRefundCarriage: false, tip: '请先联系卖家核实物流 (check the tracking with the seller first)' },
	20005: { id: 20005, name: '质量问题 (quality problem)', needVoucher: true, noRefundCarriage: false, tip: '请上传问题部位的照片 (upload photos of the defect)' },
	20006: { id: 20006, name: '少件/漏发 (items missing)', needVoucher: true, noRefundCarriage: false, tip: '请上传包裹和面单照片 (upload photos of the parcel and label)' },
	20007: { id: 20007, name: '商品与描述不符 (not as described)', needVoucher: true, noRefundCarriage: false, tip: '' },
	20008: { id: 20008, name: '七天无理由退货 (7-day return, no reason)', needVoucher: false, noRefundCarriage: true, tip: '退货运费由买家承担 (the buyer pays the return postage)' },
};

/** Per goods status: the order statuses it describes, its reasons, and whether goods can go back. */
const GOODS_RULES: Record<GoodsStatus1688, { orderStatuses: OrderStatus[]; reasons: number[]; returnAllowed: boolean }> = {
	refundWaitSellerSend: { orderStatuses: ['waitsellersend'], reasons: [20001, 20002, 20003], returnAllowed: false },
	refundWaitBuyerReceive: { orderStatuses: ['waitbuyerreceive'], reasons: [20001, 20004], returnAllowed: false },
	refundBuyerReceived: { orderStatuses: ['waitbuyerreceive'], reasons: [20005, 20006, 20007, 20008], returnAllowed: true },
	aftersaleBuyerNotReceived: { orderStatuses: ['confirm_goods', 'success'], reasons: [20004], returnAllowed: false },
	aftersaleBuyerReceived: { orderStatuses: ['confirm_goods', 'success'], reasons: [20005, 20006, 20007], returnAllowed: true },
};

interface RefundBook {
	vouchers: Set<string>;
	updatedAt: Map<string, number>;
	counts: Map<string, Array<{ id: bigint; count: number }>>;
}

const books = new WeakMap<SandboxState, RefundBook>();

function book(state: SandboxState): RefundBook {
	let found = books.get(state);
	if (!found) {
		found = { vouchers: new Set(), updatedAt: new Map(), counts: new Map() };
		books.set(state, found);
	}
	return found;
}

const invalid = (msg: string) => new SandboxError(200, CODES.invalidRequest, msg);
const conflict = (msg: string) => new SandboxError(200, CODES.conflict, msg);

function linesOf(order: Order, entryIds: bigint[]) {
	return entryIds.map((id) => {
		const line = order.lines.find((l) => l.subItemId === id);
		if (!line) throw new SandboxError(200, CODES.notFound, `sub-order ${id} is not part of order ${order.id}`);
		return line;
	});
}

/** The reasons 1688 offers for these order lines in this goods status; refused when the status does not fit the order. */
export function refundReasons(state: SandboxState, orderId: bigint, entryIds: bigint[], goodsStatus: GoodsStatus1688): RefundReason[] {
	const order = state.order(orderId);
	linesOf(order, entryIds);
	const rule = GOODS_RULES[goodsStatus];
	if (!rule.orderStatuses.includes(order.status)) {
		throw conflict(`goods status ${goodsStatus} does not fit order ${orderId}, which is ${order.status}`);
	}
	return rule.reasons.map((id) => REASONS[id]);
}

export interface RefundClaim {
	orderId: bigint;
	orderEntryIds?: bigint[];
	disputeRequest: 'refund' | 'returnRefund';
	applyPayment: number;
	applyCarriage: number;
	applyReasonId: number;
	description: string;
	goodsStatus: GoodsStatus1688;
	vouchers?: string[];
	orderEntryCountList?: Array<{ id: bigint; count: number }>;
}

/** Checks a claim the way 1688 does (reason, vouchers, amounts, open refunds) and records it. */
export function createRefundClaim(state: SandboxState, claim: RefundClaim): Refund1688 {
	const order = state.order(claim.orderId);
	const entryIds = claim.orderEntryIds?.length ? claim.orderEntryIds : order.lines.map((l) => l.subItemId);
	const lines = linesOf(order, entryIds);
	const reasons = refundReasons(state, claim.orderId, entryIds, claim.goodsStatus);
	const reason = reasons.find((r) => r.id === claim.applyReasonId);
	if (!reason) {
		throw invalid(`reason ${claim.applyReasonId} is not allowed for ${claim.goodsStatus}; allowed: ${reasons.map((r) => r.id).join(', ')}`);
	}
	if (claim.disputeRequest === 'returnRefund' && !GOODS_RULES[claim.goodsStatus].returnAllowed) {
		throw conflict(`a return needs received goods; goods status is ${claim.goodsStatus}`);
	}
	const vouchers = claim.vouchers ?? [];
	if (reason.needVoucher && vouchers.length === 0) throw invalid(`reason ${reason.id} needs at least one voucher`);
	const uploaded = book(state).vouchers;
	const unknown = vouchers.find((v) => !uploaded.has(v));
	if (unknown) throw invalid(`voucher ${unknown} was not uploaded through the voucher API`);
	if (reason.noRefundCarriage && claim.applyCarriage > 0) throw invalid(`reason ${reason.id} does not refund carriage`);

	const counts = claim.orderEntryCountList ?? [];
	for (const { id, count } of counts) {
		const line = lines.find((l) => l.subItemId === id);
		if (!line) throw invalid(`orderEntryCountList names sub-order ${id}, which is not in orderEntryIds`);
		if (count > line.quantity) throw invalid(`sub-order ${id} has ${line.quantity} pieces, not ${count}`);
	}
	const goodsLimit = lines.reduce((total, l) => {
		const count = counts.find((c) => c.id === l.subItemId)?.count ?? l.quantity;
		return total + l.priceFen * count;
	}, 0);
	if (claim.applyPayment > goodsLimit) throw conflict(`applyPayment ${claim.applyPayment} fen exceeds the ${goodsLimit} fen paid for these goods`);
	if (claim.applyCarriage > order.shippingFen) throw conflict(`applyCarriage ${claim.applyCarriage} fen exceeds the ${order.shippingFen} fen carriage`);

	const open = [...state.refunds.values()].find(
		(r) => r.orderId === order.id && r.status !== 'refundclose' && r.subItemIds.some((id) => entryIds.includes(id)),
	);
	if (open) throw conflict(`refund ${open.id} is already open for these sub-orders`);

	const refund = state.createRefund({
		orderId: order.id,
		subItemIds: entryIds,
		disputeRequest: claim.disputeRequest,
		applyPaymentFen: claim.applyPayment,
		applyCarriageFen: claim.applyCarriage,
		reasonId: reason.id,
		description: claim.description,
		goodsStatus: claim.goodsStatus,
		vouchers,
	});
	book(state).counts.set(refund.id, counts);
	book(state).updatedAt.set(refund.id, refund.createdAt);
	return refund;
}

/** The buyer's return shipment: only for a return the seller is waiting for. */
export function submitReturnShipment(state: SandboxState, refundId: string, shipment: NonNullable<Refund1688['returnShipment']>, vouchers: string[] = []): Refund1688 {
	const refund = state.refund(refundId);
	if (refund.disputeRequest !== 'returnRefund') throw conflict(`refund ${refundId} is a refund without return; there is nothing to send back`);
	if (refund.status !== 'waitbuyersend') throw conflict(`refund ${refundId} is ${refund.status}, not waiting for the buyer to send the goods`);
	if (!LOGISTICS_COMPANIES.some((c) => c.companyNo === shipment.logisticsCompanyNo)) {
		throw invalid(`unknown logistics company ${shipment.logisticsCompanyNo}`);
	}
	const unknown = vouchers.find((v) => !book(state).vouchers.has(v));
	if (unknown) throw invalid(`voucher ${unknown} was not uploaded through the voucher API`);
	refund.returnShipment = shipment;
	refund.vouchers = [...refund.vouchers, ...vouchers];
	refund.status = 'waitsellerreceive';
	book(state).updatedAt.set(refund.id, state.clock());
	return refund;
}

/** Stores a voucher image and returns where 1688 would host it. */
export function uploadVoucher(state: SandboxState, image: { bytes?: Buffer; url?: string }): { imageDomain: string; imageRelativeUrl: string; voucherUrl: string } {
	let extension = 'jpg';
	if (image.bytes) {
		extension = imageType(image.bytes);
	} else if (!/^https?:\/\//.test(image.url ?? '')) {
		throw invalid('imageAddress must be an http(s) URL');
	}
	const digest = createHash('md5').update(image.bytes ?? image.url ?? '').digest('hex');
	const imageDomain = 'cbu01.alicdn.com';
	const imageRelativeUrl = `img/ibank/refund/O1CN01${digest.slice(0, 20)}.${extension}`;
	const voucherUrl = `https://${imageDomain}/${imageRelativeUrl}`;
	book(state).vouchers.add(voucherUrl);
	return { imageDomain, imageRelativeUrl, voucherUrl };
}

function imageType(bytes: Buffer): string {
	if (bytes.length === 0) throw invalid('imageBase64 is empty');
	if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpg';
	if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (bytes.subarray(0, 3).toString('latin1') === 'GIF') return 'gif';
	throw invalid('imageBase64 is not a JPEG, PNG or GIF image');
}

function formatTime(ms: number): string {
	return new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** The refund record as /alibaba/refund/info answers it (Pandapon's own record: id, createBy, times…). */
export function refundInfo(state: SandboxState, refund: Refund1688): unknown {
	const reason = REASONS[refund.reasonId];
	const order = state.order(refund.orderId);
	return {
		id: BigInt(refund.id.slice(2)),
		refundId: refund.id,
		orderId: refund.orderId,
		orderEntryIds: refund.subItemIds,
		orderEntryCountList: book(state).counts.get(refund.id) ?? [],
		sellerOpenId: order.sellerOpenId,
		disputeRequest: refund.disputeRequest,
		goodsStatus: refund.goodsStatus,
		status: refund.status,
		applyPayment: refund.applyPaymentFen,
		applyCarriage: refund.applyCarriageFen,
		applyReasonId: refund.reasonId,
		applyReason: reason?.name ?? '',
		description: refund.description,
		vouchers: refund.vouchers,
		logisticsCompanyNo: refund.returnShipment?.logisticsCompanyNo ?? null,
		freightBill: refund.returnShipment?.freightBill ?? null,
		alipayPaymentId: `2088${refund.orderId.toString().slice(-12)}`,
		createBy: order.userId ?? '',
		createById: null,
		updateBy: null,
		updateById: null,
		createTime: formatTime(refund.createdAt),
		updateTime: formatTime(book(state).updatedAt.get(refund.id) ?? refund.createdAt),
		remark: refund.returnShipment?.description ?? '',
	};
}
