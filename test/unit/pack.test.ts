/**
 * What `npm publish` would upload, as `npm pack --dry-run` lists it: the built package and its
 * README, LICENSE and package.json, nothing else, and nothing that names this machine's paths.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

interface Packed {
	size: number;
	files: Array<{ path: string }>;
}

describe('npm pack --dry-run', () => {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' })) as Packed[];
	const files = packed.files.map((f) => f.path).sort();

	it('holds only dist/, README.md, LICENSE and package.json', () => {
		expect(files.filter((f) => !/^(dist\/.+|package\.json|README\.md|LICENSE)$/.test(f))).toEqual([]);
		for (const file of ['package.json', 'README.md', 'LICENSE']) expect(files).toContain(file);
		expect(files.filter((f) => /(^|\/)(test|sandbox|bench|scripts)\//.test(f))).toEqual([]);
	});

	it('holds every node and credential package.json lists for n8n', () => {
		for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
	});

	it('ships no source maps, and no file names a local path', () => {
		expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
		const local = [ROOT, homedir(), 'sourceMappingURL'];
		const leaks = files.flatMap((f) => {
			const text = readFileSync(join(ROOT, f), 'utf8');
			return local.filter((needle) => text.includes(needle)).map((needle) => `${f}: ${needle}`);
		});
		expect(leaks).toEqual([]);
	});

	it('stays under 200 KB packed', () => {
		expect(packed.size).toBeLessThan(200 * 1024);
	});
});
