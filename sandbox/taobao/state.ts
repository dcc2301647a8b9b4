import { CODES, SandboxError } from '../errors';
import type { Parcel, SandboxEvent } from '../records';
import { TAOBAO_CARRIERS, TAOBAO_SHOP_POSTAGE_FEN } from './extraSeed';
import { findTaobaoSku, TAOBAO_ITEMS } from './seed';
import type { TaobaoItem, TaobaoSku } from './seed';

/** Taobao purchase orders; statuses follow Taobao's trade status names. */
export type TaobaoOrderStatus =
	| 'WAIT_BUYER_PAY'
	| 'WAIT_SELLER_SEND_GOODS'
	| 'WAIT_BUYER_CONFIRM_GOODS'
	| 'TRADE_FINISHED'
	| 'TRADE_CLOSED';

export const TAOBAO_ORDER_STATUSES: TaobaoOrderStatus[] = [
	'WAIT_BUYER_PAY',
	'WAIT_SELLER_SEND_GOODS',
	'WAIT_BUYER_CONFIRM_GOODS',
	'TRADE_FINISHED',
	'TRADE_CLOSED',
];

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
	/** Postage of the shops in the order, set at creation and changed by the seller before payment. */
	postFeeFen?: number;
	cancelReason?: string;
	closedAt?: number;
	userId?: string;
	cartIds?: number[];
}

export interface TaobaoCartLine {
	id: number;
	itemId: string;
	skuId: string;
	mpId: string;
	mpSkuId: string;
	quantity: number;
	title: string;
	pic: string;
	userId?: string;
	createdAt: number;
}

/** A line priced from the catalogue as it is now. */
export interface TaobaoQuoteLine {
	item: TaobaoItem;
	sku: TaobaoSku;
	quantity: number;
	unitPriceFen: number;
	orderLineNo?: string;
}

const FIRST_TAOBAO_ORDER_ID = 4015593720611380219n;
const FIRST_TAOBAO_SUB_ORDER_ID = 4015593720611380301n;
const FIRST_TAOBAO_CART_ID = 200_001;

type Emit = (type: SandboxEvent['type'], platform: 'taobao', orderId: string, detail?: Record<string, unknown>) => void;

/** What a buyer pays per unit: the promotion price when the seller runs one. */
export function unitPrice(sku: TaobaoSku): number {
	return sku.promotionPriceFen > 0 ? sku.promotionPriceFen : sku.priceFen;
}

function shopOf(itemId: string): number | undefined {
	return TAOBAO_ITEMS.find((i) => i.itemId === itemId)?.shopId;
}

/** Postage once per shop in the order. */
function postageOf(itemIds: string[]): number {
	const shops = new Set(itemIds.map(shopOf).filter((s): s is number => s !== undefined));
	return [...shops].reduce((t, shop) => t + (TAOBAO_SHOP_POSTAGE_FEN[shop] ?? 0), 0);
}

export function taobaoOrderTotals(order: TaobaoOrder): { goods: number; postFee: number; total: number } {
	const goods = order.lines.reduce((t, l) => t + l.priceFen * l.quantity, 0);
	const postFee = order.postFeeFen ?? 0;
	return { goods, postFee, total: goods + postFee };
}

/** Taobao-side state of the sandbox: cart, orders and their lifecycle (pay, ship, cancel, vouchers, warehouse). */
export class TaobaoState {
	readonly orders = new Map<string, TaobaoOrder>();
	readonly cart = new Map<number, TaobaoCartLine>();
	private nextOrderId = FIRST_TAOBAO_ORDER_ID;
	private nextSubOrderId = FIRST_TAOBAO_SUB_ORDER_ID;
	private nextCartId = FIRST_TAOBAO_CART_ID;
	private nextTrackingNumber = 7_730_000_000_001;

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
			postFeeFen: postageOf(lines.map((l) => l.itemId)),
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

	/** Prices lines at today's catalogue; unknown SKUs are refused, stock is left to the caller. */
	quote(lines: Array<{ itemId: string; skuId: string; quantity: number; orderLineNo?: string }>): TaobaoQuoteLine[] {
		return lines.map((l) => {
			const found = findTaobaoSku(l.itemId, l.skuId);
			if (!found) throw new SandboxError(200, CODES.notFound, `Taobao item ${l.itemId} has no SKU ${l.skuId}`);
			return { ...found, quantity: l.quantity, unitPriceFen: unitPrice(found.sku), orderLineNo: l.orderLineNo };
		});
	}

	/** The postage and total that quoted lines would cost. */
	quoteTotals(lines: TaobaoQuoteLine[]): { goods: number; postFee: number; total: number } {
		const goods = lines.reduce((t, l) => t + l.unitPriceFen * l.quantity, 0);
		const postFee = postageOf(lines.map((l) => l.item.itemId));
		return { goods, postFee, total: goods + postFee };
	}

