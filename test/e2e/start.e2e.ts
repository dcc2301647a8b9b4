/**
 * `npm start` keeps what the user did: an edited demo workflow, the sandbox's orders and n8n's
 * idempotency keys survive a restart; `--reset` forgets orders and keys together and imports the
 * examples again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_SIGNING_RULE, signedHeaders } from '../../nodes/shared/signing';
import { freePort, preserveN8nRecords, queryDatabase } from '../../scripts/host';
import { startDemo } from '../../scripts/start';
import type { Demo } from '../../scripts/start';
import { assertEqual } from './runner';
import type { Case } from './runner';

const DEMO_ID = 'PandaponDemo0001';

async function demoIn(userFolder: string, reset = false): Promise<Demo> {
	return await startDemo({ userFolder, port: await freePort(), brokerPort: await freePort(), output: 'pipe', log: () => undefined, reset });
}

function demoQuantity(userFolder: string): number {
	const [row] = queryDatabase(userFolder, `select nodes from workflow_entity where id = '${DEMO_ID}'`);
	const nodes = JSON.parse(String(row.nodes)) as Array<{ name: string; parameters: { quantity?: number } }>;
	return Number(nodes.find((n) => n.name === 'Add Earrings to Cart')?.parameters.quantity);
}

/** What editing a field in the editor and saving does, straight in n8n's database. */
function editDemoQuantity(userFolder: string, quantity: number): void {
	const [row] = queryDatabase(userFolder, `select nodes from workflow_entity where id = '${DEMO_ID}'`);
	const nodes = JSON.parse(String(row.nodes)) as Array<{ name: string; parameters: Record<string, unknown> }>;
	nodes.find((n) => n.name === 'Add Earrings to Cart')!.parameters.quantity = quantity;
	queryDatabase(userFolder, `update workflow_entity set nodes = '${JSON.stringify(nodes).replace(/'/g, "''")}' where id = '${DEMO_ID}' returning id`, true);
}

/** A signed write straight to the sandbox, as a workflow's Cart › Add Item sends it. */
async function addToCart(demo: Demo): Promise<void> {
	const body = '{"offerId":624981234567,"specId":"7f3a1c2e9b8d4f60a1b2c3d4e5f60718","quantity":2}';
	const { accessKey, accessSecret, userId } = demo.sandbox.options;
	const headers = signedHeaders({ accessKey, accessSecret, userId, rule: DEFAULT_SIGNING_RULE }, { method: 'POST', path: '/alibaba/cart/add', body });
	const res = await fetch(`${demo.sandbox.url}/alibaba/cart/add`, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } });
	assertEqual(res.status, 200, `cart add: ${await res.text()}`);
}

export const startCases: Case[] = [
	{
		name: 'npm start keeps an edited example, the sandbox\'s orders and the keys across a restart; --reset forgets orders and keys and imports afresh',
		run: async () => {
			const folder = mkdtempSync(join(tmpdir(), 'pandapon-start-'));
			const userFolder = join(folder, 'n8n');
			let demo: Demo | undefined;
			try {
				demo = await demoIn(userFolder);
				assertEqual(demoQuantity(userFolder), 3, 'the example as shipped');
				await addToCart(demo);
				const cartOf = (d: Demo) => JSON.stringify([...d.sandbox.state.cart.values()].map(({ id, offerId, specId, quantity }) => ({ id, offerId, specId, quantity })));
				const placed = cartOf(demo);
				await demo.stop();
				editDemoQuantity(userFolder, 7);
				queryDatabase(userFolder, `insert into processed_data (workflowId, context, value, createdAt, updatedAt) values ('${DEMO_ID}', 'n:x', '{"mode":"entries","data":["k"]}', datetime('now'), datetime('now')) returning workflowId`, true);

				demo = await demoIn(userFolder);
				assertEqual(demoQuantity(userFolder), 7, 'the edit survives the restart');
				assertEqual(cartOf(demo), placed, 'the sandbox\'s cart survives the restart');
				assertEqual(queryDatabase(userFolder, 'select count(*) as n from processed_data')[0].n, 1, 'the keys survive the restart');
				await demo.stop();

				demo = await demoIn(userFolder, true);
				assertEqual(demoQuantity(userFolder), 3, '--reset imports the example again');
				assertEqual(queryDatabase(userFolder, 'select count(*) as n from processed_data')[0].n, 0, '--reset forgets the idempotency keys');
				assertEqual(demo.sandbox.state.cart.size, 0, '--reset forgets the sandbox\'s state');
			} finally {
				await demo?.stop();
				preserveN8nRecords(userFolder);
				rmSync(folder, { recursive: true, force: true });
			}
		},
	},
];
