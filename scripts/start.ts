/**
 * `npm start`: the sandbox and a real n8n with this package loaded, the demo credential and the
 * example workflows imported where missing, the owner created from the environment. Ctrl-C stops
 * both. What the user did stays: edited workflows and credentials are never imported over, the
 * sandbox replays its accepted writes from the user folder, and n8n keeps its idempotency keys;
 * `npm start -- --reset` forgets the sandbox's orders and the keys together and imports afresh.
 * `startDemo()` is the same setup for the browser suite (test/editor), on free ports and a
 * throwaway user folder.
 */
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { importSandboxCredential, SANDBOX_CALLBACK_CREDENTIAL_ID } from '../test/e2e/headless.e2e';
import { ensureHost, HOST_DIR, installPackage, n8nEnv, NODE24, ROOT, runN8n, startN8n, waitFor } from './host';

export const DEMO_LOGIN = { email: 'demo@pandapon.local', password: 'Pandapon-demo-1' };

/** n8n's env-managed owner: a bcrypt hash made with n8n's own bcryptjs. */
export function ownerEnv(): NodeJS.ProcessEnv {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const bcrypt = require(join(HOST_DIR, 'node_modules', 'bcryptjs')) as { hashSync(pw: string, rounds: number): string };
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: DEMO_LOGIN.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Demo',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Buyer',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(DEMO_LOGIN.password, 10),
	};
}

export interface DemoOptions {
	userFolder: string;
	sandboxPort?: number;
	port: number;
	brokerPort: number;
	/** Where n8n's own log goes: the terminal (npm start) or a buffer kept for error reports. */
	output: 'inherit' | 'pipe';
	log?: (line: string) => void;
	/** Forget the sandbox's orders and n8n's idempotency keys, and import the examples and credential again. */
	reset?: boolean;
}

/**
 * The credential looked for: the callback one, imported together with "Pandapon sandbox" since
 * issue 16, so a user folder from before gets both (again) and its trigger workflows a token.
 */
const CREDENTIAL_ID = SANDBOX_CALLBACK_CREDENTIAL_ID;

/** The sandbox's journal of accepted writes, kept beside n8n's own data. */
export function journalOf(userFolder: string): string {
	return join(userFolder, 'pandapon-sandbox-writes.jsonl');
}

/**
 * Forgets the keys together with the orders they stand for: a key kept while its order is gone
 * would make every keyed row a "duplicate" of nothing. n8n's SQLite is opened with the Node that
 * runs n8n (its node:sqlite), as queryDatabase does.
 */
