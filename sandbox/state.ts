import { findSpec, sellerOf } from './seed';

/** A business refusal, answered as an envelope with the sandbox's own code (see sandbox/README.md). */
export class SandboxError extends Error {
	constructor(
		readonly httpStatus: number,
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

export const CODES = {
	ok: 200,
	invalidRequest: 4000,
	missingHeaders: 4001,
	unknownAccessKey: 4010,
	badSignature: 4030,
	notFound: 4040,
	unknownPath: 4041,
	conflict: 4090,
	staleTimestamp: 4120,
	nonceReused: 4121,
	rateLimited: 4290,
	internal: 5000,
	injected: 5001,
} as const;

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
}

export const FIRST_ORDER_ID = 2542285634920880794n;
const ORDER_ID_STEP = 1_000_003n;
const FIRST_SUB_ITEM_ID = 3315502871190443521n;

/** Everything the sandbox remembers; one instance per server, so tests never share state. */
export class SandboxState {
	readonly cart = new Map<number, CartLine>();
	readonly orders = new Map<string, Order>();
	/** Writes per path that reached the business logic, the proof that nothing was sent twice. */
	readonly writeCounts = new Map<string, number>();
	private nextCartId = 100_001;
	private nextOrderId = FIRST_ORDER_ID;
	private nextSubItemId = FIRST_SUB_ITEM_ID;

	constructor(private readonly clock: () => number) {}

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
		const previews = [...this.cartBySeller(cartIds).entries()].map(([sellerOpenId, lines]) => {
			const orderLines = this.linesOf(lines);
			const goods = orderLines.reduce((t, l) => t + l.priceFen * l.quantity, 0);
			const carriage = sellerOf(sellerOpenId).carriageFen;
			return {
				sellerOpenId,
				status: true,
				sumPayment: goods + carriage,
				sumCarriage: carriage,
				sumPaymentNoCarriage: goods,
				discountFee: 0,
				tradeModeNameList: ['担保交易'],
				cargoList: orderLines.map((l) => ({
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

	createFromCart(input: {
		cartIds: Array<bigint | number>;
		address: Record<string, string>;
		flow: string;
		message?: string;
		tradeType?: string;
		userId?: string;
		staffName?: string;
	}): Order[] {
		const bySeller = this.cartBySeller(input.cartIds);
		const created: Order[] = [];
		for (const [sellerOpenId, lines] of bySeller) {
			const order: Order = {
				id: this.nextOrderId,
				sellerOpenId,
				status: 'waitbuyerpay',
				lines: this.linesOf(lines).map((l) => ({ ...l, subItemId: this.nextSubItemId++ })),
				shippingFen: sellerOf(sellerOpenId).carriageFen,
				discountFen: 0,
				address: input.address,
				flow: input.flow,
				message: input.message,
				tradeType: input.tradeType,
				userId: input.userId,
				staffName: input.staffName,
				createdAt: this.clock(),
				cartIds: lines.map((l) => l.id),
			};
			this.nextOrderId += ORDER_ID_STEP;
			this.orders.set(order.id.toString(), order);
			for (const line of lines) this.cart.delete(line.id);
			created.push(order);
		}
		return created;
	}

	order(orderId: string | bigint | number): Order {
		const order = this.orders.get(String(orderId));
		if (!order) throw new SandboxError(200, CODES.notFound, `order ${orderId} does not exist`);
		return order;
	}
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

/** The 1688 order-detail shape (baseInfo, productItems, nativeLogistics, tradeTerms…), amounts in fen. */
export function orderDetail(order: Order): unknown {
	const { goods, total } = orderTotals(order);
	return {
		baseInfo: {
			id: order.id,
			idOfStr: order.id.toString(),
			status: order.status,
			flow: order.flow,
			tradeType: order.tradeType ?? '50060',
			totalAmount: total,
			sumProductPayment: goods,
			shippingFee: order.shippingFen,
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
			price: l.priceFen,
			itemAmount: l.priceFen * l.quantity,
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
			logisticsItems: [],
		},
		tradeTerms: [{ payStatus: order.status === 'waitbuyerpay' ? '1' : '2', phasAmount: total, phase: 1 }],
		guaranteesTerms: { assuranceInfo: '交易保障', qualityAssuranceType: 'standard' },
		orderBizInfo: { odsCyd: false, creditOrder: false },
	};
}
