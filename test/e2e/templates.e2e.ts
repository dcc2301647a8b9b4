/**
 * The shipped templates run in real n8n the way a buyer runs them: from the Execute button, twice
 * the same day, with rows appended, with a bad row. Only their third-party nodes are replaced —
 * Google Sheets by HTTP Request nodes on a local stand-in sheet that keeps its rows between runs;
 * every other node and expression is exactly as shipped (the Write node's column expressions
 * become the stand-in's request body, unchanged).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../../scripts/host';
import { ownerEnv } from '../../scripts/start';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { runManually, saveWorkflow, signIn, startN8nServer } from './n8nServer';
import type { N8nServer, WorkflowJson } from './n8nServer';
import { assert, assertEqual } from './runner';
import type { Case } from './runner';

interface Row {
	row_number: number;
	order_ref: string;
	offer_id: string;
	spec_id: string;
	quantity: number;
	receiver: string;
	mobile: string;
	status: string;
	order_id?: string;
}

/** A sheet in miniature: read the rows with a status, update one row by its number. */
async function startSheet(rows: Row[]) {
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (d: Buffer) => (body += d.toString()));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://sheet');
			res.setHeader('content-type', 'application/json');
			if (req.method === 'GET' && url.pathname === '/rows') {
				res.end(JSON.stringify(rows.filter((r) => r.status === url.searchParams.get('status'))));
				return;
			}
			if (req.method === 'POST' && url.pathname === '/update') {
				const change = JSON.parse(body) as Partial<Row> & { row_number: number | string };
				const row = rows.find((r) => r.row_number === Number(change.row_number));
				if (!row) {
					res.statusCode = 404;
					res.end('{"error":"no such row"}');
					return;
				}
				Object.assign(row, { ...change, row_number: row.row_number });
				res.end(JSON.stringify(row));
				return;
			}
			res.statusCode = 404;
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { base, rows, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The sheet template with its two Google Sheets nodes swapped for the stand-in; nothing else changes. */
function sheetTemplate(sheet: string): WorkflowJson {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', 'sheet-to-1688-orders.json'), 'utf8')) as WorkflowJson;
	workflow.nodes = workflow.nodes.map((node) => {
		if (node.type !== 'n8n-nodes-base.googleSheets') return node;
		const base = { name: node.name, position: node.position, type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 };
		if (node.parameters.operation === 'read') {
			const filter = (node.parameters.filtersUI as { values: Array<{ lookupColumn: string; lookupValue: string }> }).values[0];
			return { ...base, parameters: { url: `${sheet}/rows?${filter.lookupColumn}=${filter.lookupValue}`, options: {} } };
		}
		const columns = (node.parameters.columns as { value: Record<string, string> }).value;
		return {
			...base,
			parameters: {
				method: 'POST',
				url: `${sheet}/update`,
				sendBody: true,
				bodyParameters: { parameters: Object.entries(columns).map(([name, value]) => ({ name, value })) },
				options: {},
			},
		};
	});
	return workflow;
}

interface Session {
	n8n: N8nServer;
	post: (path: string, body: unknown) => Promise<Response>;
	get: (path: string) => Promise<Response>;
}

/** What the editor's Execute button does: a manual run from the trigger, then the execution's end (with its stored data when it failed). */
async function executeButton(session: Session, workflowId: string): Promise<{ status: string; data?: string }> {
	const run = await runManually(session.n8n, session, workflowId, { name: 'Start' });
	assertEqual(run.mode, 'manual', 'execution mode');
	return run.status === 'success' ? { status: 'success' } : { status: run.status, data: run.data };
}

const EARRING = { offer_id: '624981234567', spec_id: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718' };
const TSHIRT = { offer_id: '655310028877', spec_id: 'a06d4f5b2e1a7c93d4e5f60718293a4b' };
const KEYCHAIN = { offer_id: '631247789012', spec_id: '9f5c3e4a1d0f6b82c3d4e5f60718293a' };

function row(n: number, product: typeof EARRING, quantity = 1): Row {
	return { row_number: n + 1, order_ref: `REF-${n}`, ...product, quantity, receiver: '王小明', mobile: '13800138000', status: 'new' };
}

async function withTemplate(run: (ctx: { sandbox: Sandbox; session: Session; sheet: Awaited<ReturnType<typeof startSheet>>; id: string }) => Promise<void>) {
	const sandbox = await startSandbox();
	const sheet = await startSheet([row(1, EARRING, 2), row(2, TSHIRT, 1), row(3, KEYCHAIN, 4)]);
	const n8n = await startN8nServer(sandbox, [], ownerEnv());
	try {
		const session = { n8n, ...(await signIn(n8n)) };
		const { id } = await saveWorkflow(session, sheetTemplate(sheet.base));
		await run({ sandbox, session, sheet, id });
	} finally {
		await n8n.stop();
		await sheet.close();
		await sandbox.close();
	}
}

export const templateCases: Case[] = [
	{
		name: 'sheet template (Sheets swapped for a stand-in): run 1 orders and pays, a same-day run 2 changes nothing, appended rows are the only ones ordered, a bad row orders nothing',
		run: async () =>
			await withTemplate(async ({ sandbox, session, sheet, id }) => {
				const count = (endpoint: string) => sandbox.log.filter((e) => e.endpoint === endpoint).length;

				const first = await executeButton(session, id);
				assertEqual(first, { status: 'success' }, 'run 1');
				assertEqual(sandbox.state.orders.size, 2, 'one order per seller');
				assertEqual([count('order1688CreateBatch'), count('order1688BulkPay')], [1, 1], 'one batch create and one bulk pay');
				const orderIds = new Set([...sandbox.state.orders.keys()].map(String));
				for (const r of sheet.rows) {
					assertEqual(r.status, 'paid', `row ${r.row_number} status`);
					assert(r.order_id && orderIds.has(r.order_id), `row ${r.row_number} got one of the created order ids, got ${r.order_id}`);
				}
				assert([...sandbox.state.orders.values()].every((o) => o.status === 'waitsellersend'), 'both orders paid');

				const second = await executeButton(session, id);
				assertEqual(second, { status: 'success' }, 'same-day run 2');
				assertEqual([count('order1688CreateBatch'), count('order1688BulkPay'), sandbox.state.orders.size], [1, 1, 2], 'run 2 orders and pays nothing');

				// The write-back of one row was lost: the row reads as new again, yet its key says it was ordered.
				const lost = sheet.rows[1];
				const before = lost.order_id;
				Object.assign(lost, { status: 'new', order_id: undefined });
				const again = await executeButton(session, id);
				assertEqual(again, { status: 'success' }, 'run after a lost write-back');
				assertEqual([count('order1688CreateBatch'), count('order1688BulkPay'), sandbox.state.orders.size], [1, 1, 2], 'a row ordered before is not ordered again');
				assertEqual([lost.status, lost.order_id], ['paid', before], 'its order id is written back from the key');

				sheet.rows.push(row(4, EARRING, 3), row(5, TSHIRT, 2));
				const appended = await executeButton(session, id);
				assertEqual(appended, { status: 'success' }, 'run with appended rows');
				assertEqual(count('order1688CreateBatch'), 2, 'one more batch');
				const lines = (JSON.parse(sandbox.log.filter((e) => e.endpoint === 'order1688CreateBatch')[1].body) as { cargoParamList: unknown[] }).cargoParamList;
				assertEqual(lines.length, 2, 'only the two appended rows were ordered');
				assertEqual(sandbox.state.orders.size, 4, 'two new orders');
				assert(sheet.rows.slice(3).every((r) => r.status === 'paid' && r.order_id), 'appended rows paid and written back');

				const writesBefore = sandbox.log.length;
				sheet.rows.push(row(6, EARRING, 1), row(7, KEYCHAIN, 0), row(8, TSHIRT, 1));
				const bad = await executeButton(session, id);
				assertEqual(bad.status, 'error', 'a bad row fails the run');
				assert(/Lines › Line 1 › Quantity: 0 is not a whole number[^"]*/.test(bad.data ?? ''), `the error names the bad row: ${bad.data?.slice(0, 800)}`);
				assertEqual(sandbox.log.length, writesBefore, 'no request reached Pandapon');
				assert(sheet.rows.slice(5).every((r) => r.status === 'new'), 'the rows stay new for the corrected run');
			}),
	},
];
