/**
 * Every Pandapon endpoint the package calls (decision D6). `documented` rows follow a published
 * page; `inferred` rows take their path from the naming of documented neighbours because the page
 * body was not available. The README's operation table is generated from this list.
 */
export type Platform = '1688' | 'taobao';

export interface Endpoint {
	/** The node and operation (display names) that call it; the README's table is built from these. */
	node: 'Cart' | 'Order' | 'Product' | 'Logistics' | 'After-Sales' | 'Trigger';
	operation: string;
	platform: Platform;
	method: 'GET' | 'POST';
	path: string;
	/** Writes are never retried blindly (decision D8). */
	kind: 'read' | 'write';
	provenance: 'documented' | 'inferred';
	/** The documentation page the row comes from (short form, see ../shared/pandapon-api.md). */
	source: string;
	summary: string;
}

function endpoint(e: Endpoint): Endpoint {
	return e;
}

export const ENDPOINTS = {
	cart1688Add: endpoint({
		node: 'Cart',
		operation: 'Add Item',
		platform: '1688',
		method: 'POST',
		path: '/alibaba/cart/add',
		kind: 'write',
		provenance: 'inferred',
		source: 'doc-cnv2/api-288855705 (menu: add)',
		summary: 'Add an offer spec to the 1688 cart',
	}),
	cart1688List: endpoint({
		node: 'Cart',
		operation: 'Get Many',
		platform: '1688',
		method: 'GET',
		path: '/alibaba/cart/list',
		kind: 'read',
		provenance: 'inferred',
		source: 'doc-cnv2/api-288837580 (v2 /v2/alibaba/cart/list)',
		summary: 'List the 1688 cart, grouped by seller',
	}),
	cart1688EditQuantity: endpoint({
		node: 'Cart',
		operation: 'Update Quantity',
		platform: '1688',
		method: 'POST',
		path: '/alibaba/cart/edit-quantity',
		kind: 'write',
		provenance: 'documented',
		source: 'doc/api-250313129',
		summary: 'Change the quantity of a 1688 cart item',
	}),
	cart1688Delete: endpoint({
		node: 'Cart',
		operation: 'Remove Items',
		platform: '1688',
		method: 'POST',
		path: '/alibaba/cart/delete',
		kind: 'write',
		provenance: 'inferred',
		source: 'doc-cnv2/api-288855705 (menu: delete)',
		summary: 'Remove items from the 1688 cart',
	}),
	cart1688Preview: endpoint({
		node: 'Cart',
		operation: 'Preview Order',
		platform: '1688',
		method: 'POST',
		path: '/alibaba/cart/create/preview',
		kind: 'read',
		provenance: 'inferred',
		source: 'doc-cnv2/api-288855705 (menu: preview before create)',
		summary: 'Preview the orders that cart items would become',
	}),
	cart1688CreateOrder: endpoint({
		node: 'Cart',
		operation: 'Create Order',
		platform: '1688',
		method: 'POST',
		path: '/alibaba/cart/create/order',
		kind: 'write',
		provenance: 'documented',
		source: 'doc-en/api-263477662',
		summary: 'Create 1688 orders from cart items',
	}),
	order1688Detail: endpoint({
		node: 'Order',
		operation: 'Get',
		platform: '1688',
		method: 'POST',
		path: '/alibaba/order/detail',
		kind: 'read',
		provenance: 'documented',
		source: 'doc-vnm/api-250496569',
		summary: 'Get a 1688 order',
	}),
} as const;

export type EndpointKey = keyof typeof ENDPOINTS;
