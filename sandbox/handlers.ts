import type { EndpointKey } from '../nodes/shared/catalogue';
import { CODES, orderDetail, orderTotals, SandboxError } from './state';
import type { SandboxState } from './state';

/** What a handler gets: the request already authenticated and checked against its contract. */
export interface HandlerInput {
	body: Record<string, unknown>;
	query: Record<string, string>;
	state: SandboxState;
}

type Handler = (input: HandlerInput) => unknown;

const ids = (value: unknown) => value as Array<bigint | number>;

export const HANDLERS: Record<EndpointKey, Handler> = {
	cart1688Add: ({ body, state }) => {
		const line = state.addToCart(body.offerId as bigint | number, body.specId as string | undefined, body.quantity as number);
		return { cartId: line.id };
	},
	cart1688List: ({ state }) => state.cartList(),
	cart1688EditQuantity: ({ body, state }) => {
		const line = state.cartLine(body.id as bigint | number);
		line.quantity = body.quantity as number;
		return true;
	},
	cart1688Delete: ({ body, state }) => {
		const cartIds = ids(body.cartIds);
		for (const id of cartIds) state.cartLine(id);
		for (const id of cartIds) state.cart.delete(Number(id));
		return true;
	},
	cart1688Preview: ({ body, state }) => state.previewCart(ids(body.cartIds)),
	cart1688CreateOrder: ({ body, state }) => {
		const orders = state.createFromCart({
			cartIds: ids(body.cartIds),
			address: body.addressParam as Record<string, string>,
			flow: body.flow as string,
			message: body.message as string | undefined,
			tradeType: body.tradeType as string | undefined,
			userId: body.userId as string | undefined,
			staffName: body.staffName as string | undefined,
		});
		return {
			success: true,
			orders: orders.map((o) => ({
				orderId: o.id,
				sellerOpenId: o.sellerOpenId,
				totalAmount: orderTotals(o).total,
				postFee: o.shippingFen,
				cartIds: o.cartIds,
			})),
		};
	},
	order1688Detail: ({ body, state }) => {
		if (body.webSite !== '1688') throw new SandboxError(200, CODES.invalidRequest, 'webSite must be 1688');
		return orderDetail(state.order(body.orderId as string));
	},
};
