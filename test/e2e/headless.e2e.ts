import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { executionJson, freePort, installPackage, lastExecutionError, n8nEnv, preserveN8nRecords, ROOT, runN8n } from '../../scripts/host';
import type { N8nHost } from '../../scripts/host';
import { DEMO_CALLBACK_TOKEN, startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { FIRST_ORDER_ID } from '../../sandbox/state';
import { assert, assertEqual } from './runner';
import type { Case } from './runner';

interface RunData {
	data: { resultData: { error?: { message: string }; runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

function nodeJson(run: RunData, node: string): Array<Record<string, unknown>> {
	return run.data.resultData.runData[node]?.[0]?.data.main[0].map((i) => i.json) ?? [];
}

/** The Pandapon Callback API credential the test workflows' triggers reference. */
export const SANDBOX_CALLBACK_CREDENTIAL_ID = 'PandaponCallback1';

/**
 * Imports a credential pointing at the sandbox under the id the example workflows use, and the
 * Pandapon Callback API credential with the demo Callback Token that the test workflows' triggers use.
 */
export async function importSandboxCredential(
	env: NodeJS.ProcessEnv,
	dir: string,
	sandbox: { url: string; options: { accessKey: string; accessSecret: string; userId: string } },
): Promise<void> {
	const file = join(dir, 'credentials.json');
	writeFileSync(
		file,
		JSON.stringify([
			{
				id: 'PandaponSandbox1',
				name: 'Pandapon sandbox',
				type: 'pandaponApi',
				data: {
					accessKey: sandbox.options.accessKey,
					accessSecret: sandbox.options.accessSecret,
					userId: sandbox.options.userId,
					baseUrl: sandbox.url,
				},
			},
			{
				id: SANDBOX_CALLBACK_CREDENTIAL_ID,
				name: 'Pandapon sandbox callback',
				type: 'pandaponCallbackApi',
				data: { callbackToken: DEMO_CALLBACK_TOKEN },
			},
		]),
	);
	const result = await runN8n(['import:credentials', `--input=${file}`], env);
	assert(result.code === 0, `import:credentials failed:\n${result.stdout}\n${result.stderr}`);
}

/** One fresh n8n user folder with the package and the sandbox credential; workflows imported from files. */
async function withN8n(
	run: (ctx: { env: NodeJS.ProcessEnv; dir: string; sandbox: Sandbox; importWorkflow: (file: string) => Promise<void>; execute: (id: string) => Promise<RunData & { stdout: string; stderr: string }> }) => Promise<void>,
	host?: N8nHost,
) {
	const sandbox = await startSandbox();
	const dir = mkdtempSync(join(tmpdir(), 'pandapon-e2e-'));
	try {
		installPackage(dir);
		const env = n8nEnv(dir, { http: await freePort(), broker: await freePort() }, {}, host);
		await importSandboxCredential(env, dir, sandbox);
		const importWorkflow = async (file: string) => {
			// A folder with --separate: n8n before 1.85 reads a single-workflow file only that way.
			const folder = mkdtempSync(join(dir, 'workflow-'));
			writeFileSync(join(folder, basename(file)), readFileSync(file, 'utf8').split('{{SANDBOX_URL}}').join(sandbox.url));
			const imported = await runN8n(['import:workflow', '--separate', `--input=${folder}`], env);
			assert(imported.code === 0, `import:workflow ${file} failed:\n${imported.stdout}\n${imported.stderr}`);
		};
		const execute = async (id: string) => {
			const executed = await runN8n(['execute', `--id=${id}`, '--rawOutput'], env);
			assert(executed.code === 0, `execute failed (${executed.code}): ${lastExecutionError(dir) ?? ''}\n${executed.stdout.slice(-4000)}\n${executed.stderr.slice(-2000)}`);
			const run = executionJson(executed.stdout) as RunData;
			assert(!run.data.resultData.error, `execution error: ${run.data.resultData.error?.message}`);
			return { ...run, stdout: executed.stdout, stderr: executed.stderr };
		};
		await run({ env, dir, sandbox, importWorkflow, execute });
	} finally {
		await sandbox.close();
		preserveN8nRecords(dir);
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The demo workflow (Manual Trigger → Cart add ×2 → Preview → Create order → Get order) run headless: in the pinned n8n, or in the given install (the compatibility suite). */
export async function runDemoWorkflow(host?: N8nHost): Promise<void> {
	await withN8n(async ({ dir, sandbox, importWorkflow, execute }) => {
		await importWorkflow(join(ROOT, 'examples', 'demo-cart-to-order.json'));
		const run = await execute('PandaponDemo0001');
		// The documented create-from-cart answer names no order: the demo reads the new orders back with Get Many.
		const [created] = nodeJson(run, 'Create Order');
		assertEqual(created.outcome, 'unknown', 'create-from-cart outcome (bare envelope)');
		const orders = nodeJson(run, 'Get Order');
		assertEqual(
			orders.map((o) => o.orderId).sort(),
			[FIRST_ORDER_ID.toString(), (FIRST_ORDER_ID + 1_000_003n).toString()],
			'orders read back',
		);
		const order = orders.find((o) => o.orderId === FIRST_ORDER_ID.toString())!;
		assertEqual(order.status, 'waitbuyerpay', 'order status');
		assertEqual(order.totalAmount, 3 * 290 + 600, 'order total in fen (1688 answers ¥14.7)');
		const calls = sandbox.log.map((e) => `${e.endpoint}:${e.status}`);
		assertEqual(
			calls,
			['cart1688Add:200', 'cart1688Add:200', 'cart1688Preview:200', 'cart1688CreateOrder:200', 'order1688Page:200'],
			'signed calls the sandbox accepted',
		);
		for (const entry of sandbox.log) {
			assert(!entry.contractErrors, `contract errors: ${entry.contractErrors?.join('; ')}`);
			for (const h of ['access-key', 'nonce-str', 'timestamp', 'user-id', 'signature']) assert(entry.headers[h], `${h} header missing`);
		}
		const secret = sandbox.options.accessSecret;
		assert(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'the access secret appeared in n8n output');
		assert(!readFileSync(join(dir, '.n8n', 'database.sqlite')).includes(Buffer.from(secret)), 'the access secret is stored unencrypted');
	}, host);
}

export const headlessCases: Case[] = [
	{
		name: 'the demo workflow (Manual Trigger → Cart add ×2 → Preview → Create order → Get order) runs headless in real n8n',
		run: async () => await runDemoWorkflow(),
	},
	{
		name: 'the whole buying loop runs in real n8n: search → cart → batch preview across two sellers → batch create → bulk pay → shipped → tracking → confirm → refund',
		run: async () =>
			await withN8n(async ({ sandbox, importWorkflow, execute }) => {
				await importWorkflow(join(ROOT, 'test', 'e2e', 'workflows', 'full-chain.json'));
				const run = await execute('PandaponChain001');
				const created = nodeJson(run, 'Create Batch');
				assertEqual(created.length, 2, 'one item per input row (one row per seller here)');
				const orders = created.map((row) => (row.orders as Array<Record<string, unknown>>)[0]);
				assertEqual(new Set(orders.map((o) => o.sellerOpenId)).size, 2, 'two sellers');
				assert(created.every((row) => /^\d{19}$/.test(String(row.orderId))), `19-digit order ids as text: ${JSON.stringify(created.map((r) => r.orderId))}`);
				const paid = nodeJson(run, 'Pay in Bulk');
				assertEqual(paid.map((p) => p.success), [true, true], 'both orders paid');
				const parcels = nodeJson(run, 'Tracking');
				assert(parcels.every((p) => typeof p.trackingNumber === 'string' && typeof p.carrier === 'string'), 'each parcel has a carrier and tracking number');
				const refunds = nodeJson(run, 'Refund');
				assertEqual(refunds.length, 2, 'one refund per order');
				assert(refunds.every((r) => /^TQ\d+$/.test(String(r.refundId))), `refund ids: ${JSON.stringify(refunds)}`);
				const count = (endpoint: string) => sandbox.log.filter((e) => e.endpoint === endpoint).length;
				assertEqual([count('order1688PreviewBatch'), count('order1688CreateBatch'), count('order1688BulkPay')], [2, 1, 1], 'batched calls (preview twice: once for Max Total)');
				for (const order of sandbox.state.orders.values()) assertEqual(order.status, 'confirm_goods', `order ${order.id} status`);
				assertEqual(sandbox.log.filter((e) => e.contractErrors).length, 0, 'requests outside the contract');
			}),
	},
];
