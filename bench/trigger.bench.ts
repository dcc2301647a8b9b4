/*
 * npm run bench:trigger — bursts of callbacks into real n8n with the Pandapon Trigger active, against
 * the same bursts into n8n's own Webhook node, in the same run: ack latency, throughput, answers
 * slower than Pandapon's 1000 ms wait, lost and duplicated. Three legs:
 * - defaults: the trigger as Pandapon calls it (Callback Token, unsigned callbacks) with no other node;
 * - signed: Signature Check Required, every callback signed (the credential is read for each call);
 * - write: each workflow creates an order (Order › Create, the message as Idempotency Key).
 * Each leg alternates rounds of the two nodes, so both meet the same load on a shared machine.
 */
import { join } from 'node:path';

import { Agent, request } from 'undici';

import { DEFAULT_SIGNING_RULE, signedHeaders } from '../nodes/shared/signing';
import { ensureHost, ROOT } from '../scripts/host';
import { DEMO_CALLBACK_TOKEN, startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { settledExecutions, startN8nServer } from '../test/e2e/n8nServer';
import { report } from './report';

const BURST = Number(process.env.BENCH_BURST ?? 500);
/** The signed and write legs are smaller: they answer the same questions about a different cost. */
const SIDE_BURST = Number(process.env.BENCH_SIDE_BURST ?? 200);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 10);
const ROUNDS = 5;
/** Pandapon waits this long for a 200, then re-sends 30 minutes later. */
const PANDAPON_WAIT_MS = 1000;

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Tally {
	latencies: number[];
	seconds: number;
	failed: number;
}

async function burst(tally: Tally, url: string, bodies: string[], headersOf: (body: string) => Record<string, string>): Promise<void> {
	const dispatcher = new Agent({ connections: PARALLEL });
	let next = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: PARALLEL }, async () => {
			while (next < bodies.length) {
				const body = bodies[next++];
				const t = performance.now();
				try {
					const res = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headersOf(body) }, dispatcher });
					await res.body.dump();
					if (res.statusCode !== 200) tally.failed++;
				} catch {
					tally.failed++;
				}
				tally.latencies.push(performance.now() - t);
			}
		}),
	);
	tally.seconds += (performance.now() - started) / 1000;
	await dispatcher.close();
}

function summary(t: Tally) {
	const sorted = [...t.latencies].sort((a, b) => a - b);
	return {
		p50: percentile(sorted, 50),
		p99: percentile(sorted, 99),
		perSecond: t.latencies.length / t.seconds,
		over1000: t.latencies.filter((ms) => ms > PANDAPON_WAIT_MS).length,
		failed: t.failed,
	};
}

interface Leg {
	name: string;
	burst: number;
	trigger: { file: string; id: string; webhook: string; sign: boolean };
	core: { file: string; id: string; webhook: string };
	/** Orders the workflows create, counted in the sandbox by the message they carry. */
	writes?: boolean;
}

const CORE = { file: 'webhook', id: 'PandaponBenchWeb', webhook: 'bench-core' };
const LEGS: Leg[] = [
	{ name: 'defaults', burst: BURST, trigger: { file: 'trigger', id: 'PandaponBenchTrg', webhook: '9b000000-0000-4000-8000-0000000b0001/pandapon', sign: false }, core: CORE },
	{ name: 'signed', burst: SIDE_BURST, trigger: { file: 'trigger-signed', id: 'PandaponBenchSig', webhook: '9b000000-0000-4000-8000-0000000b0011/pandapon', sign: true }, core: CORE },
	{
		name: 'write',
		burst: SIDE_BURST,
		trigger: { file: 'trigger-write', id: 'PandaponBenchTrW', webhook: '9b000000-0000-4000-8000-0000000b0021/pandapon', sign: false },
		core: { file: 'webhook-write', id: 'PandaponBenchWeW', webhook: 'bench-core-write' },
		writes: true,
	},
];

let nextOrder = 0n;
function bodies(count: number): string[] {
	return Array.from({ length: count }, () =>
		JSON.stringify({
			messageType: '1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY',
			messageBody: { baseInfo: { idOfStr: String(2542285634920880794n + nextOrder++), status: 'waitbuyerpay', totalAmount: 1000 } },
			messagePlatform: 1,
			timestamp: String(Date.now()),
		}),
	);
}

