import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readAddress } from '../../../shared/address';
import { collectItems, failItems, inInputOrder, pairedWith } from '../../../shared/batch';
import type { CargoLine } from './cargo';
import { readLines } from './cargo';

/**
 * Which seller each line went to, from per-seller entries that list their offers and specs: used by
 * Preview Batch and Create Batch to give each seller's result the input items of its lines.
 */
export function sellerFinder(entries: Array<{ seller: string; lines: Array<{ offerId: unknown; specId?: unknown }> }>) {
	return (line: CargoLine) =>
		entries.find((e) => e.lines.some((l) => String(l.offerId) === line.offerId.toString() && (l.specId ?? '') === (line.specId ?? '')))?.seller;
}

/** All input items' lines, each remembering the input item it came from. */
export async function collectLines(ctx: IExecuteFunctions) {
	const { ok, failed } = await collectItems(ctx, (i) => readLines(ctx, i, true));
	const lines = ok.flatMap(({ index, value }) => value.map((line) => ({ index, line })));
	return { lines, indexes: ok.map((o) => o.index), failed };
}

/** The input items whose lines went into the order (or preview) of one seller. */
export function itemsOfSeller(
	lines: Array<{ index: number; line: CargoLine }>,
	sellerOf: (line: CargoLine) => string | undefined,
	seller: string,
): number[] {
	return [...new Set(lines.filter(({ line }) => sellerOf(line) === seller).map(({ index }) => index))];
}

/**
 * Runs one batch call over all items' lines: the address (and options) of the first valid item
 * apply to the whole batch, as one shipment to one warehouse is what the batch calls are for.
 */
export async function runBatch(
	ctx: IExecuteFunctions,
	call: (args: { first: number; addressParam: IDataObject; cargoParamList: CargoLine[]; lines: Array<{ index: number; line: CargoLine }> }) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const { lines, indexes, failed } = await collectLines(ctx);
	if (indexes.length === 0) return failed;
	const first = indexes[0];
	try {
		const addressParam = readAddress(ctx, first);
		const out = await call({ first, addressParam, cargoParamList: lines.map((l) => l.line), lines });
		return inInputOrder([...failed, ...out]);
	} catch (error) {
		return inInputOrder([...failed, ...failItems(ctx, indexes, error)]);
	}
}

export { pairedWith };
