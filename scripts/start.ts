/**
 * `npm start`: the sandbox and a real n8n with this package loaded, the demo credential and the
 * example workflows imported, the owner created from the environment. Ctrl-C stops both.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../sandbox/server';
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

async function main(): Promise<void> {
	ensureHost();
	const sandbox = await startSandbox({ port: Number(process.env.PANDAPON_SANDBOX_PORT ?? 4010) });
	const userFolder = process.env.N8N_USER_FOLDER ?? join(ROOT, '.n8n-dev');
	mkdirSync(userFolder, { recursive: true });
	installPackage(userFolder);
	const port = Number(process.env.N8N_PORT ?? 5678);
	const env = n8nEnv(userFolder, { http: port, broker: Number(process.env.N8N_RUNNERS_BROKER_PORT ?? port + 1) }, ownerEnv());

	console.log('Importing the sandbox credential and the example workflows…');
	await importSandboxCredential(env, userFolder, sandbox);
	const examples = join(ROOT, 'examples');
	for (const file of readdirSync(examples).filter((f) => f.endsWith('.json'))) {
		const result = await runN8n(['import:workflow', `--input=${join(examples, file)}`], env);
		if (result.code !== 0) throw new Error(`importing ${file} failed:\n${result.stdout}\n${result.stderr}`);
	}

	const n8n = startN8n(env, 'inherit');
	const stop = () => {
		n8n.kill('SIGTERM');
		void sandbox.close();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.on('exit', (code) => {
		void sandbox.close();
		process.exitCode = code ?? 0;
	});
	await waitFor(`http://127.0.0.1:${port}/healthz/readiness`, (status) => status === 200);
	console.log(`
  n8n with n8n-nodes-pandapon is ready:  http://127.0.0.1:${port}
  Sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}
  Open "Pandapon demo: 1688 cart to order" and click Execute workflow.
  Pandapon sandbox (the credential "Pandapon sandbox" points here): ${sandbox.url}
  ${existsSync(join(userFolder, '.n8n')) ? `n8n data: ${userFolder}/.n8n` : ''}
  Ctrl-C stops both.
`);
}

// The owner login is shared with the e2e suites, which import this file without starting anything.
if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
