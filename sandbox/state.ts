import { CODES, SandboxError } from './errors';
import type { Parcel, SandboxEvent } from './records';
import { findSpec, sellerOf } from './seed';
import { TaobaoRefunds } from './taobao/refunds';
import { TaobaoState } from './taobao/state';

export interface CartLine {
	id: number;
	offerId: number;
	specId: string;
	quantity: number;
	updatedAt: number;
}

export interface OrderLine {
	subItemId: bigint;
	offerId: number;
	specId: string;
	skuId: bigint;
	title: string;
	attributes: string;
	quantity: number;
	priceFen: number;
}

export type OrderStatus =
	| 'waitbuyerpay'
	| 'waitsellersend'
	| 'waitbuyerreceive'
	| 'confirm_goods'
	| 'success'
	| 'cancel'
	| 'terminated';


export type RefundStatus = 'waitselleragree' | 'waitbuyersend' | 'waitsellerreceive' | 'refundsuccess' | 'refundclose';

export interface Refund1688 {
	id: string;
	orderId: bigint;
	subItemIds: bigint[];
	disputeRequest: string;
	applyPaymentFen: number;
	applyCarriageFen: number;
	reasonId: number;
	description: string;
	goodsStatus: string;
	vouchers: string[];
	status: RefundStatus;
	returnShipment?: { logisticsCompanyNo: string; freightBill: string; description?: string };
	createdAt: number;
}


export interface Order {
	id: bigint;
	sellerOpenId: string;
	status: OrderStatus;
	lines: OrderLine[];
	shippingFen: number;
	discountFen: number;
	address: Record<string, string>;
	flow: string;
	message?: string;
	tradeType?: string;
	userId?: string;
	staffName?: string;
	createdAt: number;
	cartIds: number[];
	paidAt?: number;
	cancelReason?: string;
	parcels: Parcel[];
	confirmedSubItemIds: bigint[];
}

export const FIRST_ORDER_ID = 2542285634920880794n;
const FIRST_REFUND_NUMBER = 2207123456789012n;
const CARRIERS = [
	{ code: 'YTO', name: '圆通速递' },
	{ code: 'ZTO', name: '中通快递' },
	{ code: 'SF', name: '顺丰速运' },
];
const ORDER_ID_STEP = 1_000_003n;
const FIRST_SUB_ITEM_ID = 3315502871190443521n;

/** Everything the sandbox remembers; one instance per server, so tests never share state. */
export class SandboxState {
	readonly cart = new Map<number, CartLine>();
	readonly orders = new Map<string, Order>();
	/** Writes per path that reached the business logic, the proof that nothing was sent twice. */
	readonly writeCounts = new Map<string, number>();
	readonly refunds = new Map<string, Refund1688>();
	readonly addresses: SavedAddress[] = [
		{ id: 5001, name: '王小明', province: '浙江省', city: '杭州市', district: '余杭区', address: '文一西路969号 仓库3号门', phone: '13800138000', isDefault: true },
	];
	private nextAddressId = 5002;
	private readonly listeners: Array<(event: SandboxEvent) => void> = [];
	private nextRefundNumber = FIRST_REFUND_NUMBER;
	private nextTrackingNumber = 7_310_000_000_001;
	private nextCartId = 100_001;
	private nextOrderId = FIRST_ORDER_ID;
	private nextSubItemId = FIRST_SUB_ITEM_ID;

	readonly taobao: TaobaoState;
	readonly taobaoRefunds = new TaobaoRefunds();

	constructor(readonly clock: () => number) {
		this.taobao = new TaobaoState(clock, (type, platform, orderId, detail) => this.emit(type, platform, orderId, detail));
	}

	onEvent(listener: (event: SandboxEvent) => void): void {
		this.listeners.push(listener);
	}

	emit(type: SandboxEvent['type'], platform: SandboxEvent['platform'], orderId: string, detail?: Record<string, unknown>): void {
		const event: SandboxEvent = { type, platform, orderId, at: this.clock(), detail };
		for (const listener of this.listeners) listener(event);
	}

	countWrite(path: string): void {
		this.writeCounts.set(path, (this.writeCounts.get(path) ?? 0) + 1);
	}

