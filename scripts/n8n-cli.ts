/**
 * `npm run n8n -- <args>`: the pinned n8n CLI with this package loaded, on the same user folder
 * as `npm start` (e.g. `npm run n8n -- import:workflow --input=my.json`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ensureHost, installPackage, n8nEnv, NODE24, ROOT } from './host';

ensureHost();
const userFolder = process.env.N8N_USER_FOLDER ?? join(ROOT, '.n8n-dev');
mkdirSync(userFolder, { recursive: true });
installPackage(userFolder);
const port = Number(process.env.N8N_PORT ?? 5678);
const env = n8nEnv(userFolder, { http: port, broker: Number(process.env.N8N_RUNNERS_BROKER_PORT ?? port + 11) });
const result = spawnSync(NODE24, [join(ROOT, 'n8n-host', 'node_modules', 'n8n', 'bin', 'n8n'), ...process.argv.slice(2)], {
	env,
	stdio: 'inherit',
});
process.exitCode = result.status ?? 1;
