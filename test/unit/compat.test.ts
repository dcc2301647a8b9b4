/**
 * The n8n range the package claims is the one `npm run test:compat` measures: package.json's
 * `engines.n8n` floor has a committed install in the matrix, and the README states the same range.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

describe('supported n8n versions', () => {
	const floor = /^>=(\d+\.\d+\.\d+)$/.exec(json('package.json').engines.n8n)?.[1];
	const pinned = json('n8n-host/package.json').dependencies.n8n as string;
	const matrix = readdirSync(join(ROOT, 'n8n-compat')).filter((v) => existsSync(join(ROOT, 'n8n-compat', v, 'package-lock.json')));

	it('tests the floor package.json claims, from a committed lockfile', () => {
		expect(floor).toBeDefined();
		expect(matrix).toContain(floor);
		for (const version of matrix) expect(json(`n8n-compat/${version}/package.json`).dependencies.n8n).toBe(version);
	});

	it('says in the README what package.json says, with every tested version in its table', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		expect(readme).toContain(`**Supported n8n: ${floor} to ${pinned}**`);
		for (const version of [pinned, ...matrix]) expect(readme).toMatch(new RegExp(`^\\| ${version.replace(/\./g, '\\.')} +\\|`, 'm'));
	});
});
