/**
 * The nodes and the trigger in real n8n queue mode: one main, two workers, two webhook processors
 * behind a round-robin, PostgreSQL and Redis (scripts/queue.ts). Three cases from issue #8, sharing
 * one cluster, and the figures they measured.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { DEFAULT_SIGNING_RULE } from '../../nodes/shared/signing';
import { HOST_DIR, ROOT } from '../../scripts/host';
import { startQueueCluster } from '../../scripts/queue';
import type { QueueCluster } from '../../scripts/queue';
import { DEMO_CALLBACK_TOKEN, startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { assert, assertEqual } from '../e2e/runner';
import type { Case } from '../e2e/runner';

const BULK_ID = 'PandaponQueueBulk';
const BULK_PATH = 'sheet-rows';
const TRIGGER_ID = 'PandaponTrigger1';
const TRIGGER_PATH = '7a1d0000-0000-4000-8000-00000000e2e1/pandapon';
const TOKEN = DEMO_CALLBACK_TOKEN;
const OFFER = { offerId: '631247789012', specId: '9f5c3e4a1d0f6b82c3d4e5f60718293a' };

/** What the suite measured; printed as the last line. */
export const figures: Record<string, unknown> = {};

interface Ctx {
	sandbox: Sandbox;
	cluster: QueueCluster;
}
let ctx: Ctx | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
	key: string;
	offerId: string;
	specId: string;
	quantity: number;
	receiver: string;
}

function sheet(prefix: string, count: number): Row[] {
	return Array.from({ length: count }, (_, n) => ({
		key: `${prefix}-${String(n + 1).padStart(3, '0')}`,
		...OFFER,
		quantity: 1 + (n % 3),
		receiver: `Buyer ${n + 1}`,
	}));
}

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let n = 0; n < list.length; n += size) out.push(list.slice(n, n + size));
	return out;
}

async function postRows(c: QueueCluster, rows: Row[]): Promise<void> {
	const res = await fetch(c.webhookUrl(BULK_PATH), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows }) });
	const body = await res.text();
	assert(res.status === 200, `bulk webhook answered ${res.status}: ${body}`);
}

interface Execution {
	id: number;
	status: string;
}

async function executions(c: QueueCluster, workflowId: string, afterId = 0): Promise<Execution[]> {
	const rows = await c.query('select id, status from execution_entity where "workflowId" = $1 and id > $2 order by id', [workflowId, afterId]);
	return rows.map((r) => ({ id: Number(r.id), status: String(r.status) }));
}

async function lastExecutionId(c: QueueCluster): Promise<number> {
	const [row] = await c.query('select coalesce(max(id), 0) as id from execution_entity');
	return Number(row.id);
}

/** Waits until `expected` executions exist and none is still new or running. */
async function settled(c: QueueCluster, workflowId: string, afterId: number, expected: number, timeoutMs: number): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const now = await executions(c, workflowId, afterId);
		const open = now.filter((e) => e.status === 'new' || e.status === 'running' || e.status === 'waiting');
		if (now.length >= expected && open.length === 0) return now;
		if (Date.now() > deadline) throw new Error(`executions did not settle within ${timeoutMs} ms: ${JSON.stringify(now)}`);
		await sleep(500);
	}
}

/** The ids of the executions each worker ran, from its own log. */
function executionsByWorker(c: QueueCluster): Record<string, number[]> {
	return Object.fromEntries(
		c.workers.map((w) => [w.name, [...w.log().matchAll(/Worker started execution (\d+)/g)].map((m) => Number(m[1]))]),
	);
}

type Json = Record<string, unknown>;

/** The items a node output in a stored execution (n8n stores run data in flatted form). */
async function nodeOutput(c: QueueCluster, executionId: number, node: string): Promise<Json[]> {
	const [row] = await c.query('select data from execution_data where "executionId" = $1', [executionId]);
	if (!row) return [];
	const flatted = createRequire(join(HOST_DIR, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };
	const run = flatted.parse(String(row.data)) as { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Json }>> } }>> } };
	return run.resultData.runData[node]?.[0]?.data?.main[0]?.map((i) => i.json) ?? [];
}

/** Orders the sandbox created, by the idempotency key the workflow wrote into the order's message. */
function ordersByKey(sandbox: Sandbox, prefix: string): Map<string, string[]> {
	const byKey = new Map<string, string[]>();
	for (const order of sandbox.state.orders.values()) {
		if (!order.message?.startsWith(`${prefix}-`)) continue;
		byKey.set(order.message, [...(byKey.get(order.message) ?? []), order.id.toString()]);
	}
	return byKey;
}

function countBy<T>(list: T[], key: (t: T) => string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
	return out;
}

