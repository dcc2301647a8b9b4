import { orderTotals } from '../state';
import { orderInput } from './common';
import type { AreaHandlers } from './common';

const ids = (value: unknown) => value as Array<bigint | number>;

export const CART_1688: AreaHandlers = {
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
	cart1688Preview: ({ body, state, variants }) => (variants.emptyPreview ? { success: true, orderPreviewResuslt: [] } : state.previewCart(ids(body.cartIds))),
	/** The seed page documents a bare envelope; `orders` is the shape this package once assumed, kept to test that it is not trusted. */
	cart1688CreateOrder: ({ body, state, variants }) => {
		const orders = state.createFromCart({ ...orderInput(body), cartIds: ids(body.cartIds) });
		if (variants.cartCreateAnswer === 'bare') return undefined;
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
};
