import { CODES, SandboxError } from '../errors';
import type { SandboxEvent } from '../records';
import type { TaobaoOrder, TaobaoOrderLine, TaobaoState } from './state';

/** The buyer's distributor account as the reverse-order pages show it: text (doc-vnm/api-250496551). */
export const DISTRIBUTOR_ID = '2100007341207';

/**
 * Taobao reverse orders (refunds and returns). The API's integers: refund type 1 = refund only,
 * 2 = return and refund; goods status 1 = not received, 2 = received. Statuses follow Taobao's
 * refund status names.
 */
export type TaobaoRefundStatus =
	| 'WAIT_SELLER_AGREE'
	| 'WAIT_BUYER_RETURN_GOODS'
	| 'WAIT_SELLER_CONFIRM_GOODS'
	| 'SELLER_REFUSE_BUYER'
	| 'SUCCESS'
	| 'CLOSED';

export type RefundType = 1 | 2;
export type GoodsStatus = 1 | 2;

export interface TaobaoRefundMessage {
	messageId: number;
	sender: 'BUYER' | 'SELLER' | 'SYSTEM';
	content: string;
	images: string[];
	at: number;
}

export interface TaobaoRefund {
	refundId: bigint;
	orderId: bigint;
	subOrderId: bigint;
	refundType: RefundType;
	goodsStatus: GoodsStatus;
	reasonId: number;
	refundFeeFen: number;
	memo: string;
	images: string[];
	status: TaobaoRefundStatus;
	createdAt: number;
	modifiedAt: number;
	messages: TaobaoRefundMessage[];
	returnShipment?: { companyCode: string; companyName: string; waybillNo: string; at: number };
}

interface Reason {
	reasonId: number;
	reasonDesc: string;
	tips: string;
}

const REASONS: Record<string, Reason[]> = {
	'1:1': [
		{ reasonId: 1001, reasonDesc: '不想要了 (no longer wanted)', tips: '' },
		{ reasonId: 1002, reasonDesc: '拍错/多拍 (ordered by mistake)', tips: '' },
		{ reasonId: 1003, reasonDesc: '未按约定时间发货 (not shipped on time)', tips: '' },
		{ reasonId: 1004, reasonDesc: '快递一直未送到 (parcel never arrived)', tips: '请先核实物流 (check the tracking first)' },
	],
	'1:2': [
		{ reasonId: 2001, reasonDesc: '少件/漏发 (items missing)', tips: '请上传包裹照片 (attach photos of the parcel)' },
		{ reasonId: 2002, reasonDesc: '质量问题 (quality problem)', tips: '请上传问题照片 (attach photos of the defect)' },
	],
	'2:2': [
		{ reasonId: 2002, reasonDesc: '质量问题 (quality problem)', tips: '请上传问题照片 (attach photos of the defect)' },
		{ reasonId: 2003, reasonDesc: '商品与描述不符 (not as described)', tips: '' },
		{ reasonId: 2004, reasonDesc: '七天无理由退换货 (7-day return, no reason)', tips: '退货运费由买家承担 (the buyer pays return postage)' },
	],
};

const GOODS_STATUS_DESC: Record<GoodsStatus, string> = { 1: '未收到货 (not received)', 2: '已收到货 (received)' };

const RETURN_COMPANIES = [
	{ code: 'YTO', name: '圆通速递' },
	{ code: 'ZTO', name: '中通快递' },
	{ code: 'STO', name: '申通快递' },
	{ code: 'SF', name: '顺丰速运' },
];

const RETURN_ADDRESS = {
	name: '售后部 (after-sales desk)',
	mobile: '13911112222',
	province: '浙江省',
	city: '金华市',
	district: '义乌市',
	address: '福田街道 国际商贸城二区 退货仓',
	zip: '322000',
};

const FIRST_REFUND_ID = 203456710223344556n;
const RETURN_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * What reverse orders need from the sandbox that holds them (a SandboxState): its clock, its
 * event stream and the Taobao orders. Named here so that this file does not import `state.ts`,
 * which imports this one.
 */
export interface RefundHost {
	clock(): number;
	emit(type: SandboxEvent['type'], platform: SandboxEvent['platform'], orderId: string, detail?: Record<string, unknown>): void;
	readonly taobao: Pick<TaobaoState, 'orders'>;
}

const invalid = (msg: string) => new SandboxError(200, CODES.invalidRequest, msg);
const conflict = (msg: string) => new SandboxError(200, CODES.conflict, msg);

function formatTime(ms: number): string {
	return new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
}

/** Taobao reverse orders of the sandbox, with the rules of Taobao's refund flow. */
export class TaobaoRefunds {
	readonly refunds = new Map<string, TaobaoRefund>();
	private nextRefundId = FIRST_REFUND_ID;
	private nextMessageId = 1;

