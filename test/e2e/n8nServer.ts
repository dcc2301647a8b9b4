import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { activateWorkflow, freePort, installPackage, n8nEnv, preserveN8nRecords, queryDatabase, runN8n, startN8n, waitFor, webhookRegistered } from '../../scripts/host';
import type { N8nHost } from '../../scripts/host';
import type { Sandbox } from '../../sandbox/server';
import { DEMO_LOGIN } from '../../scripts/start';
import { importSandboxCredential } from './headless.e2e';
import { assert, assertEqual } from './runner';

export interface N8nServer {
	dir: string;
	base: string;
	env: NodeJS.ProcessEnv;
	stop: () => Promise<void>;
}

/**
 * `n8n start` in a fresh user folder with this package, the sandbox credential and the given
 * workflows imported and published; resolves once each listed webhook answers. The pinned n8n
 * unless another install is given (the compatibility suite).
 */
export async function startN8nServer(
	sandbox: Sandbox,
	workflows: Array<{ file: string; id: string; webhooks: string[] }>,
	extraEnv: NodeJS.ProcessEnv = {},
	host?: N8nHost,
): Promise<N8nServer> {
	const dir = mkdtempSync(join(tmpdir(), 'pandapon-n8n-'));
	installPackage(dir);
	const port = await freePort();
	const env = n8nEnv(dir, { http: port, broker: await freePort() }, extraEnv, host);
	await importSandboxCredential(env, dir, sandbox);
	if (workflows.length > 0) {
		// One import for all of them: each n8n CLI command costs a few seconds of start-up.
		const folder = join(dir, 'workflows');
		mkdirSync(folder);
		for (const { file } of workflows) writeFileSync(join(folder, basename(file)), readFileSync(file, 'utf8').split('{{SANDBOX_URL}}').join(sandbox.url));
		const imported = await runN8n(['import:workflow', '--separate', `--input=${folder}`], env);
		assert(imported.code === 0, `import:workflow failed:\n${imported.stdout}\n${imported.stderr}`);
	}
	for (const { id } of workflows) {
		const result = await activateWorkflow(id, env);
		assert(result.code === 0, `activating ${id} failed:\n${result.stdout}\n${result.stderr}`);
	}
	const n8n = startN8n(env, 'pipe');
	let log = '';
	const keep = (d: Buffer) => (log = (log + d.toString()).slice(-20_000));
	n8n.stdout?.on('data', keep);
	n8n.stderr?.on('data', keep);
	const base = `http://127.0.0.1:${port}`;
	try {
		await waitFor(`${base}/healthz/readiness`, (status) => status === 200);
		// Webhooks register after readiness; a GET on a POST-only webhook says so once it exists, and the trigger answers a GET itself.
		for (const path of workflows.flatMap((w) => w.webhooks)) {
			await waitFor(`${base}/webhook/${path}`, (_status, body) => webhookRegistered(body), 60_000);
		}
	} catch (error) {
		n8n.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`${(error as Error).message}\n${log.slice(-3000)}`);
	}
	return {
		dir,
		base,
		env,
		stop: async () => {
			if (n8n.exitCode === null && n8n.signalCode === null) {
				await new Promise<void>((resolve) => {
					n8n.once('exit', () => resolve());
					n8n.kill('SIGTERM');
				});
			}
			preserveN8nRecords(dir);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

export function workflowExecutions(dir: string, workflowId: string): Array<Record<string, unknown>> {
	return queryDatabase(dir, `select id, status from execution_entity where workflowId = '${workflowId}' order by id`);
}

/** Waits until a workflow's executions stop changing (n8n runs them after answering the webhook). */
export async function settledExecutions(
	dir: string,
	workflowId: string,
	expected: number,
	timeoutMs = 30_000,
): Promise<Array<Record<string, unknown>>> {
	const deadline = Date.now() + timeoutMs;
	let last = workflowExecutions(dir, workflowId);
	for (;;) {
		await new Promise((r) => setTimeout(r, 500));
		const now = workflowExecutions(dir, workflowId);
		const done = now.every((e) => e.status !== 'running' && e.status !== 'new');
		if (done && now.length === last.length && now.length >= expected) return now;
		if (Date.now() > deadline) return now;
		last = now;
	}
}

export interface OwnerSession {
	get: (path: string) => Promise<Response>;
	post: (path: string, body: unknown) => Promise<Response>;
}

/**
 * The owner's session on a running n8n, as the editor has it: what the REST calls below need.
 * `login` signs in the owner npm start's environment made (n8n 2.x only); `setup` makes the owner
 * through the first-run form's endpoint, which n8n 1.x has too, and keeps the session it answers
 * with, since the login form's fields differ between versions.
 */
export async function signIn(n8n: N8nServer, how: 'login' | 'setup' = 'login'): Promise<OwnerSession> {
	let answer: Response;
	if (how === 'setup') {
		// n8n 1.x reports ready before its REST API is registered.
		await waitFor(`${n8n.base}/rest/settings`, (status) => status === 200);
		answer = await fetch(`${n8n.base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: DEMO_LOGIN.email, firstName: 'Demo', lastName: 'Buyer', password: DEMO_LOGIN.password }),
		});
	} else {
		answer = await fetch(`${n8n.base}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: DEMO_LOGIN.email, password: DEMO_LOGIN.password }),
		});
	}
	assertEqual(answer.status, 200, `owner ${how}`);
	const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0];
	assert(cookie.startsWith('n8n-auth='), `owner ${how} gave no session cookie: ${cookie}`);
	const headers = { cookie, 'content-type': 'application/json', 'browser-id': 'e2e' };
	return {
		get: async (path) => await fetch(`${n8n.base}${path}`, { headers }),
		post: async (path, body) => await fetch(`${n8n.base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
	};
}

export interface WorkflowJson {
	name: string;
	nodes: Array<{ name: string; type: string; typeVersion: number; position: number[]; parameters: Record<string, unknown>; credentials?: unknown; id?: string; webhookId?: string }>;
	connections: unknown;
	settings?: unknown;
}

/** Saves a new workflow as the editor does; its id and the version id publishing it needs. */
export async function saveWorkflow(session: OwnerSession, workflow: WorkflowJson): Promise<{ id: string; versionId: string }> {
	const created = await session.post('/rest/workflows', { name: workflow.name, nodes: workflow.nodes, connections: workflow.connections, settings: workflow.settings ?? {} });
	const body = (await created.json()) as { data?: { id?: string; versionId?: string } };
	assert(created.status === 200 && body.data?.id && body.data.versionId, `creating the workflow failed: ${created.status} ${JSON.stringify(body).slice(0, 600)}`);
	return { id: body.data.id, versionId: body.data.versionId };
}

/**
 * A manual run as the editor starts it (the Execute button, or its chat, which hands the trigger's
 * output along), followed to its end: status, mode and the stored (flatted) execution data.
 */
export async function runManually(
	n8n: N8nServer,
	session: OwnerSession,
	workflowId: string,
	triggerToStartFrom: { name: string; data?: unknown },
): Promise<{ status: string; mode: string; data: string }> {
	const started = await session.post(`/rest/workflows/${workflowId}/run`, { triggerToStartFrom });
	const body = (await started.json()) as { data?: { executionId?: string } };
	assertEqual(started.status, 200, `manual run accepted: ${JSON.stringify(body)}`);
	const id = Number(body.data?.executionId);
	assert(id > 0, `no execution id: ${JSON.stringify(body)}`);
	const deadline = Date.now() + 90_000;
	for (;;) {
		const [row] = queryDatabase(n8n.dir, `select status, mode from execution_entity where id = ${id}`);
		if (row && !['new', 'running', 'waiting'].includes(String(row.status))) {
			const [data] = queryDatabase(n8n.dir, `select data from execution_data where executionId = ${id}`);
			return { status: String(row.status), mode: String(row.mode), data: String(data?.data ?? '') };
		}
		if (Date.now() > deadline) throw new Error(`execution ${id} did not finish`);
		await new Promise((r) => setTimeout(r, 300));
	}
}
