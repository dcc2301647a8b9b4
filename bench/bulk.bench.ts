/*
 * npm run bench:bulk — 1,000 cart adds and 200 order creates through the nodes in real n8n, in
 * three settings of the sandbox, against a raw undici loop, against the floor, and against what
 * users do today (n8n's HTTP Request node with a Code node computing the signature); then 200
 * orders created and paid with and without idempotency keys, and the key store's size and claim
 * time once it holds 10,000 keys.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Agent, request } from 'undici';

import { stringifyJsonBig } from '../nodes/shared/bigJson';
import { DEFAULT_CONCURRENCY } from '../nodes/shared/pool';
import { DEFAULT_SIGNING_RULE, signedHeaders } from '../nodes/shared/signing';
import { ensureHost, freePort, HOST_DIR, installPackage, lastExecutionError, n8nEnv, NODE24, runN8n } from '../scripts/host';
import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { importSandboxCredential } from '../test/e2e/headless.e2e';
import { report } from './report';

const ADDS = Number(process.env.BENCH_ADDS ?? 1000);
const CREATES = Number(process.env.BENCH_CREATES ?? 200);
const CONCURRENCY = DEFAULT_CONCURRENCY;
const OFFER = { offerId: 672200114455n, specId: 'd3907c8e5b4da0c60718293a4b5c6d7e' };
const ADDRESS = { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' };
const ADD_BODY = stringifyJsonBig({ ...OFFER, quantity: 1 });
const CREATE_BODY = stringifyJsonBig({ flow: 'general', addressParam: ADDRESS, cargoParamList: [{ ...OFFER, quantity: 1 }] });
const CRED = { pandaponApi: { id: 'PandaponSandbox1', name: 'Pandapon sandbox' } };
const N8N_PACKAGE_DIR = join(HOST_DIR, 'node_modules', 'n8n');
const STORE_KEYS = Number(process.env.BENCH_STORE_KEYS ?? 10_000);

type Node = Record<string, unknown>;

/** Manual Trigger → N items → the given nodes, in a chain. */
function workflow(id: string, count: number, tail: Node[]): object {
	const nodes: Node[] = [
		{ id: `${id}-1`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: `${id}-2`,
			name: 'Items',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { mode: 'raw', jsonOutput: `={{ JSON.stringify({ n: Array.from({ length: ${count} }, (_, i) => i) }) }}`, options: {} },
		},
		{ id: `${id}-3`, name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [400, 0], parameters: { fieldToSplitOut: 'n', options: {} } },
		...tail.map((n, i) => ({ id: `${id}-${i + 4}`, position: [600 + i * 200, 0], ...n })),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[String(nodes[i].name)] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name: id, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

const cartAdd: Node = {
	name: 'Work',
	type: 'n8n-nodes-pandapon.pandaponCart',
	typeVersion: 1,
	credentials: CRED,
	parameters: { resource: '1688', operation: 'addItem', offerId: String(OFFER.offerId), specId: OFFER.specId, quantity: 1 },
};
const orderCreate: Node = {
	name: 'Work',
	type: 'n8n-nodes-pandapon.pandaponOrder',
	typeVersion: 1,
	credentials: CRED,
	parameters: {
		resource: '1688',
		operation: 'create',
		flow: 'general',
		lines: { line: [{ offerId: String(OFFER.offerId), specId: OFFER.specId, quantity: 1 }] },
		shippingAddress: { address: ADDRESS },
	},
};

/**
 * Create → Pay in Bulk, one order per row; with keys, each row claims its own on both nodes. The
 * execution id in the key makes every run's keys new, so each run claims and never short-cuts to
 * duplicates.
 */
function createAndPay(keyed: boolean): Node[] {
	const safety = (prefix: string) => (keyed ? { safety: { idempotencyKey: `={{ '${prefix}-' + $execution.id + '-' + $json.n }}` } } : {});
	return [
		{ ...orderCreate, parameters: { ...(orderCreate.parameters as object), ...safety('C') } },
		{
			name: 'Work Pay',
			type: 'n8n-nodes-pandapon.pandaponOrder',
			typeVersion: 1,
			credentials: CRED,
			parameters: { resource: '1688', operation: 'payInBulk', orderIds: '={{ $json.orderId }}', ...(keyed ? { safety: { idempotencyKey: '={{ \'P-\' + $json.idempotencyKey }}' } } : {}) },
		},
	];
}

/** Runs a script on the fetched Node 24 (built-in SQLite) against a user folder's n8n database. */
function inDatabase(userFolder: string, script: string): string {
	return execFileSync(NODE24, ['--no-warnings', '-e', script, join(userFolder, '.n8n', 'database.sqlite'), N8N_PACKAGE_DIR], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
}

/**
 * The byte size of the node's key scope in n8n's database (n8n keeps one row per scope whose value
 * lists every recorded hash).
 */
function keyStoreBytes(userFolder: string): number {
	const script = `const db = new (require('node:sqlite').DatabaseSync)(process.argv[1], { readOnly: true });
console.log(db.prepare('SELECT COALESCE(SUM(LENGTH(value)), 0) AS bytes FROM processed_data').get().bytes);`;
	return Number(inDatabase(userFolder, script).trim());
}

/**
 * What each node named Work* did in the latest execution, read from the run n8n stored (decoded
 * with n8n's own flatted): the same run `n8n execute --rawOutput` prints, but that output, megabytes
 * at thousands of items, came back unparseable twice.
 */
function lastRunWork(userFolder: string): Array<{ ms: number; items: number; failed: number }> {
	const script = `const db = new (require('node:sqlite').DatabaseSync)(process.argv[1], { readOnly: true });
const { parse } = require(require.resolve('flatted', { paths: [process.argv[2]] }));
const row = db.prepare('SELECT data FROM execution_data ORDER BY executionId DESC LIMIT 1').get();
const work = Object.entries(parse(row.data).resultData.runData).filter(([name]) => name.startsWith('Work'));
console.log(JSON.stringify(work.map(([, [run]]) => {
	const items = run.data.main[0] ?? [];
	return { ms: run.executionTime, items: items.length, failed: items.filter((i) => i.json.error !== undefined || i.json.duplicate === true).length };
})));`;
	return JSON.parse(inDatabase(userFolder, script)) as Array<{ ms: number; items: number; failed: number }>;
}

/** What users build today: a Code node signs each item, the HTTP Request node sends it. */
function httpWay(sandbox: Sandbox, path: string, body: string, batching?: { batchSize: number; batchInterval: number }): Node[] {
	const { accessKey, accessSecret, userId } = sandbox.options;
	return [
		{
			name: 'Sign',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `const crypto = require('crypto');
return $input.all().map(() => {
  const nonce = crypto.randomBytes(16).toString('hex');
  const timestamp = String(Date.now());
  const signature = crypto.createHash('md5').update(\`access-key=${accessKey}&nonce-str=\${nonce}&timestamp=\${timestamp}&key=${accessSecret}\`).digest('hex').toUpperCase();
  return { json: { headers: { 'access-key': '${accessKey}', 'nonce-str': nonce, timestamp, 'user-id': '${userId}', signature } } };
});`,
			},
		},
		{
			name: 'Work',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			onError: 'continueRegularOutput',
			parameters: {
				method: 'POST',
				url: `${sandbox.url}${path}`,
				sendHeaders: true,
				specifyHeaders: 'json',
				jsonHeaders: '={{ JSON.stringify($json.headers) }}',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: body,
				options: batching ? { batching: { batch: batching } } : {},
			},
		},
	];
}

interface Measured {
	ms: number;
	failed: number;
}

async function main(): Promise<void> {
	ensureHost();
	const sandbox = await startSandbox();
	const dir = mkdtempSync(join(tmpdir(), 'pandapon-bench-'));
	installPackage(dir);
	const env = n8nEnv(dir, { http: await freePort(), broker: await freePort() }, { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto', N8N_LOG_LEVEL: 'info' });
	await importSandboxCredential(env, dir, sandbox);

	/** Imports and runs a workflow; the time is the work nodes' own executionTime, summed. */
	async function viaN8n(id: string, count: number, tail: Node[]): Promise<Measured> {
		const file = join(dir, `${id}.json`);
		writeFileSync(file, JSON.stringify(workflow(id, count, tail)));
		const imported = await runN8n(['import:workflow', `--input=${file}`], env);
		if (imported.code !== 0) throw new Error(`import ${id}: ${imported.stdout}\n${imported.stderr}`);
		const executed = await runN8n(['execute', `--id=${id}`], env, 1_800_000);
		if (executed.code !== 0) throw new Error(`execute ${id}: ${lastExecutionError(dir) ?? ''}\n${executed.stdout.slice(-3000)}`);
		const measured: Measured = { ms: 0, failed: 0 };
		for (const work of lastRunWork(dir)) {
			measured.ms += work.ms;
			measured.failed += work.failed + Math.max(0, count - work.items);
		}
		return measured;
	}

	/** The same signed requests from a plain undici loop at the nodes' concurrency. */
	async function raw(path: string, body: string, count: number): Promise<Measured> {
		const dispatcher = new Agent({ connections: CONCURRENCY });
		const { accessKey, accessSecret, userId } = sandbox.options;
		let next = 0;
		let failed = 0;
		const started = performance.now();
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (next++ < count) {
					const headers = signedHeaders({ accessKey, accessSecret, userId, rule: DEFAULT_SIGNING_RULE }, { method: 'POST', path, body });
					const res = await request(`${sandbox.url}${path}`, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' }, dispatcher });
					const text = await res.body.text();
					if (res.statusCode !== 200 || !text.includes('"code":200')) failed++;
				}
			}),
		);
		await dispatcher.close();
		return { ms: performance.now() - started, failed };
	}

	const total = (a: Measured, b: Measured): Measured => ({ ms: a.ms + b.ms, failed: a.failed + b.failed });
	const nodes = async (tag: string) => total(await viaN8n(`BenchAdd${tag}`, ADDS, [cartAdd]), await viaN8n(`BenchCreate${tag}`, CREATES, [orderCreate]));
	const requests = ADDS + CREATES;
	try {
		// (1) no latency, no limit: the nodes' own overhead against a raw loop.
		sandbox.options.latencyMs = 0;
		sandbox.options.rateLimitPerSecond = 0;
		const rawFast = total(await raw('/alibaba/cart/add', ADD_BODY, ADDS), await raw('/alibaba/order/create', CREATE_BODY, CREATES));
		const nodesFast = await nodes('Fast');
		// (4) 0 ms: orders created and paid, without and with a key per row on both nodes; then the
		// keyed workflow's store is filled to STORE_KEYS keys and the same run is timed again.
		const unkeyed = await viaN8n('BenchPayPlain', CREATES, createAndPay(false));
		const keyed = await viaN8n('BenchPayKeyed', CREATES, createAndPay(true));
		const storeAfterFirst = keyStoreBytes(dir);
		const filled = await viaN8n('BenchPayKeyed', STORE_KEYS - CREATES, createAndPay(true));
		const keyedFull = await viaN8n('BenchPayKeyed', CREATES, createAndPay(true));
		const storeFull = keyStoreBytes(dir);
		// (2) 50 ms latency: against the floor N × latency ÷ concurrency.
		sandbox.options.latencyMs = 50;
		const nodesSlow = await nodes('Slow');
		const floorSlow = (requests * 50) / CONCURRENCY;
		// (3) 50 ms latency and 20 requests/s: against N ÷ 20 s and against the HTTP Request way.
		sandbox.options.rateLimitPerSecond = 20;
		const nodesLimited = await nodes('Limited');
		const floorLimited = (requests / 20) * 1000;
		await new Promise((r) => setTimeout(r, 1100));
		const httpDefault = total(
			await viaN8n('BenchHttpAddDefault', ADDS, httpWay(sandbox, '/alibaba/cart/add', ADD_BODY)),
			await viaN8n('BenchHttpCreateDefault', CREATES, httpWay(sandbox, '/alibaba/order/create', CREATE_BODY)),
		);
		let httpSafe: Measured | undefined;
		let safeSetting = '';
		for (const batching of [
			{ batchSize: 20, batchInterval: 1000 },
			{ batchSize: 10, batchInterval: 1000 },
			{ batchSize: 5, batchInterval: 1000 },
		]) {
			await new Promise((r) => setTimeout(r, 1100));
			const tag = `${batching.batchSize}x${batching.batchInterval}`;
			const tried = total(
				await viaN8n(`BenchHttpAdd${tag}`, ADDS, httpWay(sandbox, '/alibaba/cart/add', ADD_BODY, batching)),
				await viaN8n(`BenchHttpCreate${tag}`, CREATES, httpWay(sandbox, '/alibaba/order/create', CREATE_BODY, batching)),
			);
			safeSetting = `${batching.batchSize} items every ${batching.batchInterval} ms`;
			httpSafe = tried;
			if (tried.failed === 0) break;
		}
		const s = (m: Measured) => `${(m.ms / 1000).toFixed(2)} s${m.failed ? `, ${m.failed} items failed` : ''}`;
		const figures = {
			ratio_vs_raw_0ms: Number((nodesFast.ms / rawFast.ms).toFixed(2)),
			ratio_vs_floor_50ms: Number((nodesSlow.ms / floorSlow).toFixed(2)),
			ratio_vs_ratelimit_floor: Number((nodesLimited.ms / floorLimited).toFixed(2)),
			failed_items_ratelimited: nodesLimited.failed,
			http_request_default_failed_items: httpDefault.failed,
			speedup_vs_http_request_safe: httpSafe ? Number((httpSafe.ms / nodesLimited.ms).toFixed(2)) : 0,
			http_request_safe_failed_items: httpSafe?.failed ?? -1,
			keyed_vs_unkeyed: Number((keyed.ms / unkeyed.ms).toFixed(2)),
			keyed_vs_unkeyed_store_full: Number((keyedFull.ms / unkeyed.ms).toFixed(2)),
			keyed_failed_items: keyed.failed + filled.failed + keyedFull.failed,
			store_keys: STORE_KEYS * 2,
			store_bytes_first_run: storeAfterFirst,
			store_bytes_full: storeFull,
		};
		report(
			`Bulk: ${ADDS} cart adds + ${CREATES} creates, concurrency ${CONCURRENCY}, real n8n 2.41.1`,
			[
				['(1) 0 ms: raw undici loop', s(rawFast)],
				['(1) 0 ms: nodes', `${s(nodesFast)}  → ×${figures.ratio_vs_raw_0ms} of raw`],
				['(2) 50 ms: floor N×50÷C', `${(floorSlow / 1000).toFixed(2)} s`],
				['(2) 50 ms: nodes', `${s(nodesSlow)}  → ×${figures.ratio_vs_floor_50ms} of floor`],
				['(3) 50 ms + 20 req/s: floor N÷20', `${(floorLimited / 1000).toFixed(2)} s`],
				['(3) nodes', `${s(nodesLimited)}  → ×${figures.ratio_vs_ratelimit_floor} of floor`],
				['(3) HTTP Request + Code, defaults', s(httpDefault)],
				[`(3) HTTP Request, batching ${safeSetting}`, `${httpSafe ? s(httpSafe) : '-'}  → nodes ×${figures.speedup_vs_http_request_safe} faster`],
				[`(4) 0 ms: ${CREATES} Create → Pay in Bulk, no keys`, s(unkeyed)],
				['(4) the same, a key per row on both nodes', `${s(keyed)}  → ×${figures.keyed_vs_unkeyed} of unkeyed`],
				[`(4) keyed, ${STORE_KEYS.toLocaleString('en')} keys per node already stored`, `${s(keyedFull)}  → ×${figures.keyed_vs_unkeyed_store_full} of unkeyed`],
				['(4) key store size: first run / full', `${(storeAfterFirst / 1024).toFixed(0)} KiB / ${(storeFull / 1024).toFixed(0)} KiB`],
			],
			figures,
		);
	} finally {
		await sandbox.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
