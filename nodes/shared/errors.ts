import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

import type { Endpoint } from './catalogue';
import type { PandaponFailure } from './envelope';

/** How a failed call ended, as far as the caller can know. */
export type Outcome = 'failed' | 'unknown' | 'notSent';

/**
 * Input that is wrong before any request: the message names the parameter; the item is the error's
 * itemIndex, which n8n shows beside the message ("Item Index"), so the message does not repeat it.
 */
export function inputError(
	node: INode,
	itemIndex: number,
	parameter: string,
	problem: string,
	hint?: string,
): NodeOperationError {
	return new NodeOperationError(node, `${parameter}: ${problem}`, {
		itemIndex,
		description: hint,
	});
}

function describeFailure(endpoint: Endpoint, failure: PandaponFailure, outcome: Outcome): string {
	const parts: string[] = [];
	if (failure.requestId) parts.push(`Request ID: ${failure.requestId} (quote it to Pandapon support).`);
	if (failure.errorCode || failure.errorInfo) {
		parts.push(`Upstream: ${[failure.errorCode, failure.errorInfo].filter(Boolean).join(' ')}.`);
	}
	if (outcome === 'notSent') {
		parts.push('Nothing reached Pandapon, so nothing was changed.');
	} else if (outcome === 'unknown') {
		parts.push(
			`This was a write (${endpoint.method} ${endpoint.path}); it was not re-sent because it may already have taken effect. Check the order list before trying again.`,
		);
	} else if (failure.httpStatus === 412) {
		parts.push(
			'Pandapon refused the request\'s timestamp or nonce: this machine\'s clock is probably more than 600 seconds away from Pandapon\'s. Sync the clock (NTP) and try again.',
		);
	} else if (failure.httpStatus === 401 || failure.httpStatus === 403) {
		parts.push(
			'Check the access key, access secret and user ID in the Pandapon API credential; if they are right, check its signing settings and this machine\'s clock (timestamps must be within 600 seconds).',
		);
	}
	return parts.join(' ');
}

/** An API refusal (or an unreadable answer) as a NodeApiError carrying Pandapon's code, msg and requestId. */
export function apiError(
	node: INode,
	endpoint: Endpoint,
	failure: PandaponFailure,
	itemIndex: number,
	outcome: Outcome,
	clientRequestId?: string,
): NodeApiError {
	const what = failure.msg ?? 'no message';
	const codes = failure.fromApi && failure.code ? ` (code ${[failure.code, failure.errorCode].filter(Boolean).join(', ')})` : '';
	const message = outcome === 'unknown' ? `Outcome unknown: ${what}${codes}` : failure.fromApi ? `Pandapon refused the request: ${what}${codes}` : what;
	const details: IDataObject = {
		outcome,
		httpStatus: failure.httpStatus,
		code: failure.code,
		msg: failure.msg,
		requestId: failure.requestId,
		clientRequestId,
		errorCode: failure.errorCode,
		errorInfo: failure.errorInfo,
		endpoint: `${endpoint.method} ${endpoint.path}`,
	};
	const error = new NodeApiError(node, details as JsonObject, {
		message,
		description: describeFailure(endpoint, failure, outcome) || undefined,
		httpCode: failure.httpStatus > 0 ? String(failure.httpStatus) : undefined,
		itemIndex,
	});
	error.context.pandapon = details;
	return error;
}

/** The structured fields of an error for continueOnFail output; never the request's headers. */
export function errorItem(error: unknown): IDataObject {
	const e = error as { message?: string; description?: string | null; context?: IDataObject };
	const details = (e.context?.pandapon ?? {}) as IDataObject;
	const item: IDataObject = { error: e.message ?? String(error) };
	if (e.description) item.description = e.description;
	for (const [key, value] of Object.entries(details)) if (value !== undefined) item[key] = value;
	return item;
}

/**
 * The error to throw again: n8n's own errors unchanged (both constructors hand back an error of
 * their class as it is), anything else wrapped so n8n shows it against the node and item.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** What a node run wrote before it stopped: the items and the ids their writes produced. */
export interface Written {
	indexes: number[];
	ids: string[];
}

/**
 * The error that stops a node after some writes went out, naming them (description and context),
 * so the user can reconcile before running again instead of ordering twice.
 */
export function withDone(node: INode, error: unknown, itemIndex: number, done: Written[]): NodeApiError | NodeOperationError {
	const failure = asNodeError(node, error, itemIndex);
	failure.context.alreadyDone = done.map((d) => ({ items: d.indexes, ids: d.ids }));
	if (done.length === 0) return failure;
	const summary = `Already done before this failure (not undone): ${done
		.map((d) => `item ${d.indexes.join(', ')}${d.ids.length ? ` → ${d.ids.join(', ')}` : ''}`)
		.join('; ')}. Rows with an Idempotency Key are safe to run again.`;
	failure.description = [failure.description, summary].filter(Boolean).join(' ');
	return failure;
}
