/**
 * Private PostgreSQL and Redis instances for n8n's queue mode: Debian's packages, installed with
 * apt-get where missing, started on loopback on free ports in a temporary folder, stopped and
 * deleted afterwards. Nothing here touches a system-wide instance.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

import { aptInstall } from './apt';
import { freePort, HOST_DIR } from './host';

type Log = (line: string) => void;

function which(command: string): string | undefined {
	try {
		return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
	} catch {
		return undefined;
	}
}

function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (existsSync(root)) {
		const versions = readdirSync(root)
			.filter((v) => existsSync(join(root, v, 'bin', 'postgres')) && existsSync(join(root, v, 'bin', 'initdb')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length > 0) return join(root, versions[0], 'bin');
	}
	const initdb = which('initdb');
	return initdb && which('postgres') ? join(initdb, '..') : undefined;
}

function redisBinary(): string | undefined {
	return existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : which('redis-server');
}

/** Installs PostgreSQL and Redis from Debian's packages where missing. */
export function ensureServices(log: Log = console.log): { pgBin: string; redis: string } {
	const missing = [...(postgresBinDir() ? [] : ['postgresql']), ...(redisBinary() ? [] : ['redis-server'])];
	if (missing.length > 0) aptInstall(missing, log);
	const pgBin = postgresBinDir();
	const redis = redisBinary();
	if (!pgBin || !redis) throw new Error(`still missing after apt-get: ${!pgBin ? 'postgres ' : ''}${!redis ? 'redis-server' : ''}`);
	return { pgBin, redis };
}

/** PostgreSQL refuses to run as root: run it as the packages' `postgres` user then. */
function postgresUser(): { uid: number; gid: number } | undefined {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
	const read = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	try {
		return { uid: read('-u'), gid: read('-g') };
	} catch {
		execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
		return { uid: read('-u'), gid: read('-g') };
	}
}

export interface Service {
	name: string;
	process: ChildProcess;
	port: number;
	stop: () => Promise<void>;
}

function stopper(child: ChildProcess, signal: NodeJS.Signals, timeoutMs = 15_000): () => Promise<void> {
	return async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		await new Promise<void>((resolve) => {
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.once('exit', () => {
				clearTimeout(timer);
				resolve();
			});
			child.kill(signal);
		});
	};
}

function collect(child: ChildProcess, name: string): () => string {
	let out = '';
	const keep = (d: Buffer) => (out = (out + d.toString()).slice(-8000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return () => `${name}: ${out}`;
}

interface PgClient {
	connect(): Promise<void>;
	query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
	end(): Promise<void>;
}

/** n8n's own `pg` module (the queue suite runs under the system Node, which has no Postgres client). */
export function pgClient(port: number, database = 'postgres'): PgClient {
	const req = createRequire(join(HOST_DIR, 'node_modules', 'n8n', 'package.json'));
	const pg = req('pg') as { Client: new (config: object) => PgClient };
	return new pg.Client({ host: '127.0.0.1', port, user: 'n8n', database });
}

async function retry<T>(what: string, run: () => Promise<T>, timeoutMs: number, log: () => string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			return await run();
		} catch (error) {
			if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}\n${log()}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}

/** A private PostgreSQL: initdb with trust auth for user `n8n` on loopback, fsync off (test data only). */
export async function startPostgres(dir: string, pgBin: string): Promise<Service> {
	const data = join(dir, 'pgdata');
	const sockets = join(dir, 'pgsock');
	mkdirSync(data, { recursive: true });
	mkdirSync(sockets, { recursive: true });
	const user = postgresUser();
	if (user) {
		for (const d of [dir, data, sockets]) chownSync(d, user.uid, user.gid);
	}
	// cwd: the postgres user may not be allowed into the caller's working directory.
	const options = { ...(user ?? {}), cwd: dir, env: { ...process.env, LC_ALL: 'C', HOME: dir } };
	execFileSync(join(pgBin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'], {
		...options,
		stdio: 'pipe',
		timeout: 120_000,
	});
	const port = await freePort();
	const child = spawn(
		join(pgBin, 'postgres'),
		['-D', data, '-p', String(port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off',
			'-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
		{ ...options, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const log = collect(child, 'postgres');
	await retry('PostgreSQL did not start', async () => {
		const client = pgClient(port);
		await client.connect();
		await client.end();
	}, 60_000, log);
	// SIGINT is PostgreSQL's "fast shutdown".
	return { name: 'postgres', process: child, port, stop: stopper(child, 'SIGINT') };
}

/** A private Redis without persistence. */
export async function startRedis(dir: string, redis: string): Promise<Service> {
	const data = join(dir, 'redis');
	mkdirSync(data, { recursive: true });
	const port = await freePort();
	const child = spawn(redis, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', data, '--daemonize', 'no'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const log = collect(child, 'redis');
	await retry('Redis did not start', async () => {
		const { connect } = await import('node:net');
		await new Promise<void>((resolve, reject) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('data', (d) => {
				socket.destroy();
				if (d.toString().startsWith('+PONG')) resolve();
				else reject(new Error(d.toString()));
			});
			socket.once('error', reject);
			socket.write('PING\r\n');
		});
	}, 30_000, log);
	return { name: 'redis', process: child, port, stop: stopper(child, 'SIGTERM') };
}
