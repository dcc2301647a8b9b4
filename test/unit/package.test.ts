import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

import { readmeWithTable } from '../../scripts/operation-table';

const ROOT = join(__dirname, '..', '..', '..');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

describe('package rules', () => {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

	it('has no runtime dependencies, n8n-workflow as the only peer and no install scripts', () => {
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[s]).toBeUndefined();
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
	});

	it('lists every built node and credential, and nothing that is not built', () => {
		const built = files(join(ROOT, 'dist'))
			.map((f) => f.slice(ROOT.length + 1))
			.filter((f) => /\.(node|credentials)\.js$/.test(f))
			.sort();
		expect([...pkg.n8n.nodes, ...pkg.n8n.credentials].sort()).toEqual(built);
	});

	it('ships no process, timers, console, fs or globalThis in the built nodes and credentials', () => {
		const forbidden = /\b(process\.[a-z]|setTimeout\(|setInterval\(|setImmediate\(|console\.[a-z]+\(|globalThis|__dirname)|require\("(node:)?fs"\)|require\("(node:)?child_process"\)/;
		for (const file of files(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'))) {
			expect([file, forbidden.exec(readFileSync(file, 'utf8'))?.[0]]).toEqual([file, undefined]);
		}
	});

	it('keeps the README operation table in step with the catalogue', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		expect(readme).toBe(readmeWithTable(readme));
	});

	it('keeps each node in its own folder: no node or shared module imports a node folder other than its own', () => {
		const nodesDir = join(ROOT, 'nodes');
		const crossings: string[] = [];
		for (const file of files(nodesDir).filter((f) => f.endsWith('.ts'))) {
			const own = relative(nodesDir, file).split(sep)[0];
			const source = readFileSync(file, 'utf8');
			// The check the layout promises: grep -rnE "from '(\.\./)+Pandapon" nodes/
			if (/from '(\.\.\/)+Pandapon/.test(source)) crossings.push(`${relative(ROOT, file)}: imports from '../…/Pandapon…'`);
			for (const [, spec] of source.matchAll(/from '(\.[^']*)'/g)) {
				const target = relative(nodesDir, resolve(dirname(file), spec)).split(sep)[0];
				if (target !== own && target !== 'shared') crossings.push(`${relative(ROOT, file)} imports ${spec} (folder ${target})`);
				if (own === 'shared' && target !== 'shared') crossings.push(`${relative(ROOT, file)}: shared code imports ${spec}`);
			}
		}
		expect(crossings).toEqual([]);
	});
});