	addToCart(offerId: bigint | number, specId: string | undefined, quantity: number): CartLine {
		const found = findSpec(offerId, specId);
		if (!found) throw new SandboxError(200, CODES.notFound, `offer ${offerId} has no spec "${specId ?? ''}"`);
		const existing = [...this.cart.values()].find(
			(l) => l.offerId === found.offer.offerId && l.specId === found.spec.specId,
		);
		if (existing) {
			existing.quantity += quantity;
			existing.updatedAt = this.clock();
			return existing;
		}
		const line: CartLine = {
			id: this.nextCartId++,
			offerId: found.offer.offerId,
			specId: found.spec.specId,
			quantity,
			updatedAt: this.clock(),
		};
		this.cart.set(line.id, line);
		return line;
	}

	cartLine(id: bigint | number): CartLine {
		const line = this.cart.get(Number(id));
		if (!line) throw new SandboxError(200, CODES.notFound, `cart item ${id} does not exist`);
		return line;
	}

	/** Cart lines grouped by seller, as the v2 cart list documents them. */
	cartList(): { enableList: unknown[]; disableList: unknown[] } {
		const groups = { enable: new Map<string, unknown[]>(), disable: new Map<string, unknown[]>() };
		for (const line of this.cart.values()) {
			const { offer, spec } = findSpec(line.offerId, line.specId)!;
			const target = spec.stock > 0 ? groups.enable : groups.disable;
			const list = target.get(offer.sellerOpenId) ?? [];
			list.push({
				id: line.id,
				offerMapId: offer.offerId,
				specId: spec.specId,
				skuId: spec.skuId,
				itemTitle: offer.title,
				itemPic: offer.imageUrl,
				price: spec.priceFen,
				quantity: line.quantity,
				amountOnSale: spec.stock,
				properties: spec.attributes,
			});
			target.set(offer.sellerOpenId, list);
		}
		const asList = (m: Map<string, unknown[]>) =>
			[...m.entries()].map(([sellerOpenId, cartItemInfos]) => ({
				sellerOpenId,
				sellerNickName: sellerOf(sellerOpenId).nickName,
				cartItemInfos,
			}));
		return { enableList: asList(groups.enable), disableList: asList(groups.disable) };
	}

	/** Cart lines split by seller: one future order per seller, refused if any line cannot be ordered. */
	private cartBySeller(cartIds: Array<bigint | number>): Map<string, CartLine[]> {
		const bySeller = new Map<string, CartLine[]>();
		for (const id of cartIds) {
			const line = this.cartLine(id);
			const { offer, spec } = findSpec(line.offerId, line.specId)!;
			if (spec.stock < line.quantity) {
				throw new SandboxError(200, CODES.conflict, `cart item ${id} is out of stock`);
			}
			bySeller.set(offer.sellerOpenId, [...(bySeller.get(offer.sellerOpenId) ?? []), line]);
		}
		return bySeller;
	}

	private linesOf(cartLines: CartLine[]): OrderLine[] {
		return cartLines.map((line) => {
			const { offer, spec } = findSpec(line.offerId, line.specId)!;
			return {
				subItemId: 0n,
				offerId: offer.offerId,
				specId: spec.specId,
				skuId: spec.skuId,
				title: offer.title,
				attributes: spec.attributes,
				quantity: line.quantity,
				priceFen: spec.priceFen,
			};
		});
	}

	previewCart(cartIds: Array<bigint | number>): unknown {
		const groups = new Map([...this.cartBySeller(cartIds).entries()].map(([seller, lines]) => [seller, this.linesOf(lines)]));
		return this.preview(groups);
	}

	/** The documented preview shape: one entry per seller, totals in fen. */
	preview(groups: Map<string, OrderLine[]>): unknown {
		const previews = [...groups.entries()].map(([sellerOpenId, lines]) => {
			const goods = lines.reduce((t, l) => t + l.priceFen * l.quantity, 0);
			const carriage = sellerOf(sellerOpenId).carriageFen;
			return {
				sellerOpenId,
				status: true,
				sumPayment: goods + carriage,
				sumCarriage: carriage,
				sumPaymentNoCarriage: goods,
				discountFee: 0,
				tradeModeNameList: ['担保交易'],
				cargoList: lines.map((l) => ({
					offerId: l.offerId,
					specId: l.specId,
					amount: l.priceFen * l.quantity,
					finalUnitPrice: l.priceFen,
					quantity: l.quantity,
				})),
			};
		});
		return { success: true, orderPreviewResuslt: previews, unsupportedCrossBorderPayOfferList: [] };
	}