function forgetKeys(userFolder: string): void {
	const database = join(userFolder, '.n8n', 'database.sqlite');
	if (!existsSync(database)) return;
	const script = `const db = new (require('node:sqlite').DatabaseSync)(process.argv[1]);
if (db.prepare("select name from sqlite_master where name = 'processed_data'").all().length) db.exec('delete from processed_data');`;
	execFileSync(NODE24, ['-e', script, database], { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
}

/** Ids of the workflows n8n already has, so an edited example is never imported over. */
async function existingWorkflows(env: NodeJS.ProcessEnv): Promise<Set<string>> {
	const result = await runN8n(['list:workflow'], env);
	if (result.code !== 0) throw new Error(`list:workflow failed:\n${result.stdout}\n${result.stderr}`);
	return new Set(result.stdout.split('\n').map((line) => line.split('|')[0].trim()).filter(Boolean));
}

async function hasCredential(env: NodeJS.ProcessEnv, userFolder: string): Promise<boolean> {
	const out = join(userFolder, 'credential-check.json');
	const result = await runN8n(['export:credentials', `--id=${CREDENTIAL_ID}`, `--output=${out}`], env);
	const found = result.code === 0 && existsSync(out) && readFileSync(out, 'utf8').includes(CREDENTIAL_ID);
	rmSync(out, { force: true });
	return found;
}

/**
 * The examples carry no webhookId: n8n keeps one on import, so every importer's production URL
 * would share a public path. Each import gets its own here, so the trigger's URL is not guessable.
 */
const WEBHOOK_NODES = ['n8n-nodes-base.webhook', '@n8n/n8n-nodes-langchain.chatTrigger'];

export function withWebhookIds(workflowJson: string): string {
	const workflow = JSON.parse(workflowJson) as { nodes: Array<{ type: string; webhookId?: string }> };
	for (const node of workflow.nodes) {
		if (node.type.endsWith('.pandaponTrigger') || WEBHOOK_NODES.includes(node.type)) node.webhookId ??= randomUUID();
	}
	return JSON.stringify(workflow, null, 2);
}

/** Imports the credential and the examples that are missing (all of them on a reset), the examples in one call. */
async function importMissing(env: NodeJS.ProcessEnv, userFolder: string, sandbox: Sandbox, reset: boolean, log: (line: string) => void): Promise<void> {
	const fresh = reset || !existsSync(join(userFolder, '.n8n', 'database.sqlite'));
	if (fresh || !(await hasCredential(env, userFolder))) {
		log('Importing the sandbox credential…');
		await importSandboxCredential(env, userFolder, sandbox);
	}
	const have = fresh ? new Set<string>() : await existingWorkflows(env);
	const examples = join(ROOT, 'examples');
	const missing = readdirSync(examples)
		.filter((f) => f.endsWith('.json'))
		.filter((f) => !have.has((JSON.parse(readFileSync(join(examples, f), 'utf8')) as { id: string }).id));
	if (missing.length === 0) {
		log('The example workflows are there already; your changes to them are kept.');
		return;
	}
	log(`Importing ${missing.length} example workflow(s)…`);
	const batch = mkdtempSync(join(tmpdir(), 'pandapon-examples-'));
	try {
		for (const file of missing) writeFileSync(join(batch, file), withWebhookIds(readFileSync(join(examples, file), 'utf8')));
		const result = await runN8n(['import:workflow', '--separate', `--input=${batch}`], env);
		if (result.code !== 0) throw new Error(`importing ${missing.join(', ')} failed:\n${result.stdout}\n${result.stderr}`);
	} finally {
		rmSync(batch, { recursive: true, force: true });
	}
}

export interface Demo {
	sandbox: Sandbox;
	n8n: ChildProcess;
	base: string;
	env: NodeJS.ProcessEnv;
	/** The last part of n8n's output when `output` is 'pipe'. */
	n8nLog: () => string;
	/** Stops n8n (SIGTERM, waited for) and the sandbox. */
	stop: () => Promise<void>;
}

/** Sandbox, package, owner, credential "Pandapon sandbox" and every examples/*.json, then `n8n start` until ready. */
export async function startDemo(options: DemoOptions): Promise<Demo> {
	const log = options.log ?? console.log;
	ensureHost(log);
	mkdirSync(options.userFolder, { recursive: true });
	if (options.reset) {
		log('Reset: forgetting the sandbox\'s orders and n8n\'s idempotency keys…');
		rmSync(journalOf(options.userFolder), { force: true });
		forgetKeys(options.userFolder);
	}
	const sandbox = await startSandbox({ port: options.sandboxPort ?? 0, journal: journalOf(options.userFolder) });
	let n8n: ChildProcess | undefined;
	let output = '';
	const stop = async () => {
		const child = n8n;
		if (child && child.exitCode === null && child.signalCode === null) {
			await new Promise<void>((resolve) => {
				// n8n normally stops within seconds of SIGTERM; a busy machine gets 30 s before SIGKILL.
				const hard = setTimeout(() => child.kill('SIGKILL'), 30_000);
				child.once('exit', () => {
					clearTimeout(hard);
					resolve();
				});
				child.kill('SIGTERM');
			});
		}
		await sandbox.close();
	};
	try {
		installPackage(options.userFolder);
		const env = n8nEnv(options.userFolder, { http: options.port, broker: options.brokerPort }, ownerEnv());
		await importMissing(env, options.userFolder, sandbox, options.reset === true, log);
		n8n = startN8n(env, options.output);
		n8n.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
		n8n.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
		const base = `http://127.0.0.1:${options.port}`;
		await waitFor(`${base}/healthz/readiness`, (status) => status === 200);
		return { sandbox, n8n, base, env, n8nLog: () => output, stop };
	} catch (error) {
		await stop();
		throw new Error(`${(error as Error).message}${output ? `\n${output.slice(-3000)}` : ''}`);
	}
}

async function main(): Promise<void> {
	const userFolder = process.env.N8N_USER_FOLDER ?? join(ROOT, '.n8n-dev');
	const port = Number(process.env.N8N_PORT ?? 5678);
	const demo = await startDemo({
		userFolder,
		sandboxPort: Number(process.env.PANDAPON_SANDBOX_PORT ?? 4010),
		port,
		brokerPort: Number(process.env.N8N_RUNNERS_BROKER_PORT ?? port + 1),
		output: 'inherit',
		reset: process.argv.includes('--reset'),
	});
	const stop = () => void demo.stop();
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	demo.n8n.on('exit', (code) => {
		void demo.sandbox.close();
		process.exitCode = code ?? 0;
	});
	console.log(`
  n8n with n8n-nodes-pandapon is ready:  ${demo.base}
  Sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}
  Open "Pandapon demo: 1688 cart to order" and click Execute workflow.
  Pandapon sandbox (the credential "Pandapon sandbox" points here): ${demo.sandbox.url}
  ${existsSync(join(userFolder, '.n8n')) ? `n8n data: ${userFolder}/.n8n` : ''}
  Your workflows, the sandbox's orders and the idempotency keys are kept across restarts;
  npm start -- --reset forgets the orders and keys and imports the examples again.
  Ctrl-C stops both.
`);
}

// npm start runs main(); the e2e and editor suites import startDemo() and the owner login without starting anything.
if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
