/**
 * Real n8n queue mode on this machine: private PostgreSQL and Redis, one main instance, workers
 * and webhook processors of the pinned n8n (each with its own user folder holding this package),
 * a round-robin in front of the webhook processors, and a teardown that stops all of it.
 *
 * Environment per process (checked against n8n 2.41.1's @n8n/config): DB_TYPE=postgresdb and
 * DB_POSTGRESDB_* (shared database), EXECUTIONS_MODE=queue and QUEUE_BULL_REDIS_* (shared queue),
 * one N8N_ENCRYPTION_KEY, a port and N8N_RUNNERS_BROKER_PORT each; the main has
 * N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true so production webhooks reach the processors only;
 * workers serve /healthz/readiness on QUEUE_HEALTH_CHECK_PORT.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { importSandboxCredential } from '../test/e2e/headless.e2e';
import { recordEvidence } from './evidence';
import { freePort, HOST_DIR, installPackage, n8nEnv, NODE24, runN8n, waitFor, webhookRegistered } from './host';
import { startRoundRobin } from './proxy';
import type { RoundRobin } from './proxy';
import { ensureServices, pgClient, startPostgres, startRedis } from './services';
import type { Service } from './services';

type Log = (line: string) => void;
const N8N_BIN = join(HOST_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

export interface QueueProcess {
	name: string;
	kind: 'main' | 'worker' | 'webhook';
	/** The HTTP port: the UI/API for main, the webhook server for processors, the health server for workers. */
	port: number;
	child: ChildProcess;
	/** Everything it printed (the last 200 kB). */
	log: () => string;
	/** SIGKILL to the process and its task runner, as a crash would. */
	kill: () => void;
	stop: () => Promise<void>;
}

export interface QueueWorkflow {
	file: string;
	id: string;
	/** `<webhookId or path>/<path>` of each production webhook, polled until every processor serves it. */
	webhooks: string[];
}

export interface QueueOptions {
	sandbox: { url: string; options: { accessKey: string; accessSecret: string; userId: string } };
	workflows: QueueWorkflow[];
	workers?: number;
	webhookProcessors?: number;
	/** Jobs each worker runs at once (`n8n worker --concurrency`). */
	workerConcurrency?: number;
	log?: Log;
	/** Extra environment for every n8n process. */
	env?: NodeJS.ProcessEnv;
}