	createFromCart(input: OrderInput & { cartIds: Array<bigint | number> }): Order[] {
		const bySeller = this.cartBySeller(input.cartIds);
		const created: Order[] = [];
		for (const [sellerOpenId, lines] of bySeller) {
			const order = this.createOrder(sellerOpenId, this.linesOf(lines), input, lines.map((l) => l.id));
			for (const line of lines) this.cart.delete(line.id);
			created.push(order);
		}
		return created;
	}

	/** Cargo lines (offer, spec, quantity) as order lines, refused when a spec is unknown or short. */
	cargoLines(cargo: Array<{ offerId: bigint | number; specId?: string; quantity: number }>): Array<{ sellerOpenId: string; line: OrderLine }> {
		return cargo.map((c) => {
			const found = findSpec(c.offerId, c.specId);
			if (!found) throw new SandboxError(200, CODES.notFound, `offer ${c.offerId} has no spec "${c.specId ?? ''}"`);
			if (found.spec.stock < c.quantity) throw new SandboxError(200, CODES.conflict, `offer ${c.offerId} is out of stock`);
			return {
				sellerOpenId: found.offer.sellerOpenId,
				line: {
					subItemId: 0n,
					offerId: found.offer.offerId,
					specId: found.spec.specId,
					skuId: found.spec.skuId,
					title: found.offer.title,
					attributes: found.spec.attributes,
					quantity: c.quantity,
					priceFen: found.spec.priceFen,
				},
			};
		});
	}

	createOrder(sellerOpenId: string, lines: OrderLine[], input: OrderInput, cartIds: number[] = []): Order {
		const order: Order = {
			id: this.nextOrderId,
			sellerOpenId,
			status: 'waitbuyerpay',
			lines: lines.map((l) => ({ ...l, subItemId: this.nextSubItemId++ })),
			shippingFen: sellerOf(sellerOpenId).carriageFen,
			discountFen: 0,
			address: input.address,
			flow: input.flow,
			message: input.message,
			tradeType: input.tradeType,
			userId: input.userId,
			staffName: input.staffName,
			createdAt: this.clock(),
			cartIds,
			parcels: [],
			confirmedSubItemIds: [],
		};
		this.nextOrderId += ORDER_ID_STEP;
		this.orders.set(order.id.toString(), order);
		this.emit('create', '1688', order.id.toString());
		return order;
	}

	saveAddress(input: Omit<SavedAddress, 'id' | 'isDefault'> & { id?: bigint | number }): SavedAddress {
		if (input.id !== undefined && Number(input.id) !== 0) {
			const existing = this.addresses.find((a) => a.id === Number(input.id));
			if (!existing) throw new SandboxError(200, CODES.notFound, `address ${input.id} does not exist`);
			Object.assign(existing, { ...input, id: existing.id });
			return existing;
		}
		const created: SavedAddress = { ...input, id: this.nextAddressId++, isDefault: false };
		this.addresses.push(created);
		return created;
	}

	pay(orderId: string | bigint): Order {
		const order = this.order(orderId);
		if (order.status !== 'waitbuyerpay') throw new SandboxError(200, CODES.conflict, `order ${orderId} is ${order.status}, not waiting for payment`);
		order.status = 'waitsellersend';
		order.paidAt = this.clock();
		this.emit('pay', '1688', order.id.toString());
		return order;
	}

	cancel(orderId: string | bigint, reason: string): Order {
		const order = this.order(orderId);
		if (order.status !== 'waitbuyerpay') throw new SandboxError(200, CODES.conflict, `order ${orderId} is ${order.status} and can no longer be cancelled`);
		order.status = 'cancel';
		order.cancelReason = reason;
		this.emit('cancel', '1688', order.id.toString(), { reason });
		return order;
	}

