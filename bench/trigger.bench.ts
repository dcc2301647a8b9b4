/*
 * npm run bench:trigger — a burst of signed callbacks into real n8n with the Pandapon Trigger active,
 * against the same burst into n8n's own Webhook node: ack latency, throughput, lost and duplicated.
 */
import { join } from 'node:path';

import { Agent, request } from 'undici';

import { DEFAULT_SIGNING_RULE, signedHeaders } from '../nodes/shared/signing';
import { ensureHost, ROOT } from '../scripts/host';
import { startSandbox } from '../sandbox/server';
import { settledExecutions, startN8nServer } from '../test/e2e/n8nServer';
import { report } from './report';

const BURST = Number(process.env.BENCH_BURST ?? 500);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 10);

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function burst(url: string, bodies: string[], headersOf: (body: string) => Record<string, string>) {
	const dispatcher = new Agent({ connections: PARALLEL });
	const latencies: number[] = [];
	let failed = 0;
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
					if (res.statusCode !== 200) failed++;
				} catch {
					failed++;
				}
				latencies.push(performance.now() - t);
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	await dispatcher.close();
	latencies.sort((a, b) => a - b);
	return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: bodies.length / seconds, failed };
}

async function main(): Promise<void> {
	ensureHost();
	const sandbox = await startSandbox();
	const trigger = { file: join(ROOT, 'bench', 'workflows', 'trigger.json'), id: 'PandaponBenchTrg', webhooks: ['9b000000-0000-4000-8000-0000000b0001/pandapon'] };
	const core = { file: join(ROOT, 'bench', 'workflows', 'webhook.json'), id: 'PandaponBenchWeb', webhooks: ['bench-core'] };
	const n8n = await startN8nServer(sandbox, [trigger, core]).catch(async (error: unknown) => {
		await sandbox.close();
		throw error;
	});
	try {
		const { accessKey, accessSecret, userId } = sandbox.options;
		const credentials = { accessKey, accessSecret, userId, rule: DEFAULT_SIGNING_RULE };
		const bodies = Array.from({ length: BURST }, (_, i) =>
			JSON.stringify({
				messageType: '1688_ORDER_BUYER_VIEW_ORDER_PRICE_MODIFY',
				messageBody: { baseInfo: { idOfStr: String(2542285634920880794n + BigInt(i)), status: 'waitbuyerpay', totalAmount: 1000 + i } },
				messagePlatform: 1,
				timestamp: String(Date.now()),
			}),
		);
		const triggerPath = `/webhook/${trigger.webhooks[0]}`;
		// Warm both paths once, so neither pays for first-request compilation in the figures.
		await burst(`${n8n.base}/webhook/${core.webhooks[0]}`, ['{"warm":1}'], () => ({}));
		const coreRun = await burst(`${n8n.base}/webhook/${core.webhooks[0]}`, bodies, () => ({}));
		const ours = await burst(`${n8n.base}${triggerPath}?token=bench-token`, bodies, (body) =>
			signedHeaders(credentials, { method: 'POST', path: triggerPath, body }),
		);
		const oursRuns = await settledExecutions(n8n.dir, trigger.id, BURST, 180_000);
		const coreRuns = await settledExecutions(n8n.dir, core.id, BURST + 1, 180_000);
		const lost = Math.max(0, BURST - oursRuns.length) + ours.failed;
		const duplicated = Math.max(0, oursRuns.length - BURST);
		const ratio = ours.perSecond / coreRun.perSecond;
		report(
			`Trigger burst: ${BURST} signed callbacks, ${PARALLEL} in parallel, real n8n`,
			[
				['Pandapon Trigger ack p50 / p99', `${ours.p50.toFixed(1)} / ${ours.p99.toFixed(1)} ms`],
				['core Webhook ack p50 / p99', `${coreRun.p50.toFixed(1)} / ${coreRun.p99.toFixed(1)} ms`],
				['throughput (ours / core)', `${ours.perSecond.toFixed(0)} / ${coreRun.perSecond.toFixed(0)} per s = ${ratio.toFixed(2)}`],
				['executions (ours / core)', `${oursRuns.length} / ${coreRuns.length - 1}`],
				['lost / duplicated', `${lost} / ${duplicated}`],
			],
			{
				p50_ms: Number(ours.p50.toFixed(1)),
				p99_ms: Number(ours.p99.toFixed(1)),
				throughput_ratio: Number(ratio.toFixed(2)),
				lost,
				duplicated,
				core_p50_ms: Number(coreRun.p50.toFixed(1)),
				core_p99_ms: Number(coreRun.p99.toFixed(1)),
			},
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
