/**
 * `npm run secrets`, the last step of `npm test`: reads everything the run kept under
 * .tmp/evidence (every console line of jest and the e2e suites, every request the sandboxes
 * received, every engine run's items and errors, n8n's server logs, CLI output and execution
 * records) and fails if an access secret the suite used appears in any of it, plain or encoded.
 * It also fails when a kind of evidence is missing, so an empty folder can't pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../../scripts/host';
import { DEMO_ACCESS_SECRET } from '../../sandbox/server';

/** Every access secret a credential in the suite was given, the wrong and the rotated ones included. */
export const SUITE_SECRETS = [DEMO_ACCESS_SECRET, 'the-secret-before-it-was-reset', 'not-the-secret'];

/** The forms a secret could take in a log: as is, base64 (basic auth), URL- and JSON-escaped, hex. */
export function secretForms(secret: string): string[] {
	return [...new Set([
		secret,
		Buffer.from(secret).toString('base64').replace(/=+$/, ''),
		encodeURIComponent(secret),
		JSON.stringify(secret).slice(1, -1),
		Buffer.from(secret).toString('hex'),
	])];
}

export function findLeaks(text: string, secrets: string[] = SUITE_SECRETS): string[] {
	return secrets.flatMap((secret) => secretForms(secret).filter((form) => text.includes(form)).map((form) => `${secret} as ${form}`));
}

const REQUIRED_SOURCES = ['console-jest', 'console-e2e', 'console-editor', 'console-queue', 'sandbox', 'harness', 'n8n-server', 'n8n-cli', 'n8n-db'];

function main(): void {
	const dir = join(ROOT, '.tmp', 'evidence');
	// The control: a line with the secret in it must be found, or the scan proves nothing.
	if (findLeaks(`headers: {"x": "${Buffer.from(DEMO_ACCESS_SECRET).toString('base64')}"}`).length === 0) {
		throw new Error('the scan does not find a planted secret');
	}
	const files = readdirSync(dir);
	const bySource: Record<string, { files: number; bytes: number }> = {};
	const leaks: string[] = [];
	for (const file of files) {
		const text = readFileSync(join(dir, file), 'utf8');
		const source = file.replace(/\.\d+\.log$|\.log$/, '');
		bySource[source] ??= { files: 0, bytes: 0 };
		bySource[source].files++;
		bySource[source].bytes += text.length;
		for (const leak of findLeaks(text)) leaks.push(`${file}: ${leak}`);
	}
	const missing = REQUIRED_SOURCES.filter((source) => !bySource[source]?.bytes);
	for (const [source, { files: count, bytes }] of Object.entries(bySource).sort()) {
		console.log(`${source.padEnd(16)} ${String(count).padStart(4)} files ${(bytes / 1024).toFixed(0).padStart(8)} KiB`);
	}
	for (const leak of leaks) console.log(`LEAK ${leak}`);
	if (missing.length > 0) console.log(`missing evidence: ${missing.join(', ')}`);
	const totalBytes = Object.values(bySource).reduce((t, s) => t + s.bytes, 0);
	console.log(JSON.stringify({ files: files.length, bytes: totalBytes, secrets_checked: SUITE_SECRETS.length, missing_sources: missing.length, leaks: leaks.length }));
	process.exitCode = leaks.length > 0 || missing.length > 0 ? 1 : 0;
}

if (require.main === module) main();
