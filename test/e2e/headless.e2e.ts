import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { executionJson, freePort, installPackage, n8nEnv, ROOT, runN8n } from '../../scripts/host';
import { startSandbox } from '../../sandbox/server';
import { FIRST_ORDER_ID } from '../../sandbox/state';
import { assert, assertEqual } from './runner';
import type { Case } from './runner';

interface RunData {
	data: { resultData: { error?: { message: string }; runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
}

function nodeJson(run: RunData, node: string): Array<Record<string, unknown>> {
	return run.data.resultData.runData[node]?.[0]?.data.main[0].map((i) => i.json) ?? [];
}

/** Imports a credential pointing at the sandbox under the id the example workflows use. */
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
		]),
	);
	const result = await runN8n(['import:credentials', `--input=${file}`], env);
	assert(result.code === 0, `import:credentials failed:\n${result.stdout}\n${result.stderr}`);
}

export const headlessCases: Case[] = [
	{
		name: 'the demo workflow (Manual Trigger → Cart add ×2 → Preview → Create order → Get order) runs headless in real n8n',
		run: async () => {
			const sandbox = await startSandbox();
			const dir = mkdtempSync(join(tmpdir(), 'pandapon-e2e-'));
			try {
				installPackage(dir);
				const env = n8nEnv(dir, { http: await freePort(), broker: await freePort() });
				await importSandboxCredential(env, dir, sandbox);
				const imported = await runN8n(['import:workflow', `--input=${join(ROOT, 'examples', 'demo-cart-to-order.json')}`], env);
				assert(imported.code === 0, `import:workflow failed:\n${imported.stdout}\n${imported.stderr}`);
				const executed = await runN8n(['execute', '--id=PandaponDemo0001', '--rawOutput'], env);
				assert(executed.code === 0, `execute failed (${executed.code}):\n${executed.stdout.slice(-4000)}\n${executed.stderr.slice(-2000)}`);
				const run = executionJson(executed.stdout) as RunData;
				assert(!run.data.resultData.error, `execution error: ${run.data.resultData.error?.message}`);

				const [created] = nodeJson(run, 'Create Order');
				assertEqual(created.orderIds, [FIRST_ORDER_ID.toString(), (FIRST_ORDER_ID + 1_000_003n).toString()], 'created order ids');
				const [order] = nodeJson(run, 'Get Order');
				assertEqual(order.orderId, FIRST_ORDER_ID.toString(), 'order read back');
				assertEqual(order.status, 'waitbuyerpay', 'order status');
				assertEqual(order.totalAmount, 3 * 290 + 600, 'order total in fen');

				const calls = sandbox.log.map((e) => `${e.endpoint}:${e.status}`);
				assertEqual(
					calls,
					['cart1688Add:200', 'cart1688Add:200', 'cart1688Preview:200', 'cart1688CreateOrder:200', 'order1688Detail:200'],
					'signed calls the sandbox accepted',
				);
				for (const entry of sandbox.log) {
					assert(!entry.contractErrors, `contract errors: ${entry.contractErrors?.join('; ')}`);
					for (const h of ['access-key', 'nonce-str', 'timestamp', 'user-id', 'signature']) assert(entry.headers[h], `${h} header missing`);
				}
				const secret = sandbox.options.accessSecret;
				assert(!executed.stdout.includes(secret) && !executed.stderr.includes(secret), 'the access secret appeared in n8n output');
				assert(!readFileSync(join(dir, '.n8n', 'database.sqlite')).includes(Buffer.from(secret)), 'the access secret is stored unencrypted');
			} finally {
				await sandbox.close();
				rmSync(dir, { recursive: true, force: true });
			}
		},
	},
];
