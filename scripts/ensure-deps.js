// Installs the project's dev dependencies when they are missing, so `npm start` and `npm test`
// work on a fresh clone without a separate install step. Install scripts stay off: nothing this
// project needs runs one, and isolated-vm's would try (and fail) to compile on Node 20.
const { existsSync, readFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const wanted = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies ?? {});
// A dev dependency added since the last install (a pull, a merge) counts as missing too.
const fresh = existsSync(stamp) && wanted.every((name) => existsSync(join(root, 'node_modules', name, 'package.json')));

if (!fresh) {
	console.log('Installing dev dependencies (npm ci)…');
	const flags = ['--ignore-scripts', '--no-audit', '--no-fund', '--fetch-timeout=60000', '--fetch-retries=5', '--maxsockets=8'];
	execFileSync('npm', [existsSync(lock) ? 'ci' : 'install', ...flags], { cwd: root, stdio: 'inherit', timeout: 15 * 60_000 });
}
