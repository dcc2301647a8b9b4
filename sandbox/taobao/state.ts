import type { Parcel, SandboxEvent } from '../state';
import { CODES, SandboxError } from '../state';

/** Taobao purchase orders; statuses follow Taobao's trade status names. */
export type TaobaoOrderStatus =
	| 'WAIT_BUYER_PAY'
	| 'WAIT_SELLER_SEND_GOODS'
	| 'WAIT_BUYER_CONFIRM_GOODS'
	| 'TRADE_FINISHED'
	| 'TRADE_CLOSED';

export interface TaobaoOrderLine {
	subOrderId: bigint;
	itemId: string;
	skuId: string;
	title: string;
	quantity: number;
	priceFen: number;
	orderLineNo?: string;
}

export interface TaobaoOrder {
	id: bigint;
	status: TaobaoOrderStatus;
	lines: TaobaoOrderLine[];
	receiver: Record<string, string>;
	purchaseAmountFen?: number;
	orderSource?: string;
	sellerOrderNumber?: string;
	createdAt: number;
	paidAt?: number;
	parcels: Parcel[];
	vouchers: string[];
	warehouse?: Record<string, string>;
}

const FIRST_TAOBAO_ORDER_ID = 4015593720611380219n;
const FIRST_TAOBAO_SUB_ORDER_ID = 4015593720611380301n;

type Emit = (type: SandboxEvent['type'], platform: 'taobao', orderId: string, detail?: Record<string, unknown>) => void;

/** Taobao-side state of the sandbox: orders (and whatever the Taobao cart and order handlers add). */
export class TaobaoState {
	readonly orders = new Map<string, TaobaoOrder>();
	private nextOrderId = FIRST_TAOBAO_ORDER_ID;
	private nextSubOrderId = FIRST_TAOBAO_SUB_ORDER_ID;

	constructor(
		private readonly clock: () => number,
		private readonly emit: Emit,
	) {}

	createOrder(
		lines: Array<Omit<TaobaoOrderLine, 'subOrderId'>>,
		receiver: Record<string, string>,
		extra: Pick<TaobaoOrder, 'purchaseAmountFen' | 'orderSource' | 'sellerOrderNumber'> = {},
	): TaobaoOrder {
		const order: TaobaoOrder = {
			id: this.nextOrderId,
			status: 'WAIT_BUYER_PAY',
			lines: lines.map((l) => ({ ...l, subOrderId: this.nextSubOrderId++ })),
			receiver,
			...extra,
			createdAt: this.clock(),
			parcels: [],
			vouchers: [],
		};
		this.nextOrderId += 1_000_003n;
		this.orders.set(order.id.toString(), order);
		this.emit('create', 'taobao', order.id.toString());
		return order;
	}

	order(orderId: string | bigint): TaobaoOrder {
		const order = this.orders.get(String(orderId));
		if (!order) throw new SandboxError(200, CODES.notFound, `Taobao order ${orderId} does not exist`);
		return order;
	}
}
