import { CODES, SandboxError } from '../errors';
import type { Parcel } from '../records';
import { TAOBAO_ITEMS } from '../taobao/seed';
import { taobaoOrderTotals } from '../taobao/state';
import type { TaobaoOrder, TaobaoOrderStatus, TaobaoQuoteLine, TaobaoState } from '../taobao/state';
import type { AreaHandlers } from './common';

const ids = (value: unknown) => value as Array<bigint | number>;

/** Beijing time as Taobao writes it: `2026-05-14 09:30:00`. */
function cnTime(ms: number | undefined): string | undefined {
	if (ms === undefined) return undefined;
	return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

interface WireLine {
	itemId: string;
	skuId: string;
	orderLineNo: string;
	quantity: number;
	price: number;
}

/** The contract has already checked the inner JSON; this only reads it. */
function orderLines(body: Record<string, unknown>): WireLine[] {
	return JSON.parse(body.orderLineList as string) as WireLine[];
}

function shopOf(itemId: string) {
	return TAOBAO_ITEMS.find((i) => i.itemId === itemId);
}

function quotedLines(lines: TaobaoQuoteLine[]) {
	return lines.map((q) => ({
		orderLineNo: q.orderLineNo,
		itemId: BigInt(q.item.itemId),
		skuId: q.sku.skuId,
		itemTitle: q.item.title,
		shopId: q.item.shopId,
		shopName: q.item.shopName,
		quantity: q.quantity,
		price: q.unitPriceFen,
		amount: q.unitPriceFen * q.quantity,
		stock: q.sku.quantity,
		canBuy: q.sku.quantity >= q.quantity,
	}));
}

function created(order: TaobaoOrder) {
	const { goods, postFee, total } = taobaoOrderTotals(order);
	return {
		orderId: order.id,
		status: order.status,
		currency: 'CNY',
		totalAmount: total,
		goodsAmount: goods,
		postFee,
		subOrders: order.lines.map((l) => ({
			subOrderId: l.subOrderId,
			orderLineNo: l.orderLineNo,
			itemId: BigInt(l.itemId),
			skuId: l.skuId,
			quantity: l.quantity,
			price: l.priceFen,
		})),
	};
}

function parcelOf(order: TaobaoOrder, subOrderId: bigint): Parcel | undefined {
	return order.parcels.find((p) => p.subItemIds.includes(subOrderId));
}

/** The order as detail and page return it; `receiver` is where the seller ships (the pre-warehouse). */
export function taobaoOrderView(order: TaobaoOrder) {
	return {
		...created(order),
		createTime: cnTime(order.createdAt),
		payTime: cnTime(order.paidAt),
		closeTime: cnTime(order.closedAt),
		cancelReason: order.cancelReason,
		purchaseAmount: order.purchaseAmountFen,
		orderSource: order.orderSource,
		sellerOrderNumber: order.sellerOrderNumber,
		receiver: order.warehouse ?? order.receiver,
		preWarehouseModified: order.warehouse !== undefined,
		vouchers: order.vouchers,
		subOrders: order.lines.map((l) => {
			const parcel = parcelOf(order, l.subOrderId);
			const shop = shopOf(l.itemId);
			return {
				subOrderId: l.subOrderId,
				orderLineNo: l.orderLineNo,
				itemId: BigInt(l.itemId),
				skuId: l.skuId,
				itemTitle: l.title,
				shopId: shop?.shopId,
				shopName: shop?.shopName,
				quantity: l.quantity,
				price: l.priceFen,
				amount: l.priceFen * l.quantity,
				logisticCompanyName: parcel?.companyName,
				logisticNumber: parcel?.trackingNo,
			};
		}),
	};
}

function createFromWire(state: TaobaoState, body: Record<string, unknown>): TaobaoOrder {
	const wire = orderLines(body);
	const quoted = state.quote(wire);
	state.assertInStock(quoted);
	wire.forEach((line, n) => {
		if (line.price !== quoted[n].unitPriceFen) {
			throw new SandboxError(
				200,
				CODES.conflict,
				`the price of SKU ${line.skuId} is now ${quoted[n].unitPriceFen} fen, not ${line.price}; preview the order again`,
			);
		}
	});
	const { total } = state.quoteTotals(quoted);
	const budget = body.purchaseAmount as number | undefined;
	if (budget !== undefined && total > budget) {
		throw new SandboxError(200, CODES.conflict, `the order costs ${total} fen, above the purchase amount (budget) of ${budget} fen`);
	}
	return state.createOrder(
		quoted.map((q, n) => ({
			itemId: q.item.itemId,
			skuId: q.sku.skuId,
			title: q.item.title,
			quantity: q.quantity,
			priceFen: q.unitPriceFen,
			orderLineNo: wire[n].orderLineNo,
		})),
		JSON.parse(body.receiver as string) as Record<string, string>,
		{
			purchaseAmountFen: budget,
			orderSource: body.orderSource as string | undefined,
			sellerOrderNumber: body.sellerOrderNumber as string | undefined,
		},
	);
}

export const TAOBAO: AreaHandlers = {
	taobaoCartAdd: ({ body, state }) => {
		const line = state.taobao.addToCart({
			itemId: String(body.itemId),
			skuId: body.skuId as string,
			mpId: body.mpId as string,
			mpSkuId: body.mpSkuId as string,
			quantity: body.quantity as number,
			title: body.itemTitle as string | undefined,
			pic: body.itemPic as string | undefined,
			userId: body.userId as string | undefined,
		});
		return { cartId: line.id, quantity: line.quantity };
	},
	taobaoCartList: ({ query, state }) => state.taobao.cartList(query.userId),
	taobaoCartEditQuantity: ({ body, state }) => {
		state.taobao.cartLine(body.id as bigint | number).quantity = body.quantity as number;
		return true;
	},
	taobaoCartDelete: ({ body, state }) => {
		state.taobao.removeFromCart(ids(body.ids));
		return true;
	},
	taobaoCartPreview: ({ body, state }) => {
		const quoted = state.taobao.cartQuote(ids(body.ids));
		state.taobao.assertInStock(quoted);
		const { goods, postFee, total } = state.taobao.quoteTotals(quoted);
		return {
			currency: 'CNY',
			totalAmount: total,
			goodsAmount: goods,
			postFee,
			lines: quotedLines(quoted).map((line, n) => ({ cartId: quoted[n].cartId, ...line })),
		};
	},
	taobaoCartCreateOrder: ({ body, state }) => {
		state.taobao.createFromCart(ids(body.ids), body.orderAddress as Record<string, string>, body.userId as string | undefined);
		// The page (doc/api-250313096) documents the bare envelope: nothing says which order was made.
		return undefined;
	},
	taobaoOrderPreview: ({ body, state }) => {
		const wire = orderLines(body);
		const quoted = state.taobao.quote(wire);
		const { goods, postFee, total } = state.taobao.quoteTotals(quoted);
		return {
			currency: 'CNY',
			totalAmount: total,
			goodsAmount: goods,
			postFee,
			canBuy: quoted.every((q) => q.sku.quantity >= q.quantity),
			orderLines: quotedLines(quoted).map((line, n) => ({
				...line,
				requestedPrice: wire[n].price,
				priceChanged: wire[n].price !== line.price,
			})),
		};
	},
	taobaoOrderCreate: ({ body, state }) => created(createFromWire(state.taobao, body)),
	taobaoOrderDetail: ({ query, state }) => taobaoOrderView(state.taobao.order(query.orderId)),
	taobaoOrderPage: ({ query, state }) => {
		const pageNo = Number(query.pageNo);
		const pageSize = Number(query.pageSize);
		const all = state.taobao.list(query.status as TaobaoOrderStatus | undefined);
		return {
			total: all.length,
			pageNo,
			pageSize,
			list: all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map(taobaoOrderView),
		};
	},
	taobaoOrderCancel: ({ body, state }) => {
		state.taobao.cancel(body.orderId as bigint, body.cancelReason as string | undefined);
		return true;
	},
	taobaoOrderPay: ({ body, state }) => {
		const order = state.taobao.pay(body.orderId as bigint);
		return { orderId: order.id, status: order.status, paidAmount: taobaoOrderTotals(order).total, payTime: cnTime(order.paidAt) };
	},
	taobaoOrderVoucher: ({ body, state }) => {
		const order = state.taobao.order(body.orderId as bigint);
		const voucherUrl = state.taobao.addVoucher(order.id, {
			imageBase64: body.imageBase64 as string | undefined,
			imageAddress: body.imageAddress as string | undefined,
		});
		return { orderId: order.id, voucherUrl, voucherCount: order.vouchers.length };
	},
	taobaoOrderWarehouse: ({ body, state }) => {
		state.taobao.updateWarehouse(body.orderId as bigint, JSON.parse(body.receiver as string) as Record<string, string>);
		return true;
	},
	taobaoOrderImLink: ({ body, state }) => {
		const bizId = body.bizId as string;
		if (body.sourceType === 'item' && !TAOBAO_ITEMS.some((i) => i.itemId === bizId)) {
			throw new SandboxError(200, CODES.notFound, `Taobao item ${bizId} does not exist`);
		}
		if (body.sourceType === 'order') state.taobao.order(bizId);
		return `https://distributor.taobao.global/apps/open/imchat?sourceType=${body.sourceType as string}&bizId=${bizId}&token=sandbox`;
	},
	/** The published shape (doc/api-250313082): the parcels of one purchase sub-order. */
	taobaoLogistics: ({ query, state }) => {
		const sub = query.subPurchaseOrderId;
		const order = [...state.taobao.orders.values()].find((o) => o.lines.some((l) => l.subOrderId.toString() === sub));
		if (!order) throw new SandboxError(200, CODES.notFound, `Taobao purchase sub-order ${sub} does not exist`);
		return {
			purchaseOrderOuterId: sub,
			pnmLogisticsDetails: order.parcels
				.filter((p) => p.subItemIds.some((id) => id.toString() === sub))
				.map((p) => ({
					mailNo: p.trackingNo,
					logisticsTraces: p.events.map((e) => ({
						status: 'TRANSPORT',
						action: 'TMS_ACCEPT',
						time: cnTime(e.at),
						city: '杭州市',
						statusDesc: e.text,
						standerdDesc: e.text,
					})),
				})),
		};
	},
};
