import type { EndpointKey } from '../../nodes/shared/catalogue';
import type { OrderInput, SandboxState } from '../state';

/** What a handler gets: the request already authenticated and checked against its contract. */
export interface HandlerInput {
	body: Record<string, unknown>;
	query: Record<string, string>;
	state: SandboxState;
}

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