	refund(refundId: string | bigint): TaobaoRefund {
		const refund = this.refunds.get(String(refundId));
		if (!refund) throw new SandboxError(200, CODES.notFound, `reverse order ${refundId} does not exist`);
		return refund;
	}

	/** What Taobao would allow for a sub-order: reasons, goods statuses, amounts, and any open reverse order. */
	render(state: RefundHost, subOrderId: string, refundType: RefundType, goodsStatus: GoodsStatus): unknown {
		const { order, line } = this.subOrder(state, subOrderId);
		const goodsStatuses = this.goodsStatuses(order, refundType);
		if (!goodsStatuses.includes(goodsStatus)) {
			throw conflict(`goods status ${goodsStatus} is not possible for refund type ${refundType} on an order that is ${order.status}`);
		}
		const open = this.openFor(line.subOrderId);
		const fee = this.feeLimits(order, line);
		return {
			refundOrderTemplate: {
				refundReasons: this.reasons(refundType, goodsStatus),
				goodsStatusList: goodsStatuses.map((s) => ({ goodsStatus: s, desc: GOODS_STATUS_DESC[s] })),
				refundOrder: open ? this.detail(state, open) : null,
				maxRefundFee: {
					refundFee: fee.max,
					minRefundFee: fee.min,
					canEditRefundFee: fee.min !== fee.max,
					feeTips: `最多可退 ¥${(fee.max / 100).toFixed(2)} (up to ¥${(fee.max / 100).toFixed(2)})`,
				},
			},
			distributorId: DISTRIBUTOR_ID,
			currency: 'CNY',
			saleFlag: order.status === 'TRADE_FINISHED',
		};
	}

	create(
		state: RefundHost,
		input: { subOrderId: string; refundType: RefundType; goodsStatus: GoodsStatus; reasonId: number; refundFee: number; memo?: string; images: string[] },
	): TaobaoRefund {
		const { order, line } = this.subOrder(state, input.subOrderId);
		const open = this.openFor(line.subOrderId);
		if (open) throw conflict(`reverse order ${open.refundId} is already open for sub-order ${input.subOrderId}`);
		this.check(order, line, input);
		const now = state.clock();
		const refund: TaobaoRefund = {
			refundId: this.nextRefundId,
			orderId: order.id,
			subOrderId: line.subOrderId,
			refundType: input.refundType,
			goodsStatus: input.goodsStatus,
			reasonId: input.reasonId,
			refundFeeFen: input.refundFee,
			memo: input.memo ?? '',
			images: input.images,
			status: 'WAIT_SELLER_AGREE',
			createdAt: now,
			modifiedAt: now,
			messages: [],
		};
		this.nextRefundId += 1_000_003n;
		this.refunds.set(refund.refundId.toString(), refund);
		this.say(refund, 'SYSTEM', `买家发起了${input.refundType === 1 ? '仅退款' : '退货退款'}申请 (buyer opened a reverse order)`, [], now);
		state.emit('refund', 'taobao', order.id.toString(), { refundId: refund.refundId.toString() });
		return refund;
	}

	modify(
		state: RefundHost,
		refundId: string,
		change: { goodsStatus?: GoodsStatus; reasonId?: number; refundFee?: number; memo?: string; images?: string[] },
	): TaobaoRefund {
		const refund = this.refund(refundId);
		if (refund.status !== 'WAIT_SELLER_AGREE' && refund.status !== 'SELLER_REFUSE_BUYER') {
			throw conflict(`reverse order ${refundId} is ${refund.status} and can no longer be changed`);
		}
		const { order, line } = this.subOrder(state, refund.subOrderId.toString());
		const next = {
			refundType: refund.refundType,
			goodsStatus: change.goodsStatus ?? refund.goodsStatus,
			reasonId: change.reasonId ?? refund.reasonId,
			refundFee: change.refundFee ?? refund.refundFeeFen,
		};
		this.check(order, line, next);
		refund.goodsStatus = next.goodsStatus;
		refund.reasonId = next.reasonId;
		refund.refundFeeFen = next.refundFee;
		if (change.memo !== undefined) refund.memo = change.memo;
		if (change.images !== undefined) refund.images = change.images;
		refund.status = 'WAIT_SELLER_AGREE';
		refund.modifiedAt = state.clock();
		this.say(refund, 'SYSTEM', '买家修改了申请 (buyer changed the request)', [], refund.modifiedAt);
		return refund;
	}

	cancel(state: RefundHost, refundId: string): TaobaoRefund {
		const refund = this.refund(refundId);
		if (refund.status === 'SUCCESS' || refund.status === 'CLOSED') {
			throw conflict(`reverse order ${refundId} is ${refund.status} and cannot be cancelled`);
		}
		refund.status = 'CLOSED';
		refund.modifiedAt = state.clock();
		this.say(refund, 'SYSTEM', '买家撤销了申请 (buyer cancelled the request)', [], refund.modifiedAt);
		return refund;
	}