	/** The seller changes the shipping fee before payment (a price-modification message). */
	changePrice(orderId: string | bigint, shippingFen: number): Order {
		const order = this.order(orderId);
		if (order.status !== 'waitbuyerpay') throw new SandboxError(200, CODES.conflict, `order ${orderId} is already paid`);
		order.shippingFen = shippingFen;
		this.emit('priceChange', '1688', order.id.toString(), { shippingFee: shippingFen });
		return order;
	}

	/** The seller ships some lines (or all that are left) in one parcel. */
	ship(orderId: string | bigint, subItemIds?: Array<bigint | string>): Parcel {
		const order = this.order(orderId);
		if (order.status !== 'waitsellersend') throw new SandboxError(200, CODES.conflict, `order ${orderId} is ${order.status}, not waiting for shipment`);
		const shipped = new Set(order.parcels.flatMap((p) => p.subItemIds.map(String)));
		const wanted = (subItemIds ?? order.lines.map((l) => l.subItemId)).map(String).filter((id) => !shipped.has(id));
		if (wanted.length === 0) throw new SandboxError(200, CODES.conflict, `nothing left to ship on order ${orderId}`);
		const carrier = CARRIERS[order.parcels.length % CARRIERS.length];
		const at = this.clock();
		const parcel: Parcel = {
			logisticsId: `LP${String(this.nextTrackingNumber)}`,
			companyCode: carrier.code,
			companyName: carrier.name,
			trackingNo: `${carrier.code}${this.nextTrackingNumber++}`,
			subItemIds: wanted.map((id) => BigInt(id)),
			shippedAt: at,
			events: [
				{ at, text: '卖家已发货 (shipped by seller)' },
				{ at: at + 1, text: '快件已揽收 (picked up)' },
			],
		};
		order.parcels.push(parcel);
		const complete = order.lines.every((l) => shipped.has(String(l.subItemId)) || wanted.includes(String(l.subItemId)));
		if (complete) order.status = 'waitbuyerreceive';
		this.emit(complete ? 'ship' : 'partialShip', '1688', order.id.toString(), { trackingNo: parcel.trackingNo, companyCode: parcel.companyCode });
		return parcel;
	}

	confirmReceipt(orderId: string | bigint, subItemIds: Array<bigint | string> = []): Order {
		const order = this.order(orderId);
		if (order.status !== 'waitbuyerreceive' && order.status !== 'waitsellersend') {
			throw new SandboxError(200, CODES.conflict, `order ${orderId} is ${order.status} and cannot be confirmed`);
		}
		const ids = subItemIds.length > 0 ? subItemIds.map((id) => BigInt(id)) : order.lines.map((l) => l.subItemId);
		for (const id of ids) {
			if (!order.lines.some((l) => l.subItemId === id)) throw new SandboxError(200, CODES.notFound, `sub-order ${id} is not part of order ${orderId}`);
		}
		order.confirmedSubItemIds = [...new Set([...order.confirmedSubItemIds, ...ids])];
		if (order.lines.every((l) => order.confirmedSubItemIds.includes(l.subItemId))) order.status = 'confirm_goods';
		this.emit('confirm', '1688', order.id.toString());
		return order;
	}

	createRefund(input: Omit<Refund1688, 'id' | 'status' | 'createdAt'>): Refund1688 {
		const order = this.order(input.orderId);
		if (order.status === 'waitbuyerpay' || order.status === 'cancel') {
			throw new SandboxError(200, CODES.conflict, `order ${input.orderId} is ${order.status}; only paid orders can be refunded`);
		}
		const { total } = orderTotals(order);
		if (input.applyPaymentFen + input.applyCarriageFen > total) {
			throw new SandboxError(200, CODES.conflict, `refund of ${input.applyPaymentFen + input.applyCarriageFen} fen exceeds the order total ${total}`);
		}
		const refund: Refund1688 = {
			...input,
			id: `TQ${this.nextRefundNumber++}`,
			status: input.disputeRequest === 'refund' ? 'waitselleragree' : 'waitbuyersend',
			createdAt: this.clock(),
		};
		this.refunds.set(refund.id, refund);
		this.emit('refund', '1688', order.id.toString(), { refundId: refund.id });
		return refund;
	}