	/** Refuses quoted lines that the seller cannot fill. */
	assertInStock(lines: TaobaoQuoteLine[]): void {
		for (const l of lines) {
			if (l.sku.quantity < l.quantity) {
				throw new SandboxError(200, CODES.conflict, `Taobao SKU ${l.sku.skuId} has ${l.sku.quantity} in stock, ${l.quantity} wanted`);
			}
		}
	}

	addToCart(input: { itemId: string; skuId: string; mpId: string; mpSkuId: string; quantity: number; title?: string; pic?: string; userId?: string }): TaobaoCartLine {
		const found = findTaobaoSku(input.itemId, input.skuId);
		if (!found) throw new SandboxError(200, CODES.notFound, `Taobao item ${input.itemId} has no SKU ${input.skuId}`);
		if (found.item.mpId !== input.mpId || found.sku.mpSkuId !== input.mpSkuId) {
			throw new SandboxError(200, CODES.notFound, `MP ID ${input.mpId} / MP SKU ID ${input.mpSkuId} do not belong to item ${input.itemId} SKU ${input.skuId}`);
		}
		const existing = [...this.cart.values()].find(
			(l) => l.skuId === input.skuId && l.itemId === input.itemId && l.userId === input.userId,
		);
		if (existing) {
			existing.quantity += input.quantity;
			return existing;
		}
		const line: TaobaoCartLine = {
			id: this.nextCartId++,
			itemId: input.itemId,
			skuId: input.skuId,
			mpId: input.mpId,
			mpSkuId: input.mpSkuId,
			quantity: input.quantity,
			title: input.title || found.item.title,
			pic: input.pic || found.item.picUrls[0],
			userId: input.userId,
			createdAt: this.clock(),
		};
		this.cart.set(line.id, line);
		return line;
	}

	cartLine(id: bigint | number): TaobaoCartLine {
		const line = this.cart.get(Number(id));
		if (!line) throw new SandboxError(200, CODES.notFound, `Taobao cart item ${id} does not exist`);
		return line;
	}

	removeFromCart(ids: Array<bigint | number>): void {
		for (const id of ids) this.cartLine(id);
		for (const id of ids) this.cart.delete(Number(id));
	}

	/** Cart lines grouped by shop, split into orderable and sold-out, like the 1688 cart list. */
	cartList(userId?: string): { enableList: unknown[]; disableList: unknown[] } {
		const groups = { enable: new Map<number, unknown[]>(), disable: new Map<number, unknown[]>() };
		for (const line of this.cart.values()) {
			if (userId !== undefined && line.userId !== userId) continue;
			const { item, sku } = findTaobaoSku(line.itemId, line.skuId)!;
			const target = sku.quantity > 0 ? groups.enable : groups.disable;
			const list = target.get(item.shopId) ?? [];
			list.push({
				id: line.id,
				itemId: BigInt(item.itemId),
				skuId: sku.skuId,
				mpId: item.mpId,
				mpSkuId: sku.mpSkuId,
				itemTitle: line.title,
				itemPic: line.pic,
				price: sku.priceFen,
				promotionPrice: sku.promotionPriceFen,
				quantity: line.quantity,
				skuQuantity: String(sku.quantity),
				properties: JSON.stringify(sku.properties),
				userId: line.userId,
			});
			target.set(item.shopId, list);
		}
		const asList = (m: Map<number, unknown[]>) =>
			[...m.entries()].map(([shopId, cartItemInfos]) => {
				const item = TAOBAO_ITEMS.find((i) => i.shopId === shopId)!;
				return { shopId, shopName: item.shopName, userNick: item.userNick, cartItemInfos };
			});
		return { enableList: asList(groups.enable), disableList: asList(groups.disable) };
	}

	cartQuote(ids: Array<bigint | number>): Array<TaobaoQuoteLine & { cartId: number }> {
		return ids.map((id) => {
			const line = this.cartLine(id);
			const [quoted] = this.quote([line]);
			return { ...quoted, cartId: line.id };
		});
	}

	/** One order from cart lines (sub-orders per line); the lines leave the cart. */
	createFromCart(ids: Array<bigint | number>, receiver: Record<string, string>, userId?: string): TaobaoOrder {
		const quoted = this.cartQuote(ids);
		this.assertInStock(quoted);
		const order = this.createOrder(
			quoted.map((q) => ({ itemId: q.item.itemId, skuId: q.sku.skuId, title: q.item.title, quantity: q.quantity, priceFen: q.unitPriceFen })),
			receiver,
		);
		order.userId = userId;
		order.cartIds = quoted.map((q) => q.cartId);
		for (const q of quoted) this.cart.delete(q.cartId);
		return order;
	}

	/** Orders newest first, optionally of one status. */
	list(status?: TaobaoOrderStatus): TaobaoOrder[] {
		return [...this.orders.values()]
			.filter((o) => status === undefined || o.status === status)
			.sort((a, b) => (a.id < b.id ? 1 : -1));
	}