	message(state: RefundHost, refundId: string, content: string, images: string[]): TaobaoRefundMessage {
		const refund = this.refund(refundId);
		if (refund.status === 'CLOSED') throw conflict(`reverse order ${refundId} is closed; no more messages`);
		return this.say(refund, 'BUYER', content, images, state.clock());
	}

	/** Where and how the goods go back; only once the seller has agreed to a return. */
	returnRender(refundId: string): unknown {
		const refund = this.awaitingReturn(refundId);
		return {
			refundId: refund.refundId,
			returnAddress: RETURN_ADDRESS,
			logisticsCompanies: RETURN_COMPANIES.map((c) => ({ companyCode: c.code, companyName: c.name })),
			returnDeadline: formatTime(refund.modifiedAt + RETURN_WINDOW_MS),
		};
	}

	submitReturn(state: RefundHost, refundId: string, companyCode: string, waybillNo: string): TaobaoRefund {
		const refund = this.awaitingReturn(refundId);
		const company = RETURN_COMPANIES.find((c) => c.code === companyCode);
		if (!company) throw invalid(`logistics company ${companyCode} is not offered for this return`);
		const at = state.clock();
		refund.returnShipment = { companyCode, companyName: company.name, waybillNo, at };
		refund.status = 'WAIT_SELLER_CONFIRM_GOODS';
		refund.modifiedAt = at;
		this.say(refund, 'SYSTEM', `买家已退货 ${company.name} ${waybillNo} (buyer sent the goods back)`, [], at);
		return refund;
	}

	/** The seller's side, for tests: agree (a return then waits for the goods; a refund is paid). */
	sellerAgree(state: RefundHost, refundId: string): TaobaoRefund {
		const refund = this.refund(refundId);
		if (refund.status !== 'WAIT_SELLER_AGREE') throw conflict(`reverse order ${refundId} is ${refund.status}`);
		refund.status = refund.refundType === 2 ? 'WAIT_BUYER_RETURN_GOODS' : 'SUCCESS';
		refund.modifiedAt = state.clock();
		this.say(refund, 'SELLER', '卖家同意了申请 (seller agreed)', [], refund.modifiedAt);
		return refund;
	}

	sellerRefuse(state: RefundHost, refundId: string, why: string): TaobaoRefund {
		const refund = this.refund(refundId);
		if (refund.status !== 'WAIT_SELLER_AGREE' && refund.status !== 'WAIT_SELLER_CONFIRM_GOODS') {
			throw conflict(`reverse order ${refundId} is ${refund.status}`);
		}
		refund.status = 'SELLER_REFUSE_BUYER';
		refund.modifiedAt = state.clock();
		this.say(refund, 'SELLER', why, [], refund.modifiedAt);
		return refund;
	}

	/** Newest first, of one purchase order when given. */
	list(filter: { orderId?: string }): TaobaoRefund[] {
		return [...this.refunds.values()]
			.filter((r) => !filter.orderId || r.orderId.toString() === filter.orderId)
			.sort((a, b) => b.createdAt - a.createdAt || (b.refundId > a.refundId ? 1 : -1));
	}

	detail(state: RefundHost, refund: TaobaoRefund): Record<string, unknown> {
		const { line } = this.subOrder(state, refund.subOrderId.toString());
		const reason = Object.values(REASONS).flat().find((r) => r.reasonId === refund.reasonId);
		return {
			refundId: refund.refundId,
			orderId: refund.orderId,
			subOrderId: refund.subOrderId,
			refundType: refund.refundType,
			goodsStatus: refund.goodsStatus,
			refundStatus: refund.status,
			refundFee: refund.refundFeeFen,
			currency: 'CNY',
			reasonId: refund.reasonId,
			reasonDesc: reason?.reasonDesc ?? '',
			refundMemo: refund.memo,
			refundImages: refund.images,
			itemId: line.itemId,
			skuId: line.skuId,
			title: line.title,
			quantity: line.quantity,
			returnLogistics: refund.returnShipment
				? {
						companyCode: refund.returnShipment.companyCode,
						companyName: refund.returnShipment.companyName,
						waybillNo: refund.returnShipment.waybillNo,
					}
				: null,
			createTime: formatTime(refund.createdAt),
			modifiedTime: formatTime(refund.modifiedAt),
		};
	}

