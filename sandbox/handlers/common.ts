import type { EndpointKey } from '../../nodes/shared/catalogue';
import type { OrderInput, SandboxState } from '../state';

/** What a handler gets: the request already authenticated and checked against its contract. */
export interface HandlerInput {
	body: Record<string, unknown>;
	query: Record<string, string>;
	/** The values of the path's `{name}` segments. */
	path: Record<string, string>;
	state: SandboxState;
	variants: Variants;
}

/**
 * Where Pandapon's mirrors or unpublished answers leave a choice, the sandbox answers one way by
 * default and the other on request, so tests can show the nodes cope with (or refuse) each.
 */
export interface Variants {
	/** Bulk pay's answer is unpublished: `payResults` lists `{orderId, success}`; `bare` has no data. */
	bulkPayAnswer: 'payResults' | 'bare';
	/** 1688 create-from-cart: `bare` is the seed page's envelope without data (doc-en/api-263477662). */
	cartCreateAnswer: 'bare' | 'orders';
	/** 1688 refund info: vnm shows `refundId` in the query, the other mirror in the body. */
	refundInfoIdIn: 'query' | 'body';
	/** A preview without entries (an upstream answer that priced nothing). */
	emptyPreview: boolean;
}

export const DEFAULT_VARIANTS: Variants = { bulkPayAnswer: 'payResults', cartCreateAnswer: 'bare', refundInfoIdIn: 'query', emptyPreview: false };

/** Returns the envelope's `data`, or throws a SandboxError for a business refusal. */
export type Handler = (input: HandlerInput) => unknown;

export type AreaHandlers = Partial<Record<EndpointKey, Handler>>;

/** The order fields shared by every 1688 create call. */
export function orderInput(body: Record<string, unknown>): OrderInput {
	return {
		address: body.addressParam as Record<string, string>,
		flow: (body.flow as string | undefined) ?? 'general',
		message: body.message as string | undefined,
		tradeType: body.tradeType as string | undefined,
		userId: body.userId as string | undefined,
		staffName: body.staffName as string | undefined,
	};
}
