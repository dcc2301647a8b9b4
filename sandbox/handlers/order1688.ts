import { CODES, SandboxError } from '../errors';
import { orderDetail, orderTotals } from '../state';
import type { OrderLine, SandboxState } from '../state';
import type { AreaHandlers } from './common';
import { orderInput } from './common';

type Cargo = { offerId: bigint | number; specId?: string; quantity: number; sellerOpenId?: string };

/** Cargo lines grouped by the seller that sells them; a stated sellerOpenId must match the offer. */
function bySeller(state: SandboxState, cargo: Cargo[]): Map<string, OrderLine[]> {
	const groups = new Map<string, OrderLine[]>();
	state.cargoLines(cargo).forEach(({ sellerOpenId, line }, index) => {
		const stated = cargo[index].sellerOpenId;
		if (stated && stated !== sellerOpenId) {
			throw new SandboxError(200, CODES.invalidRequest, `offer ${line.offerId} is sold by ${sellerOpenId}, not ${stated}`);
		}
		groups.set(sellerOpenId, [...(groups.get(sellerOpenId) ?? []), line]);
	});
	return groups;
}

function singleSeller(groups: Map<string, OrderLine[]>): [string, OrderLine[]] {
	if (groups.size !== 1) {
		throw new SandboxError(200, CODES.invalidRequest, `the lines belong to ${groups.size} sellers; one order has one seller (use the batch call)`);
	}
	return [...groups.entries()][0];
}


export const ORDER_1688: AreaHandlers = {
	order1688Preview: ({ body, state }) => {
		const groups = bySeller(state, body.cargoParamList as Cargo[]);
		singleSeller(groups);
		return state.preview(groups);
	},
	order1688Create: ({ body, state }) => {
		const [sellerOpenId, lines] = singleSeller(bySeller(state, body.cargoParamList as Cargo[]));
		const order = state.createOrder(sellerOpenId, lines, orderInput(body));
		// Pandapon publishes no answer; this is 1688's own fastCreateOrder result, amounts in fen.
		return { success: true, orderId: order.id, totalSuccessAmount: orderTotals(order).total, postFee: order.shippingFen };
	},
	order1688PreviewBatch: ({ body, state, variants }) =>
		variants.emptyPreview ? { success: true, orderPreviewResuslt: [] } : state.preview(bySeller(state, body.cargoParamList as Cargo[])),
	/** The published example (doc-cnv2/api-288855706) answers with the created orders' details. */
	order1688CreateBatch: ({ body, state }) => {
		const groups = bySeller(state, body.cargoParamList as Cargo[]);
		return [...groups.entries()].map(([sellerOpenId, lines]) => orderDetail(state.createOrder(sellerOpenId, lines, orderInput(body))));
	},
	order1688Detail: ({ body, state }) => orderDetail(state.order(body.orderId as string)),
	order1688Page: ({ body, state }) => {
		const pageNo = body.pageNo as number;
		const pageSize = body.pageSize as number;
		const all = [...state.orders.values()]
			.filter((o) => !body.status || o.status === body.status)
			.sort((a, b) => b.createdAt - a.createdAt || (b.id > a.id ? 1 : -1));
		return {
			totalRecords: all.length,
			totalPage: Math.ceil(all.length / pageSize),
			currentPage: pageNo,
			pageSize,
			data: all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map(orderDetail),
		};
	},
	order1688Cancel: ({ body, state }) => {
		state.cancel(body.orderId as bigint, body.cancelReason as string);
		return true;
	},
	order1688PayUrl: ({ query, state }) => {
		const payable = state.order(query.orderId).status === 'waitbuyerpay';
		return {
			orderId: query.orderId,
			protocolPaySuccess: false,
			payUrl: payable ? `https://trade.1688.com/order/cashier.htm?orderId=${query.orderId}` : '',
			cantPayOrderList: payable ? [] : [BigInt(query.orderId)],
		};
	},
	order1688BulkPay: ({ body, state, variants }) => {
		const results = (body.orderIds as string[]).map((id) => {
			try {
				const order = state.pay(id);
				return { orderId: order.id, success: true, payAmount: orderTotals(order).total };
			} catch (error) {
				return { orderId: BigInt(id), success: false, errorMsg: (error as Error).message };
			}
		});
		return variants.bulkPayAnswer === 'bare' ? undefined : { payResults: results };
	},
	order1688ConfirmReceipt: ({ body, state }) => {
		try {
			state.confirmReceipt(body.orderId as bigint, (body.orderEntryIds as bigint[] | undefined) ?? []);
			return { success: true, errorInfo: '', errorCode: '' };
		} catch (error) {
			// The documented shape for an upstream refusal: HTTP 200, code 200, data.success false.
			return { success: false, errorCode: 'ORDER_STATUS_NOT_SUPPORT', errorInfo: (error as Error).message };
		}
	},
	address1688Save: ({ body, state }) => {
		state.saveAddress(body as unknown as Parameters<SandboxState['saveAddress']>[0]);
		return undefined;
	},
	address1688List: ({ state }) => state.addresses,
};