	/**
	 * `refundOrderAggregate` as the query and cancel pages show it: the reverse order with its
	 * `logistics` and `purchaseOrderLine` objects (doc/api-250313087).
	 */
	aggregate(state: RefundHost, refund: TaobaoRefund): Record<string, unknown> {
		const { order, line } = this.subOrder(state, refund.subOrderId.toString());
		const shipment = refund.returnShipment;
		return {
			...this.detail(state, refund),
			logistics: {
				buyerPhone: order.receiver.mobile_phone ?? order.receiver.phone ?? '',
				logisticsCompany: shipment ? { logisticCompanyCode: shipment.companyCode, logisticsCompanyName: shipment.companyName } : null,
				logisticsNo: shipment?.waybillNo ?? null,
				receiverAddress: { detailAddress: RETURN_ADDRESS.address, phone: RETURN_ADDRESS.mobile, receiver: RETURN_ADDRESS.name },
			},
			purchaseOrderLine: {
				createTime: order.createdAt,
				currency: 'CNY',
				itemTitle: line.title,
				postFee: 0,
				price: line.priceFen,
				quantity: line.quantity,
			},
		};
	}

	messagesOf(refundId: string): unknown[] {
		return this.refund(refundId).messages.map((m) => ({
			messageId: m.messageId,
			sender: m.sender,
			content: m.content,
			images: m.images,
			createTime: formatTime(m.at),
		}));
	}

	private say(refund: TaobaoRefund, sender: TaobaoRefundMessage['sender'], content: string, images: string[], at: number): TaobaoRefundMessage {
		const message: TaobaoRefundMessage = { messageId: this.nextMessageId++, sender, content, images, at };
		refund.messages.push(message);
		return message;
	}

	private awaitingReturn(refundId: string): TaobaoRefund {
		const refund = this.refund(refundId);
		if (refund.refundType !== 2) throw conflict(`reverse order ${refundId} is a refund without return`);
		if (refund.status !== 'WAIT_BUYER_RETURN_GOODS') {
			throw conflict(`reverse order ${refundId} is ${refund.status}, not waiting for the goods to be sent back`);
		}
		return refund;
	}

	private subOrder(state: RefundHost, subOrderId: string): { order: TaobaoOrder; line: TaobaoOrderLine } {
		for (const order of state.taobao.orders.values()) {
			const line = order.lines.find((l) => l.subOrderId.toString() === subOrderId);
			if (line) return { order, line };
		}
		throw new SandboxError(200, CODES.notFound, `Taobao sub-order ${subOrderId} does not exist`);
	}

	private openFor(subOrderId: bigint): TaobaoRefund | undefined {
		return [...this.refunds.values()].find((r) => r.subOrderId === subOrderId && r.status !== 'CLOSED');
	}

	/** Before shipment only a refund of goods not received; after it, returns need received goods. */
	private goodsStatuses(order: TaobaoOrder, refundType: RefundType): GoodsStatus[] {
		switch (order.status) {
			case 'WAIT_SELLER_SEND_GOODS':
				if (refundType === 2) throw conflict(`order ${order.id} has not been shipped; only a refund is possible`);
				return [1];
			case 'WAIT_BUYER_CONFIRM_GOODS':
			case 'TRADE_FINISHED':
				return refundType === 2 ? [2] : [1, 2];
			default:
				throw conflict(`order ${order.id} is ${order.status}; no reverse order is possible`);
		}
	}

	private reasons(refundType: RefundType, goodsStatus: GoodsStatus): Reason[] {
		return REASONS[`${refundType}:${goodsStatus}`] ?? [];
	}

	/** An unshipped line is refunded in full; otherwise anything from 1 fen up to what was paid. */
	private feeLimits(order: TaobaoOrder, line: TaobaoOrderLine): { min: number; max: number } {
		const max = line.priceFen * line.quantity;
		return { min: order.status === 'WAIT_SELLER_SEND_GOODS' ? max : 1, max };
	}

	private check(order: TaobaoOrder, line: TaobaoOrderLine, input: { refundType: RefundType; goodsStatus: GoodsStatus; reasonId: number; refundFee: number }): void {
		if (!this.goodsStatuses(order, input.refundType).includes(input.goodsStatus)) {
			throw conflict(`goods status ${input.goodsStatus} is not possible for refund type ${input.refundType} on an order that is ${order.status}`);
		}
		const reasons = this.reasons(input.refundType, input.goodsStatus);
		if (!reasons.some((r) => r.reasonId === input.reasonId)) {
			throw invalid(`reason ${input.reasonId} is not allowed here; allowed: ${reasons.map((r) => r.reasonId).join(', ')}`);
		}
		const fee = this.feeLimits(order, line);
		if (input.refundFee < fee.min || input.refundFee > fee.max) {
			throw invalid(
				fee.min === fee.max
					? `refundFee must be the full ${fee.max} fen for an order that has not been shipped`
					: `refundFee must be from ${fee.min} to ${fee.max} fen`,
			);
		}
	}
}
