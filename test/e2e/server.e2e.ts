import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { request } from 'undici';

import { signedHeaders } from '../../nodes/shared/signing';
import { freePort, installPackage, n8nEnv, queryDatabase, ROOT, runN8n, startN8n, waitFor } from '../../scripts/host';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { importSandboxCredential } from './headless.e2e';
import { assert, assertEqual } from './runner';
import type { Case } from './runner';

const WORKFLOW_ID = 'PandaponTrigger1';
const WEBHOOK_ID = '7a1d0000-0000-4000-8000-00000000e2e1';
const TOKEN = 'e2e-token-5f2c';

interface Server {
	sandbox: Sandbox;
	dir: string;
	url: string;
	stop: () => Promise<void>;
}

/** Sandbox + `n8n start` with the trigger workflow published, ready to take callbacks. */
async function startServer(): Promise<Server> {
	const sandbox = await startSandbox();
	const dir = mkdtempSync(join(tmpdir(), 'pandapon-e2e-server-'));
	installPackage(dir);
	const port = await freePort();
	const env = n8nEnv(dir, { http: port, broker: await freePort() });
	await importSandboxCredential(env, dir, sandbox);
	for (const step of [
		['import:workflow', `--input=${join(ROOT, 'test', 'e2e', 'workflows', 'trigger-to-order.json')}`],
		['publish:workflow', `--id=${WORKFLOW_ID}`],
	]) {
		const result = await runN8n(step, env);
		assert(result.code === 0, `${step[0]} failed:\n${result.stdout}\n${result.stderr}`);
	}
	const n8n = startN8n(env, 'pipe');
	let log = '';
	n8n.stdout?.on('data', (d: Buffer) => (log += d.toString()));
	n8n.stderr?.on('data', (d: Buffer) => (log += d.toString()));
	const url = `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/pandapon`;
	try {
		await waitFor(`http://127.0.0.1:${port}/healthz/readiness`, (status) => status === 200);
		// Webhooks register after readiness; a GET on a POST-only webhook says so once it exists.
		await waitFor(url, (_status, body) => body.includes('Did you mean to make a POST'), 60_000);
	} catch (error) {
		n8n.kill('SIGKILL');
		throw new Error(`${(error as Error).message}\n${log.slice(-3000)}`);
	}
	return {
		sandbox,
		dir,
		url,
		stop: async () => {
			await new Promise<void>((resolve) => {
				n8n.once('exit', () => resolve());
				n8n.kill('SIGTERM');
			});
			await sandbox.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

function executions(dir: string): Array<Record<string, unknown>> {
	return queryDatabase(dir, `select id, status from execution_entity where workflowId = '${WORKFLOW_ID}' order by id`);
}

/** Waits until the number of finished executions stops changing (n8n runs them after answering). */
async function settledExecutions(dir: string, expected: number): Promise<Array<Record<string, unknown>>> {
	const deadline = Date.now() + 30_000;
	let last = executions(dir);
	for (;;) {
		await new Promise((r) => setTimeout(r, 500));
		const now = executions(dir);
		const done = now.every((e) => e.status !== 'running' && e.status !== 'new');
		if (done && now.length === last.length && now.length >= expected) return now;
		if (Date.now() > deadline) return now;
		last = now;
	}
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
	const res = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
	return { status: res.statusCode, body: await res.body.text() };
}

function placeOrder(sandbox: Sandbox) {
	const lines = sandbox.state.cargoLines([{ offerId: 624981234567n, specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', quantity: 2 }]).map((c) => c.line);
	return sandbox.state.createOrder('b2b-2206783546291c8f1', lines, {
		address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' },
		flow: 'general',
	});
}

let server: Server | undefined;

export const serverCases: Case[] = [
	{
		name: 'n8n starts with the trigger workflow published and its webhook registered',
		run: async () => {
			server = await startServer();
		},
	},
	{
		name: 'every sandbox event runs the workflow exactly once although each is delivered three times',
		run: async () => {
			assert(server, 'server did not start');
			const { sandbox, dir, url } = server;
			const { accessKey, accessSecret, userId } = sandbox.options;
			sandbox.callbacks.configure({
				url: `${url}?token=${TOKEN}`,
				duplicates: 2,
				duplicateDelayMs: 40,
				retryDelaysMs: [200, 200, 200, 200, 200],
				sign: { accessKey, accessSecret, userId, rule: (await import('../../nodes/shared/signing')).DEFAULT_SIGNING_RULE },
			});
			const a = placeOrder(sandbox);
			const b = placeOrder(sandbox);
			sandbox.state.changePrice(b.id, 300);
			sandbox.state.pay(a.id);
			sandbox.state.ship(a.id);
			await sandbox.callbacks.idle();
			const deliveries = sandbox.callbacks.deliveries;
			assertEqual(deliveries.length, 15, 'deliveries (5 events × 3)');
			assert(deliveries.every((d) => d.status === 200), `deliveries not acknowledged: ${JSON.stringify(deliveries.filter((d) => d.status !== 200))}`);
			const runs = await settledExecutions(dir, 5);
			assertEqual(runs.length, 5, 'executions');
			assert(runs.every((r) => r.status === 'success'), `executions: ${JSON.stringify(runs)}`);
			const reads = sandbox.log.filter((e) => e.endpoint === 'order1688Detail');
			assertEqual(reads.length, 5, 'order reads by the Get Order node');
			assertEqual(
				reads.map((e) => (JSON.parse(e.body) as { orderId: string }).orderId).sort(),
				[a.id, a.id, a.id, b.id, b.id].map(String).sort(),
				'orders read',
			);
			const stored = queryDatabase(dir, 'select data from execution_data').map((row) => String(row.data));
			assert(
				stored.some((data) => data.includes('1688_ORDER_BUYER_VIEW_ORDER_SELLER_SEND') && data.includes(a.id.toString()) && data.includes('waitbuyerreceive')),
				'an execution holds the shipped message and the order read back',
			);
		},
	},
	{
		name: 'a forged call without the token and a tampered signed call are refused and run nothing',
		run: async () => {
			assert(server, 'server did not start');
			const { sandbox, dir, url } = server;
			const before = executions(dir).length;
			const body = JSON.stringify({ messageType: '1688_ORDER_BUYER_VIEW_ORDER_PAY_SUCCESS', messageBody: { baseInfo: { idOfStr: '2542285634920880794' } }, messagePlatform: 1, timestamp: String(Date.now()) });
			assertEqual((await post(url, body)).status, 401, 'no token');
			assertEqual((await post(`${url}?token=wrong`, body)).status, 401, 'wrong token');
			const { accessKey, userId } = sandbox.options;
			const forged = signedHeaders(
				{ accessKey, accessSecret: 'not-the-secret', userId, rule: (await import('../../nodes/shared/signing')).DEFAULT_SIGNING_RULE },
				{ method: 'POST', path: new URL(url).pathname, body },
			);
			assertEqual((await post(`${url}?token=${TOKEN}`, body, forged)).status, 401, 'tampered signature');
			assertEqual((await post(`${url}?token=${TOKEN}`, '{"messageType": 1}')).status, 400, 'malformed body');
			await new Promise((r) => setTimeout(r, 1500));
			assertEqual(executions(dir).length, before, 'executions after refused calls');
		},
	},
	{
		name: 'every template in examples/ imports into the running n8n',
		run: async () => {
			assert(server, 'server did not start');
			const env = n8nEnv(server.dir, { http: await freePort(), broker: await freePort() });
			for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'))) {
				const result = await runN8n(['import:workflow', `--input=${join(ROOT, 'examples', file)}`], env);
				assert(result.code === 0, `${file} did not import:\n${result.stdout}\n${result.stderr}`);
			}
		},
	},
	{
		name: 'n8n stops cleanly',
		run: async () => {
			await server?.stop();
			server = undefined;
		},
	},
];
