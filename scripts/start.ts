/**
 * `npm start`: the sandbox and a real n8n with this package loaded, the demo credential and the
 * example workflows imported, the owner created from the environment. Ctrl-C stops both.
 * `startDemo()` is the same setup for the browser suite (test/editor), on free ports and a
 * throwaway user folder.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/server';
import { importSandboxCredential } from '../test/e2e/headless.e2e';
import { ensureHost, HOST_DIR, installPackage, n8nEnv, ROOT, runN8n, startN8n, waitFor } from './host';

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
	const sandbox = await startSandbox({ port: options.sandboxPort ?? 0 });
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
		mkdirSync(options.userFolder, { recursive: true });
		installPackage(options.userFolder);
		const env = n8nEnv(options.userFolder, { http: options.port, broker: options.brokerPort }, ownerEnv());
		log('Importing the sandbox credential and the example workflows…');
		await importSandboxCredential(env, options.userFolder, sandbox);
		const examples = join(ROOT, 'examples');
		for (const file of readdirSync(examples).filter((f) => f.endsWith('.json'))) {
			const result = await runN8n(['import:workflow', `--input=${join(examples, file)}`], env);
			if (result.code !== 0) throw new Error(`importing ${file} failed:\n${result.stdout}\n${result.stderr}`);
		}
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
