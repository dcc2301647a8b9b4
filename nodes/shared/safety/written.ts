import type { IDataObject } from 'n8n-workflow';

import type { CallResult } from '../transport';

/** An id as exact text, or undefined when the answer holds none (never the text "undefined"). */
export function idText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value;
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
	return undefined;
}

/**
 * A write's result for its row. When the answer names no id the write still went out and may
 * have made an order: the row says `outcome: "unknown"` with the raw answer and our request's
 * reference, and its key stays used, so it is reconciled rather than bought again.
 */
export function written(
	answer: CallResult,
	fields: (data: IDataObject) => IDataObject,
	idField = 'orderId',
): { json: IDataObject; ids: string[] } {
	const data = (answer.data ?? {}) as IDataObject;
	const read = typeof answer.data === 'object' && answer.data !== null ? fields(data) : {};
	const ids = [read[idField]].flat().map(idText);
	if (ids.length === 0 || ids.some((id) => id === undefined)) {
		return {
			json: {
				outcome: 'unknown',
				message: `Pandapon accepted the request but its answer names no ${idField}: check the order list before running this row again`,
				requestId: answer.requestId,
				clientRequestId: answer.clientRequestId,
				raw: answer.data as IDataObject,
			},
			ids: [],
		};
	}
	return { json: { ...read, [idField]: Array.isArray(read[idField]) ? ids : ids[0], requestId: answer.requestId }, ids: ids as string[] };
}
