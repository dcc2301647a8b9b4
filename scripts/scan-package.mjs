// n8n's community package scanner (@n8n/scan-community-package, the check behind n8n's package
// verification) on what we would publish. The scanner itself only takes a published name: it
// checks npm provenance, lints the attested source with the full rule set, then lints the
// tarball's compiled JS and package.json. Here both lint legs run with the scanner's own
// configuration (its exported analyzePackage) on this checkout and on the `npm pack`ed tarball;
// provenance can only be checked once the package is published from CI with --provenance.
// A planted violation must fail the same scan, so a scanner that quietly lints nothing can't pass.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

function unpack(tarball) {
	const dir = mkdtempSync(join(tmpdir(), 'pandapon-scan-'));
	execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
	return dir;
}

if (!existsSync(join(ROOT, 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npm run build` first');
const packDir = mkdtempSync(join(tmpdir(), 'pandapon-pack-'));
const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }));
const unpacked = unpack(join(packDir, filename));

// The control: the same tarball with a timer and process.env in one node file.
const planted = unpack(join(packDir, filename));
const victim = join(planted, 'dist', 'nodes', 'PandaponOrder', 'PandaponOrder.node.js');
writeFileSync(victim, `${readFileSync(victim, 'utf8')}\nsetTimeout(() => process.env.HOME, 1);\n`);

const legs = [
	{ name: 'source (package.json, nodes/, credentials/)', dir: ROOT, patterns: SOURCE_FILE_PATTERNS, expectPass: true },
	{ name: `tarball ${filename} (compiled JS, package.json)`, dir: unpacked, patterns: TARBALL_PATTERNS, expectPass: true },
	{ name: 'control: tarball with a planted timer and process.env', dir: planted, patterns: TARBALL_PATTERNS, expectPass: false },
];

let failed = 0;
for (const leg of legs) {
	const result = await analyzePackage(leg.dir, leg.patterns);
	const ok = result.passed === leg.expectPass;
	if (!ok) failed++;
	console.log(`${ok ? '✓' : '✕'} ${leg.name}: ${result.passed ? 'passed' : `failed (${result.message})`}`);
	if (result.details && (!ok || !leg.expectPass)) console.log(result.details.trim().split('\n').slice(0, ok ? 4 : 60).join('\n'));
}
for (const dir of [packDir, unpacked, planted]) rmSync(dir, { recursive: true, force: true });
console.log(`scan: ${legs.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
