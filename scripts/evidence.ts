/**
 * What a test run produced, kept for the secrets scan (test/secrets/scan.ts): sandbox request
 * logs, engine runs, n8n server logs, CLI output and execution records (the console output is
 * teed by scripts/with-evidence.js). Written only when PANDAPON_EVIDENCE_DIR is set, which
 * `npm test` does; benchmarks and `npm start` write nothing.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export function evidenceDir(): string | undefined {
	return process.env.PANDAPON_EVIDENCE_DIR || undefined;
}

/** Appends to `<dir>/<source>.<pid>.log`; `source` names the kind (sandbox, harness, n8n-db, …). */
export function recordEvidence(source: string, text: string): void {
	const dir = evidenceDir();
	if (!dir) return;
	appendFileSync(join(dir, `${source}.${process.pid}.log`), text.endsWith('\n') ? text : `${text}\n`);
}

/** JSON that survives BigInt and cycles, for records that only need to be searched. */
export function evidenceJson(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, v: unknown) => {
		if (typeof v === 'bigint') return v.toString();
		// An Error's message and stack are not enumerable, and they are what a leak would hide in.
		if (v instanceof Error) return { ...v, name: v.name, message: v.message, stack: v.stack };
		if (typeof v === 'object' && v !== null) {
			if (seen.has(v)) return '[cycle]';
			seen.add(v);
		}
		return v;
	});
}
