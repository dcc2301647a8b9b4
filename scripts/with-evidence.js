// Runs one step of `npm test` with PANDAPON_EVIDENCE_DIR set, so the sandbox, the engine harness
// and the n8n helpers keep what they produce, and tees the step's console output into the same
// folder: the secrets scan (npm run secrets) then reads every line the suite printed.
// Usage: node scripts/with-evidence.js [--fresh] <name> <command> [args…]
const { spawn } = require('node:child_process');
const { createWriteStream, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const fresh = args[0] === '--fresh';
if (fresh) args.shift();
const [name, command, ...rest] = args;
const dir = join(__dirname, '..', '.tmp', 'evidence');
if (fresh) rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const log = createWriteStream(join(dir, `console-${name}.log`), { flags: 'a' });
const child = spawn(command, rest, { env: { ...process.env, PANDAPON_EVIDENCE_DIR: dir }, stdio: ['inherit', 'pipe', 'pipe'] });
child.stdout.on('data', (chunk) => {
	process.stdout.write(chunk);
	log.write(chunk);
});
child.stderr.on('data', (chunk) => {
	process.stderr.write(chunk);
	log.write(chunk);
});
child.on('close', (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