async function runLeg(leg: Leg, base: string, dir: string, sandbox: Sandbox, before: Record<string, number>) {
	const { accessKey, accessSecret, userId } = sandbox.options;
	const credentials = { accessKey, accessSecret, userId, rule: DEFAULT_SIGNING_RULE };
	const triggerPath = `/webhook/${leg.trigger.webhook}`;
	const ours: Tally = { latencies: [], seconds: 0, failed: 0 };
	const core: Tally = { latencies: [], seconds: 0, failed: 0 };
	const ourBodies = bodies(leg.burst);
	const coreBodies = bodies(leg.burst);
	const size = Math.ceil(leg.burst / ROUNDS);
	for (let round = 0; round < ROUNDS; round++) {
		const slice = (list: string[]) => list.slice(round * size, (round + 1) * size);
		const runOurs = () =>
			burst(ours, `${base}${triggerPath}?token=${DEMO_CALLBACK_TOKEN}`, slice(ourBodies), (body) =>
				leg.trigger.sign ? signedHeaders(credentials, { method: 'POST', path: triggerPath, body }) : {},
			);
		const runCore = () => burst(core, `${base}/webhook/${leg.core.webhook}`, slice(coreBodies), () => ({}));
		// Alternate which goes first, so neither always meets the other's executions still running.
		if (round % 2 === 0) {
			await runCore();
			await runOurs();
		} else {
			await runOurs();
			await runCore();
		}
	}
	const timeout = leg.writes ? 600_000 : 180_000;
	const ourRuns = (await settledExecutions(dir, leg.trigger.id, (before[leg.trigger.id] ?? 0) + leg.burst, timeout)).length - (before[leg.trigger.id] ?? 0);
	const coreRuns = (await settledExecutions(dir, leg.core.id, (before[leg.core.id] ?? 0) + leg.burst, timeout)).length - (before[leg.core.id] ?? 0);
	before[leg.trigger.id] = (before[leg.trigger.id] ?? 0) + ourRuns;
	before[leg.core.id] = (before[leg.core.id] ?? 0) + coreRuns;
	const o = summary(ours);
	const c = summary(core);
	const figures: Record<string, number> = {
		p50_ms: Number(o.p50.toFixed(1)),
		p99_ms: Number(o.p99.toFixed(1)),
		core_p50_ms: Number(c.p50.toFixed(1)),
		core_p99_ms: Number(c.p99.toFixed(1)),
		throughput_ratio: Number((o.perSecond / c.perSecond).toFixed(2)),
		p99_ratio: Number((o.p99 / c.p99).toFixed(2)),
		over_1000ms: o.over1000,
		core_over_1000ms: c.over1000,
		lost: Math.max(0, leg.burst - ourRuns) + o.failed,
		duplicated: Math.max(0, ourRuns - leg.burst),
		core_lost: Math.max(0, leg.burst - coreRuns) + c.failed,
	};
	if (leg.writes) {
		const keys = new Map<string, number>();
		for (const order of sandbox.state.orders.values()) if (order.message) keys.set(order.message, (keys.get(order.message) ?? 0) + 1);
		const ourKeys = [...keys].filter(([k]) => /^[0-9a-f]{32}$/.test(k));
		figures.orders = ourKeys.length;
		figures.duplicate_orders = ourKeys.reduce((t, [, n]) => t + n - 1, 0);
	}
	const rows: Array<[string, string]> = [
		[`${leg.name}: Pandapon Trigger ack p50 / p99`, `${o.p50.toFixed(1)} / ${o.p99.toFixed(1)} ms, ${o.over1000} over 1000 ms`],
		[`${leg.name}: core Webhook ack p50 / p99`, `${c.p50.toFixed(1)} / ${c.p99.toFixed(1)} ms, ${c.over1000} over 1000 ms`],
		[`${leg.name}: throughput (ours / core)`, `${o.perSecond.toFixed(1)} / ${c.perSecond.toFixed(1)} per s = ${figures.throughput_ratio}`],
		[`${leg.name}: executions (ours / core)`, `${ourRuns} / ${coreRuns} of ${leg.burst}`],
		[`${leg.name}: lost / duplicated`, `${figures.lost} / ${figures.duplicated}`],
	];
	if (leg.writes) rows.push([`${leg.name}: orders (ours) / duplicate orders`, `${figures.orders} / ${figures.duplicate_orders}`]);
	return { figures, rows };
}

async function main(): Promise<void> {
	ensureHost();
	const sandbox = await startSandbox();
	const workflows = [...new Map(LEGS.flatMap((l) => [l.trigger, l.core]).map((w) => [w.id, w])).values()].map((w) => ({
		file: join(ROOT, 'bench', 'workflows', `${w.file}.json`),
		id: w.id,
		webhooks: [w.webhook],
	}));
	const n8n = await startN8nServer(sandbox, workflows).catch(async (error: unknown) => {
		await sandbox.close();
		throw error;
	});
	try {
		// Warm both paths once, so neither pays for first-request compilation in the figures.
		const before: Record<string, number> = {};
		for (const leg of LEGS) {
			const warm: Tally = { latencies: [], seconds: 0, failed: 0 };
			await burst(warm, `${n8n.base}/webhook/${leg.core.webhook}`, bodies(1), () => ({}));
			await burst(warm, `${n8n.base}/webhook/${leg.trigger.webhook}?token=${DEMO_CALLBACK_TOKEN}`, bodies(1), () => ({}));
		}
		for (const id of workflows.map((w) => w.id)) before[id] = (await settledExecutions(n8n.dir, id, 1)).length;
		const results = [];
		for (const leg of LEGS) results.push(await runLeg(leg, n8n.base, n8n.dir, sandbox, before));
		const [main, signed, write] = results;
		// n8n 2.41 takes an expression isolate for every call to a trigger other than its own Webhook node (pool of 1 by default).
		const engine = process.env.N8N_EXPRESSION_ENGINE ?? 'vm';
		report(
			`Trigger bursts, ${PARALLEL} in parallel, real n8n (expression engine ${process.env.N8N_EXPRESSION_ENGINE ?? 'vm, n8n\'s default'}), rounds alternating with the core Webhook: ${BURST} unsigned callbacks at defaults, ${SIDE_BURST} signed (Signature Check Required), ${SIDE_BURST} into workflows that create an order`,
			results.flatMap((r) => r.rows),
			{ ...main.figures, expression_engine: engine, signed: signed.figures, write: write.figures },
		);
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
