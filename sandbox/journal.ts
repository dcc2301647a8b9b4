/**
 * The writes a sandbox accepted, one JSON line each, replayed when it starts again: `npm start`
 * keeps the demo's orders across restarts, so an idempotency key n8n remembers still points at
 * an order the sandbox knows.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

import { parseJsonBig } from '../nodes/shared/bigJson';
import type { EndpointKey } from '../nodes/shared/catalogue';
import { DEFAULT_VARIANTS } from './handlers/common';
import { HANDLERS } from './handlers/index';
import type { SandboxState } from './state';

interface Entry {
	key: EndpointKey;
	body: string;
	query: Record<string, string>;
	/** The values of the path's `{name}` segments (absent in journals written before paths had any). */
	path?: Record<string, string>;
}

export function recordWrite(file: string, entry: Entry): void {
	appendFileSync(file, `${JSON.stringify(entry)}\n`);
}

/** Applies every recorded write to a fresh state, in order; how many were replayed. */
export function replayJournal(file: string, state: SandboxState): number {
	if (!existsSync(file)) return 0;
	let replayed = 0;
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (line.trim() === '') continue;
		const entry = JSON.parse(line) as Entry;
		const body = entry.body.trim() === '' ? {} : (parseJsonBig(entry.body, { asBigInt: true }) as Record<string, unknown>);
		try {
			HANDLERS[entry.key]?.({ body, query: entry.query, path: entry.path ?? {}, state, variants: DEFAULT_VARIANTS });
			replayed++;
		} catch {
			// A write that depended on time (a price that has since moved) may not apply again; the rest still do.
		}
	}
	return replayed;
}
