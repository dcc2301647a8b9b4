/* npm run bench:package — the packed tarball's size and the time to require every node and the credential. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { report } from './report';

const root = join(__dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'pandapon-pack-'));
try {
	const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: root, encoding: 'utf8' })) as Array<{ filename: string; entryCount: number; unpackedSize: number }>;
	const tarball = join(out, packed[0].filename);
	const bytes = statSync(tarball).size;
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const files = [...pkg.n8n.credentials, ...pkg.n8n.nodes].map((f) => join(root, f));
	// A fresh process per sample, so the module cache is cold; n8n-workflow itself is required first (n8n has it loaded).
	const script = `require('n8n-workflow'); const t = process.hrtime.bigint(); for (const f of JSON.parse(process.argv[1])) require(f); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
	const samples = Array.from({ length: 7 }, () => Number(execFileSync(process.execPath, ['-e', script, JSON.stringify(files)], { cwd: root, encoding: 'utf8' })));
	samples.sort((a, b) => a - b);
	const median = samples[3];
	report(
		'Package',
		[
			['tarball', `${packed[0].filename}: ${(bytes / 1024).toFixed(1)} KiB (${packed[0].entryCount} files, ${(packed[0].unpackedSize / 1024).toFixed(0)} KiB unpacked)`],
			['require all nodes + credential', `${median.toFixed(1)} ms median of 7 cold processes (min ${samples[0].toFixed(1)}, max ${samples[6].toFixed(1)})`],
		],
		{ tarball_bytes: bytes, require_ms: Number(median.toFixed(1)), files: packed[0].entryCount },
	);
} finally {
	rmSync(out, { recursive: true, force: true });
}
