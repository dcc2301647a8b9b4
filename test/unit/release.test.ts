/**
 * The release pipeline as GitHub would run it: CI runs the README's test command, and a version
 * tag publishes to npm with provenance (n8n's verification requires it) after the same tests.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseYaml } from './miniYaml';
import type { Yaml } from './miniYaml';

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type Map = { [key: string]: Yaml };
interface Step {
	uses?: string;
	run?: string;
	with?: Map;
	env?: Map;
}

function workflow(name: string): { on: Map; permissions: Map; jobs: Record<string, Map & { steps: Step[] }> } {
	return parseYaml(read(`.github/workflows/${name}`)) as never;
}

/** Every step of every job, in order, and the single job's settings. */
function steps(file: string): { steps: Step[]; job: Map } {
	const jobs = Object.values(workflow(file).jobs);
	expect(jobs).toHaveLength(1);
	return { steps: jobs[0].steps, job: jobs[0] };
}

/** The README's test command: the `npm test` line of its first code block. */
const readmeTestCommand = /^(npm test)\s+#/m.exec(read('README.md'))?.[1];

describe('the reader of our workflow files', () => {
	it('reads maps, lists of maps, quoted scalars and comments', () => {
		expect(parseYaml('# c\na:\n  b: "x # y"\n  c:\n    - d: 1\n      e: two # note\n    - plain\nf:\n')).toEqual({
			a: { b: 'x # y', c: [{ d: '1', e: 'two' }, 'plain'] },
			f: null,
		});
	});

	it('refuses YAML it does not understand instead of misreading it', () => {
		expect(() => parseYaml('a: [1, 2]')).toThrow(/does not handle/);
		expect(() => parseYaml('a: |\n  text')).toThrow(/does not handle/);
		expect(() => parseYaml('a: 1\n   b: 2')).toThrow(/indentation/);
	});
});

describe('CI workflow', () => {
	it('runs on every push to main and every pull request, read-only', () => {
		const { on, permissions } = workflow('ci.yml');
		expect(on.push).toEqual({ branches: ['main'] });
		expect(Object.keys(on)).toContain('pull_request');
		expect(permissions).toEqual({ contents: 'read' });
	});

	it("runs the README's test command, the same one .ci/run runs, within 90 minutes on Node 20", () => {
		expect(readmeTestCommand).toBe('npm test');
		expect(read('.ci/run')).toMatch(new RegExp(`^${readmeTestCommand}$`, 'm'));
		const { steps: ci, job } = steps('ci.yml');
		expect(ci.map((s) => s.run).filter(Boolean)).toEqual([readmeTestCommand]);
		expect(ci.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('20');
		expect(Number(job['timeout-minutes'])).toBeLessThanOrEqual(90);
	});
});

describe('publish workflow', () => {
	const pkg = JSON.parse(read('package.json'));

	it('runs only for a version tag, and may mint the OIDC token npm provenance needs', () => {
		const { on, permissions } = workflow('publish.yml');
		expect(on).toEqual({ push: { tags: ['v*.*.*'] } });
		expect(permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	});

	it('installs, checks the tag, runs the full test command, then publishes with provenance', () => {
		const { steps: publish } = steps('publish.yml');
		expect(publish.map((s) => s.run).filter(Boolean)).toEqual([
			'npm ci --ignore-scripts',
			'node scripts/check-release-tag.js',
			readmeTestCommand,
			'npm publish --provenance --access public',
		]);
		expect(publish.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toEqual({
			'node-version': '20',
			'registry-url': 'https://registry.npmjs.org',
		});
		expect(publish[publish.length - 1].env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		// A hand-run `npm publish` outside CI fails for want of provenance instead of shipping without it.
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
	});

	it('refuses a tag that is not the package version', () => {
		const run = (tag: string) => {
			try {
				execFileSync('node', [join(ROOT, 'scripts', 'check-release-tag.js')], { env: { ...process.env, GITHUB_REF_NAME: tag }, stdio: 'pipe' });
				return '';
			} catch (error) {
				return String((error as { stderr: Buffer }).stderr);
			}
		};
		expect(run(`v${pkg.version}.1`)).toMatch(/does not match package\.json version/);
	});
});

describe('package metadata', () => {
	const pkg = JSON.parse(read('package.json'));
	const repo = 'https://github.com/pandapon/n8n-nodes-pandapon';

	it('names one repository everywhere and an author with no placeholder', () => {
		expect(pkg.repository).toEqual({ type: 'git', url: `git+${repo}.git` });
		expect(pkg.homepage).toBe(`${repo}#readme`);
		expect(pkg.bugs).toEqual({ url: `${repo}/issues` });
		expect(pkg.author).toEqual({ name: 'Pandapon', email: 'opensource@pandapon.com', url: 'https://github.com/pandapon' });
		expect(read('LICENSE')).toMatch(/^Copyright \(c\) \d{4} Pandapon$/m);
		expect(JSON.stringify(pkg)).not.toMatch(/noreply|example\.com|contributors|TODO/i);
	});

	it('has a keep-a-changelog CHANGELOG with a section for the current version', () => {
		const changelog = read('CHANGELOG.md');
		expect(changelog).toMatch(/^# Changelog$/m);
		expect(changelog).toMatch(/^## \[Unreleased\]$/m);
		expect(changelog).toMatch(new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - (\\d{4}-\\d{2}-\\d{2}|Unreleased)$`, 'm'));
		expect(changelog).toMatch(new RegExp(`^\\[${pkg.version.replace(/\./g, '\\.')}\\]: ${repo}/releases/tag/v${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
	});
});