/**
 * Makes `orders` sandbox orders go through create → pay (→ ship for every other one), `gapMs` apart
 * (0: all at once), with callbacks delivered three times each through the round-robin, copies of a
 * message alternating between the processors; waits for the executions to settle.
 */
async function deliverEvents(c: Ctx, orders: number, gapMs: number, copyDelayMs: number) {
	const { cluster, sandbox } = c;
	const before = await lastExecutionId(cluster);
	const readsBefore = sandbox.log.filter((e) => e.endpoint === 'order1688Detail').length;
	const deliveriesBefore = sandbox.callbacks.deliveries.length;
	const { accessKey, accessSecret, userId } = sandbox.options;
	cluster.proxy.spreadBy((body) => {
		try {
			const m = JSON.parse(body.toString('utf8')) as { messageType?: string; messageBody?: unknown };
			return m.messageType ? `${m.messageType}:${JSON.stringify(m.messageBody)}` : undefined;
		} catch {
			return undefined;
		}
	});
	const routedBefore = cluster.proxy.routed.length;
	sandbox.callbacks.configure({
		url: `${cluster.webhookUrl(TRIGGER_PATH)}?token=${TOKEN}`,
		duplicates: 2,
		duplicateDelayMs: copyDelayMs,
		retryDelaysMs: [500, 500, 500, 500, 500],
		timeoutMs: 5000,
		sign: { accessKey, accessSecret, userId, rule: DEFAULT_SIGNING_RULE },
	});
	let events = 0;
	let listening = true;
	sandbox.state.onEvent(() => (listening ? events++ : undefined));
	try {
		const steps: Array<() => void> = [];
		for (let n = 0; n < orders; n++) {
			let id = '';
			steps.push(() => {
				const lines = sandbox.state.cargoLines([{ offerId: BigInt(OFFER.offerId), specId: OFFER.specId, quantity: 1 + n }]).map((l) => l.line);
				id = sandbox.state
					.createOrder('b2b-2206783546291c8f1', lines, {
						address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' },
						flow: 'general',
						message: `trigger-${gapMs}-${n}`,
					})
					.id.toString();
			});
			steps.push(() => void sandbox.state.pay(id));
			if (n % 2 === 0) steps.push(() => void sandbox.state.ship(id));
		}
		for (const step of steps) {
			step();
			if (gapMs > 0) await sleep(gapMs);
		}
		await sandbox.callbacks.idle();
	} finally {
		listening = false;
		sandbox.callbacks.configure(undefined);
		cluster.proxy.spreadBy(undefined);
	}
	const deliveries = sandbox.callbacks.deliveries.slice(deliveriesBefore);
	await settled(cluster, TRIGGER_ID, before, events, 180_000);
	await sleep(3000);
	const runs = await executions(cluster, TRIGGER_ID, before);
	const routed = cluster.proxy.routed.slice(routedBefore);
	const reads = sandbox.log.filter((e) => e.endpoint === 'order1688Detail').length - readsBefore;
	const byKey = new Map<string, Set<number>>();
	for (const r of routed) byKey.set(r.key ?? '', (byKey.get(r.key ?? '') ?? new Set<number>()).add(r.backend));
	const bothProcessors = [...byKey.values()].filter((b) => b.size === cluster.webhooks.length).length;
	return {
		events,
		deliveries,
		runs,
		reads,
		bothProcessors,
		acknowledged: deliveries.every((d) => d.status === 200),
		figures: {
			events,
			gapMs,
			copyDelayMs,
			deliveries: deliveries.length,
			deliveriesPerProcessor: countBy(routed, (r) => cluster.webhooks[r.backend].name),
			eventsSeenByBothProcessors: bothProcessors,
			executions: runs.length,
			executionStatus: countBy(runs, (e) => e.status),
			// A copy that reached the other processor before the first copy's fingerprint was saved starts an
			// execution, which the trigger stops at its first step when another worker already claimed the message.
			executionsStoppedAtTrigger: Math.max(0, runs.length - reads),
			resends: deliveries.length - events,
			answers: countBy(deliveries, (d) => String(d.status)),
			duplicateRuns: Math.max(0, reads - events),
		},
	};
}