	refund(refundId: string): Refund1688 {
		const refund = this.refunds.get(refundId);
		if (!refund) throw new SandboxError(200, CODES.notFound, `refund ${refundId} does not exist`);
		return refund;
	}

	order(orderId: string | bigint | number): Order {
		const order = this.orders.get(String(orderId));
		if (!order) throw new SandboxError(200, CODES.notFound, `order ${orderId} does not exist`);
		return order;
	}
}

export interface SavedAddress {
	id: number;
	name: string;
	province: string;
	city: string;
	district?: string;
	address: string;
	phone: string;
	isDefault: boolean;
}

export interface OrderInput {
	address: Record<string, string>;
	flow: string;
	message?: string;
	tradeType?: string;
	userId?: string;
	staffName?: string;
}

export function orderTotals(order: Order): { goods: number; total: number } {
	const goods = order.lines.reduce((t, l) => t + l.priceFen * l.quantity, 0);
	return { goods, total: goods + order.shippingFen - order.discountFen };
}

function formatTime(ms: number): string {
	const d = new Date(ms + 8 * 3600_000);
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(
		d.getUTCMinutes(),
	)}${pad(d.getUTCSeconds())}${pad(d.getUTCMilliseconds(), 3)}+0800`;
}

/** Fen as the yuan decimal 1688's order detail writes (1470 → 14.7). */
const yuan = (fen: number) => fen / 100;

/**
 * The 1688 order-detail shape (baseInfo, productItems, nativeLogistics, tradeTerms…) in 1688's
 * units: amounts in yuan decimals, `discount` in fen (see nodes/shared/units.ts).
 */
export function orderDetail(order: Order): unknown {
	const { goods, total } = orderTotals(order);
	return {
		baseInfo: {
			id: order.id,
			idOfStr: order.id.toString(),
			status: order.status,
			flow: order.flow,
			tradeType: order.tradeType ?? '50060',
			totalAmount: yuan(total),
			sumProductPayment: yuan(goods),
			shippingFee: yuan(order.shippingFen),
			discount: order.discountFen,
			createTime: formatTime(order.createdAt),
			sellerOpenId: order.sellerOpenId,
			sellerLoginId: sellerOf(order.sellerOpenId).nickName,
			buyerFeedback: order.message ?? '',
			receiverInfo: {
				toFullName: order.address.fullName,
				toMobile: order.address.mobile ?? '',
				toPhone: order.address.phone ?? '',
				toPost: order.address.postCode ?? '',
				toDivisionCode: order.address.districtCode ?? '',
				toArea: [order.address.provinceText, order.address.cityText, order.address.areaText, order.address.address]
					.filter(Boolean)
					.join(' '),
			},
		},
		productItems: order.lines.map((l) => ({
			productID: l.offerId,
			skuID: l.skuId,
			specId: l.specId,
			subItemID: l.subItemId,
			subItemIDString: l.subItemId.toString(),
			name: l.title,
			skuInfos: l.attributes.split(';').map((pair) => {
				const [name, value] = pair.split(':');
				return { name, value };
			}),
			quantity: l.quantity,
			price: yuan(l.priceFen),
			itemAmount: yuan(l.priceFen * l.quantity),
			status: order.status,
		})),
		nativeLogistics: {
			address: order.address.address,
			area: order.address.areaText ?? '',
			areaCode: order.address.districtCode ?? '',
			city: order.address.cityText,
			contactPerson: order.address.fullName,
			mobile: order.address.mobile ?? '',
			province: order.address.provinceText,
			telephone: order.address.phone ?? '',
			zip: order.address.postCode ?? '',
			logisticsItems: order.parcels.map((p) => ({
				logisticsBillNo: p.trackingNo,
				logisticsCompanyNo: p.companyCode,
				logisticsCompanyName: p.companyName,
				subItemIds: p.subItemIds.map(String).join(','),
				deliveredTime: formatTime(p.shippedAt),
			})),
		},
		tradeTerms: [{ payStatus: order.status === 'waitbuyerpay' || order.status === 'cancel' ? '1' : '2', phasAmount: yuan(total), phase: 1 }],
		guaranteesTerms: { assuranceInfo: '交易保障', qualityAssuranceType: 'standard' },
		orderBizInfo: { odsCyd: false, creditOrder: false },
	};
}