	pay(orderId: string | bigint): TaobaoOrder {
		const order = this.order(orderId);
		if (order.status !== 'WAIT_BUYER_PAY') {
			throw new SandboxError(200, CODES.conflict, `Taobao order ${orderId} is ${order.status}, not waiting for payment`);
		}
		order.status = 'WAIT_SELLER_SEND_GOODS';
		order.paidAt = this.clock();
		this.emit('pay', 'taobao', order.id.toString(), { totalAmount: taobaoOrderTotals(order).total });
		return order;
	}

	cancel(orderId: string | bigint, reason?: string): TaobaoOrder {
		const order = this.order(orderId);
		if (order.status !== 'WAIT_BUYER_PAY') {
			throw new SandboxError(200, CODES.conflict, `Taobao order ${orderId} is ${order.status} and can no longer be cancelled`);
		}
		order.status = 'TRADE_CLOSED';
		order.cancelReason = reason;
		order.closedAt = this.clock();
		this.emit('cancel', 'taobao', order.id.toString(), { reason });
		return order;
	}

	/** The seller changes the postage before payment (a price-modification message). */
	changePrice(orderId: string | bigint, postFeeFen: number): TaobaoOrder {
		const order = this.order(orderId);
		if (order.status !== 'WAIT_BUYER_PAY') throw new SandboxError(200, CODES.conflict, `Taobao order ${orderId} is already paid`);
		order.postFeeFen = postFeeFen;
		this.emit('priceChange', 'taobao', order.id.toString(), { postFee: postFeeFen, totalAmount: taobaoOrderTotals(order).total });
		return order;
	}

	/** The seller ships some sub-orders (or all that are left) in one parcel. */
	ship(orderId: string | bigint, subOrderIds?: Array<bigint | string>): Parcel {
		const order = this.order(orderId);
		if (order.status !== 'WAIT_SELLER_SEND_GOODS') {
			throw new SandboxError(200, CODES.conflict, `Taobao order ${orderId} is ${order.status}, not waiting for shipment`);
		}
		for (const id of subOrderIds ?? []) {
			if (!order.lines.some((l) => String(l.subOrderId) === String(id))) {
				throw new SandboxError(200, CODES.notFound, `sub-order ${id} is not part of Taobao order ${orderId}`);
			}
		}
		const shipped = new Set(order.parcels.flatMap((p) => p.subItemIds.map(String)));
		const wanted = (subOrderIds ?? order.lines.map((l) => l.subOrderId)).map(String).filter((id) => !shipped.has(id));
		if (wanted.length === 0) throw new SandboxError(200, CODES.conflict, `nothing left to ship on Taobao order ${orderId}`);
		const carrier = TAOBAO_CARRIERS[order.parcels.length % TAOBAO_CARRIERS.length];
		const at = this.clock();
		const number = this.nextTrackingNumber++;
		const parcel: Parcel = {
			logisticsId: `TBLP${number}`,
			companyCode: carrier.code,
			companyName: carrier.name,
			trackingNo: `${carrier.code === 'SF' ? 'SF' : ''}${number}`,
			subItemIds: wanted.map((id) => BigInt(id)),
			shippedAt: at,
			events: [
				{ at, text: '卖家已发货 (shipped by seller)' },
				{ at: at + 60_000, text: '快件已揽收 (picked up)' },
				{ at: at + 3_600_000, text: '快件已到达转运中心 (arrived at sorting centre)' },
			],
		};
		order.parcels.push(parcel);
		const complete = order.lines.every((l) => shipped.has(String(l.subOrderId)) || wanted.includes(String(l.subOrderId)));
		if (complete) order.status = 'WAIT_BUYER_CONFIRM_GOODS';
		this.emit(complete ? 'ship' : 'partialShip', 'taobao', order.id.toString(), {
			trackingNo: parcel.trackingNo,
			companyCode: parcel.companyCode,
			subOrderIds: wanted,
		});
		return parcel;
	}

	/** A payment voucher (bank transfer slip) for an order waiting for payment; returns where it is kept. */
	addVoucher(orderId: string | bigint, voucher: { imageBase64?: string; imageAddress?: string }): string {
		const order = this.order(orderId);
		if (order.status !== 'WAIT_BUYER_PAY') {
			throw new SandboxError(200, CODES.conflict, `Taobao order ${orderId} is ${order.status}; vouchers are for orders waiting for payment`);
		}
		const url = voucher.imageAddress ?? `https://voucher.sandbox.pandapon.invalid/${order.id}/${order.vouchers.length + 1}.jpg`;
		order.vouchers.push(url);
		return url;
	}

	/** The forwarder warehouse the seller ships to; fixed once anything has shipped. */
	updateWarehouse(orderId: string | bigint, warehouse: Record<string, string>): TaobaoOrder {
		const order = this.order(orderId);
		if ((order.status !== 'WAIT_BUYER_PAY' && order.status !== 'WAIT_SELLER_SEND_GOODS') || order.parcels.length > 0) {
			throw new SandboxError(200, CODES.conflict, `Taobao order ${orderId} is ${order.status}${order.parcels.length ? ' and has shipped parcels' : ''}; its warehouse can no longer change`);
		}
		order.warehouse = warehouse;
		return order;
	}
}