export const queueCases: Case[] = [
	{
		name: 'queue mode comes up: PostgreSQL, Redis, main, 2 workers, 2 webhook processors, round-robin, sandbox',
		run: async () => {
			const started = Date.now();
			const sandbox = await startSandbox();
			try {
				const cluster = await startQueueCluster({
					sandbox,
					workflows: [
						{ file: join(ROOT, 'test', 'queue', 'workflows', 'bulk-orders.json'), id: BULK_ID, webhooks: [BULK_PATH] },
						{ file: join(ROOT, 'test', 'e2e', 'workflows', 'trigger-to-order.json'), id: TRIGGER_ID, webhooks: [TRIGGER_PATH] },
					],
					workers: 2,
					webhookProcessors: 2,
					workerConcurrency: 5,
					log: (line) => console.log(line),
				});
				ctx = { sandbox, cluster };
				figures.startupSeconds = Math.round((Date.now() - started) / 1000);
			} catch (error) {
				await sandbox.close();
				throw error;
			}
		},
	},
	{
		name: 'a bulk sheet-to-order run split across both workers creates each idempotency key\'s order once (overlapping chunks at once, then the whole sheet again)',
		run: async () => {
			assert(ctx, 'cluster did not start');
			const { cluster, sandbox } = ctx;
			const rows = sheet('bulk', 40);
			const before = await lastExecutionId(cluster);
			// Two overlapping runs of the same sheet at once (say, a double click and a schedule), cut into chunks of 5 rows:
			// every key arrives in two executions, which the round-robin and the queue spread over both workers.
			const first = chunks(rows, 5);
			const second = chunks([...rows.slice(20), ...rows.slice(0, 20)], 5);
			await Promise.all([...first, ...second].map((c) => postRows(cluster, c)));
			const runs = await settled(cluster, BULK_ID, before, first.length + second.length, 240_000);
			const middle = await lastExecutionId(cluster);
			// Later, the whole sheet once more, as one run.
			await postRows(cluster, rows);
			const rerun = await settled(cluster, BULK_ID, middle, 1, 240_000);
			const all = [...runs, ...rerun];
			const byWorker = executionsByWorker(cluster);
			const ran = (w: string) => byWorker[w].filter((id) => id > before).length;

			const orders = ordersByKey(sandbox, 'bulk');
			const perKey = rows.map((r) => orders.get(r.key)?.length ?? 0);
			const outputs = (await Promise.all(all.map((e) => nodeOutput(cluster, e.id, 'Create Order')))).flat();
			figures.bulk = {
				rows: rows.length,
				executions: all.length,
				executionStatus: countBy(all, (e) => e.status),
				executionsPerWorker: Object.fromEntries(cluster.workers.map((w) => [w.name, ran(w.name)])),
				itemsProcessed: outputs.length,
				itemsCreated: outputs.filter((o) => o.orderId !== undefined && o.duplicate !== true).length,
				itemsMarkedDuplicate: outputs.filter((o) => o.duplicate === true).length,
				keys: rows.length,
				ordersCreated: [...orders.values()].reduce((t, ids) => t + ids.length, 0),
				ordersPerKey: countBy(perKey, (n) => String(n)),
				duplicateOrders: perKey.reduce((t, n) => t + Math.max(0, n - 1), 0),
			};
			assert(all.every((e) => e.status === 'success'), `executions: ${JSON.stringify(all)}`);
			assert(cluster.workers.every((w) => ran(w.name) > 0), `both workers must have run executions: ${JSON.stringify(byWorker)}`);
			assertEqual(outputs.length, rows.length * 3, 'items that went through Create Order (40 × 3 runs)');
			const wrong = rows.filter((_r, n) => perKey[n] !== 1).map((r, n) => `${r.key}×${perKey[n]}`);
			assert(wrong.length === 0, `every key must have exactly one order; not so for ${wrong.join(', ')}`);
		},
	},
	{
		name: 'the sandbox sends every callback three times (first + 2 re-sends), each copy to the other webhook processor: each event runs once',
		run: async () => {
			assert(ctx, 'cluster did not start');
			const { sandbox } = ctx;
			// Order events as they happen, about a second apart. Each copy of a message comes 10 s after the
			// previous one was answered, once that copy's execution has ended: in queue mode the worker saves
			// the trigger's static data only then. Pandapon's own re-sends come 30 minutes apart.
			const result = await deliverEvents(ctx, 5, 1200, 10_000);
			figures.trigger = result.figures;
			const { events, deliveries, runs, reads, bothProcessors } = result;
			assertEqual(deliveries.length, events * 3, 'deliveries (events × 3)');
			assert(result.acknowledged, `deliveries not acknowledged: ${JSON.stringify(sandbox.callbacks.deliveries.filter((d) => d.status !== 200))}`);
			assertEqual(bothProcessors, events, 'events whose copies reached both processors');
			assert(runs.every((r) => r.status === 'success'), `executions: ${JSON.stringify(runs)}`);
			assertEqual(reads, events, 'executions that ran past the trigger (order reads by the Get Order node)');
		},
	},
	{
		name: 'measured, not asserted: a burst of callbacks at the same moment on both processors (the remaining window, see README › Scaling)',
		run: async () => {
			assert(ctx, 'cluster did not start');
			const result = await deliverEvents(ctx, 5, 0, 1000);
			figures.triggerBurst = result.figures;
			const f = result.figures;
			console.log(
				`    copies 1 s after the previous answer, on the other processor: ${f.duplicateRuns} of ${f.resends} re-sends ran again; ` +
					`${f.executions - f.executionsStoppedAtTrigger - f.duplicateRuns} events ran once, ${f.executionsStoppedAtTrigger} executions stopped at the trigger`,
			);
			// An answer other than 200 makes the sandbox send that copy again, as Pandapon would: counted in `answers`; every copy must end acknowledged.
			assertEqual(result.figures.answers['200'], result.events * 3, `copies acknowledged in the end (answers ${JSON.stringify(result.figures.answers)})`);
		},
	},
	{
		name: 'killing one worker mid-run loses no item n8n reports as done and duplicates none',
		run: async () => {
			assert(ctx, 'cluster did not start');
			const { cluster, sandbox } = ctx;
			const rows = sheet('kill', 60);
			const before = await lastExecutionId(cluster);
			const victim = cluster.workers[0];
			const startedBefore = executionsByWorker(cluster)[victim.name].length;
			// Slow answers, so executions are still running when the worker dies.
			sandbox.options.latencyMs = 1500;
			try {
				const parts = chunks(rows, 10);
				await Promise.all(parts.map((c) => postRows(cluster, c)));
				const deadline = Date.now() + 120_000;
				while (executionsByWorker(cluster)[victim.name].length - startedBefore < 1) {
					assert(Date.now() < deadline, `${victim.name} started no execution within 120 s`);
					await sleep(200);
				}
				await sleep(1000);
				victim.kill();
				const killedAt = Date.now();
				const runs = await settled(cluster, BULK_ID, before, parts.length, 240_000);
				const settledAfter = Date.now() - killedAt;
				const victimRan = executionsByWorker(cluster)[victim.name].filter((id) => id > before);
				const done = runs.filter((e) => e.status === 'success');
				const reported = (await Promise.all(done.map((e) => nodeOutput(cluster, e.id, 'Create Order')))).flat();
				const orders = ordersByKey(sandbox, 'kill');
				const lost = reported.filter((o) => o.duplicate !== true && !(orders.get(String(o.idempotencyKey)) ?? []).includes(String(o.orderId)));
				const perKeyAfterKill = rows.map((r) => orders.get(r.key)?.length ?? 0);
				// The user runs the whole sheet again on the surviving worker.
				sandbox.options.latencyMs = 0;
				const middle = await lastExecutionId(cluster);
				await postRows(cluster, rows);
				const rerun = await settled(cluster, BULK_ID, middle, 1, 240_000);
				const rerunOut = (await Promise.all(rerun.map((e) => nodeOutput(cluster, e.id, 'Create Order')))).flat();
				const after = ordersByKey(sandbox, 'kill');
				const perKey = rows.map((r) => after.get(r.key)?.length ?? 0);
				figures.workerKill = {
					rows: rows.length,
					executions: runs.length,
					executionStatus: countBy(runs, (e) => e.status),
					executionsOnKilledWorker: victimRan.length,
					secondsFromKillUntilSettled: Math.round(settledAfter / 1000),
					itemsReportedDone: reported.length,
					itemsLost: lost.length,
					ordersCreatedBeforeRerun: perKeyAfterKill.reduce((t, n) => t + n, 0),
					rerun: {
						status: countBy(rerun, (e) => e.status),
						itemsCreated: rerunOut.filter((o) => o.orderId !== undefined && o.duplicate !== true).length,
						itemsMarkedDuplicate: rerunOut.filter((o) => o.duplicate === true).length,
					},
					ordersCreated: perKey.reduce((t, n) => t + n, 0),
					keysWithOneOrder: perKey.filter((n) => n === 1).length,
					keysWithoutOrder: perKey.filter((n) => n === 0).length,
					duplicateOrders: perKey.reduce((t, n) => t + Math.max(0, n - 1), 0),
				};
				assert(victimRan.length > 0, 'the killed worker had executions');
				assert(done.length > 0 && done.length < runs.length, `some executions done, the killed worker's not: ${JSON.stringify(runs)}`);
				assertEqual(lost.length, 0, 'items n8n reports as done without their order');
				assertEqual(perKeyAfterKill.filter((n) => n > 1).length, 0, 'keys with more than one order after the kill');
				assert(rerun.every((e) => e.status === 'success'), `re-run: ${JSON.stringify(rerun)}`);
				assertEqual(perKey.filter((n) => n > 1).length, 0, 'keys with more than one order after the re-run');
			} finally {
				sandbox.options.latencyMs = 0;
			}
		},
	},
	{
		name: 'everything is torn down',
		run: async () => {
			const current = ctx;
			ctx = undefined;
			await current?.cluster.stop();
			await current?.sandbox.close();
		},
	},
];
