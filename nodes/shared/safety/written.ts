import type { IDataObject } from 'n8n-workflow';

import { idOf, record, unknownOutcome } from '../responses';
import type { Answer } from '../responses';

/**
 * A write's result for its row. When the answer names no id the write still went out and may
 * have made an order: the row is an unknown outcome (see shared/responses.ts) with the raw answer
 * and our request's reference, and its key stays used, so it is reconciled rather than bought again.
 */
export function written(answer: Answer, fields: (data: IDataObject) => IDataObject, idField = 'orderId'): { json: IDataObject; ids: string[] } {
	const data = record(answer.data);
	const read = data ? fields(data) : {};
	const ids = [read[idField]].flat().map(idOf);
	if (ids.length === 0 || ids.some((id) => id === undefined)) {
		return {
			json: unknownOutcome(answer, `Pandapon accepted the request, but its answer names no ${idField}: check the list before running this row again`),
			ids: [],
		};
	}
	return { json: { ...read, [idField]: Array.isArray(read[idField]) ? ids : ids[0], requestId: answer.requestId }, ids: ids as string[] };
}