export interface QueueCluster {
	root: string;
	postgres: Service;
	redis: Service;
	main: QueueProcess;
	workers: QueueProcess[];
	webhooks: QueueProcess[];
	proxy: RoundRobin;
	/** Production webhook URL through the round-robin. */
	webhookUrl: (path: string) => string;
	query: (sql: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;
	stop: () => Promise<void>;
}

/** Signals a whole process group (an n8n process and its task runner child); quiet when it is gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	try {
		if (child.pid) process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

function spawnN8n(name: string, kind: QueueProcess['kind'], args: string[], env: NodeJS.ProcessEnv, port: number): QueueProcess {
	// Its own process group, so a hard kill also takes the task runner child with it.
	const child = spawn(NODE24, [N8N_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let out = '';
	const keep = (d: Buffer) => {
		out = (out + d.toString()).slice(-200_000);
		recordEvidence('n8n-server', `[${name}] ${d.toString()}`);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		name,
		kind,
		port,
		child,
		log: () => out,
		kill: () => signalGroup(child, 'SIGKILL'),
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) {
				const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 20_000);
				child.kill('SIGTERM');
				await exited;
				clearTimeout(timer);
			}
			signalGroup(child, 'SIGKILL');
		},
	};
}

/** Stops everything this module started if the test process itself is interrupted. */
const running = new Set<() => void>();
let exitHooked = false;
function onInterrupt(kill: () => void): () => void {
	running.add(kill);
	if (!exitHooked) {
		exitHooked = true;
		process.once('exit', () => running.forEach((k) => k()));
		for (const signal of ['SIGINT', 'SIGTERM'] as const) {
			process.once(signal, () => {
				running.forEach((k) => k());
				process.exit(130);
			});
		}
	}
	return () => running.delete(kill);
}

export async function startQueueCluster(options: QueueOptions): Promise<QueueCluster> {
	const log = options.log ?? ((line: string) => console.log(line));
	const { pgBin, redis: redisBin } = ensureServices(log);
	const root = mkdtempSync(join(tmpdir(), 'pandapon-queue-'));
	chmodSync(root, 0o755);
	const started: Array<{ stop: () => Promise<void>; child: ChildProcess }> = [];
	const unhook = onInterrupt(() =>
		started.forEach((s) => {
			signalGroup(s.child, 'SIGKILL');
			s.child.kill('SIGKILL');
		}),
	);
	let pg: ReturnType<typeof pgClient> | undefined;
	let proxy: RoundRobin | undefined;

	const teardown = async () => {
		await proxy?.close();
		await pg?.end().catch(() => undefined);
		// n8n first (newest first), then Redis and PostgreSQL.
		for (const s of [...started].reverse()) await s.stop();
		unhook();
		rmSync(root, { recursive: true, force: true });
	};

	try {
		const t0 = Date.now();
		const postgres = await startPostgres(root, pgBin);
		started.push({ stop: postgres.stop, child: postgres.process });
		const redis = await startRedis(root, redisBin);
		started.push({ stop: redis.stop, child: redis.process });
		log(`  PostgreSQL on ${postgres.port}, Redis on ${redis.port} (${Date.now() - t0} ms)`);
		pg = pgClient(postgres.port);
		await pg.connect();

		const shared: NodeJS.ProcessEnv = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_DATABASE: 'postgres',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			// A killed worker's jobs are noticed within seconds rather than a minute (n8n's defaults: 60 s lock, 30 s check).
			QUEUE_WORKER_LOCK_DURATION: '20000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '4000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			// Main marks executions whose job vanished as crashed; minutes (default 180).
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.25',
			...options.env,
		};
		const folder = async (name: string, extra: NodeJS.ProcessEnv = {}) => {
			const dir = join(root, name);
			installPackage(dir);
			const http = await freePort();
			return { dir, http, env: n8nEnv(dir, { http, broker: await freePort() }, { ...shared, ...extra }) };
		};

		// The database is shared: credential and workflows go in once, through the main's folder, before anything runs.
		const mainFolder = await folder('main');
		await importSandboxCredential(mainFolder.env, mainFolder.dir, options.sandbox);
		for (const { file, id } of options.workflows) {
			const target = join(mainFolder.dir, basename(file));
			writeFileSync(target, readFileSync(file, 'utf8').split('{{SANDBOX_URL}}').join(options.sandbox.url));
			for (const step of [['import:workflow', `--input=${target}`], ['publish:workflow', `--id=${id}`]]) {
				const result = await runN8n(step, mainFolder.env, 180_000);
				if (result.code !== 0) throw new Error(`${step[0]} ${id} failed:\n${result.stdout}\n${result.stderr}`);
			}
		}
		log(`  credential and ${options.workflows.length} workflow(s) imported and published (${Date.now() - t0} ms)`);

		const main = spawnN8n('main', 'main', ['start'], mainFolder.env, mainFolder.http);
		started.push(main);
		await waitFor(`http://127.0.0.1:${main.port}/healthz/readiness`, (s) => s === 200, 180_000).catch((e: Error) => {
			throw new Error(`${e.message}\n${main.log().slice(-4000)}`);
		});
		log(`  main ready (${Date.now() - t0} ms)`);

		const workers: QueueProcess[] = [];
		const webhooks: QueueProcess[] = [];
		for (let n = 1; n <= (options.workers ?? 2); n++) {
			const health = await freePort();
			const f = await folder(`worker${n}`, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(health) });
			const worker = spawnN8n(`worker${n}`, 'worker', ['worker', `--concurrency=${options.workerConcurrency ?? 5}`], f.env, health);
			started.push(worker);
			workers.push(worker);
		}
		for (let n = 1; n <= (options.webhookProcessors ?? 2); n++) {
			const f = await folder(`webhook${n}`);
			const processor = spawnN8n(`webhook${n}`, 'webhook', ['webhook'], f.env, f.http);
			started.push(processor);
			webhooks.push(processor);
		}
		for (const p of [...workers, ...webhooks]) {
			await waitFor(`http://127.0.0.1:${p.port}/healthz/readiness`, (s) => s === 200, 240_000).catch((e: Error) => {
				throw new Error(`${p.name}: ${e.message}\n${p.log().slice(-4000)}`);
			});
		}
		// Webhooks are registered by the main in the shared database; each processor must find them.
		for (const p of webhooks) {
			for (const path of options.workflows.flatMap((w) => w.webhooks)) {
				await waitFor(`http://127.0.0.1:${p.port}/webhook/${path}`, (_s, body) => webhookRegistered(body), 60_000).catch((e: Error) => {
					throw new Error(`${p.name}: ${e.message}\n${p.log().slice(-2000)}\nmain:\n${main.log().slice(-6000)}`);
				});
			}
		}
		proxy = await startRoundRobin(webhooks.map((w) => w.port));
		log(`  ${workers.length} workers and ${webhooks.length} webhook processors ready behind ${proxy.url} (${Date.now() - t0} ms)`);

		const client = pg;
		const balancer = proxy;
		return {
			root,
			postgres,
			redis,
			main,
			workers,
			webhooks,
			proxy: balancer,
			webhookUrl: (path) => `${balancer.url}/webhook/${path}`,
			query: async (sql, values) => (await client.query(sql, values)).rows,
			stop: teardown,
		};
	} catch (error) {
		await teardown();
		throw error;
	}
}
