import type { IExecuteFunctions } from 'n8n-workflow';

import { throttleFor } from './throttle';

/** Requests in flight per node unless the user sets Request Options › Concurrency (see bench/bulk). */
export const DEFAULT_CONCURRENCY = 5;

export function concurrencyOf(ctx: IExecuteFunctions): number {
	const value = Number(ctx.getNodeParameter('requestOptions.concurrency', 0, DEFAULT_CONCURRENCY));
	return Number.isInteger(value) && value >= 1 ? Math.min(value, 64) : DEFAULT_CONCURRENCY;
}

/**
 * Runs `work` for every entry, up to the node's throttle at a time (fewer while Pandapon rate
 * limits), and gives the results in the entries' order. `work` decides itself whether to skip.
 */
export async function runPool<T, R>(ctx: IExecuteFunctions, entries: T[], work: (entry: T, n: number) => Promise<R>): Promise<R[]> {
	const throttle = throttleFor(ctx, concurrencyOf(ctx));
	const results = new Array<R>(entries.length);
	let next = 0;
	const worker = async () => {
		while (next < entries.length) {
			await throttle.acquire();
			const n = next++;
			try {
				if (n < entries.length) results[n] = await work(entries[n], n);
			} finally {
				throttle.release();
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(throttle.max, entries.length) }, worker));
	return results;
}
