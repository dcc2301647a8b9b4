/**
 * This package as a user gets it: `npm pack`ed, then put in place with the steps n8n 2.41.1's
 * Community Nodes installer takes after its download (CommunityPackagesService.downloadPackage):
 * unpack into `~/.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its
 * package.json, `npm install` with n8n's flags, and record it in the `nodes/package.json` ledger.
 * Only the download differs: n8n fetches from registry.npmjs.org and refuses another registry
 * without an Enterprise licence, so the tarball comes from `npm pack` here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name as string;

export interface PackedTarball {
	path: string;
}

let packed: PackedTarball | undefined;

/** `npm pack` of the built package, once per process (the e2e cases and benchmarks share it). */
export function packTarball(): PackedTarball {
	if (packed && existsSync(packed.path)) return packed;
	if (!existsSync(join(ROOT, 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npm run build` first');
	const destination = join(ROOT, '.tmp', 'pack');
	rmSync(destination, { recursive: true, force: true });
	mkdirSync(destination, { recursive: true });
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: ROOT, encoding: 'utf8' });
	const [info] = JSON.parse(out) as Array<{ filename: string }>;
	packed = { path: join(destination, info.filename) };
	return packed;
}

/** Installs the packed tarball into a user folder's community-package directory; returns its path. */
export function installPackage(userFolder: string, tarball: string = packTarball().path): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const dest = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(dest, { recursive: true, force: true });
	mkdirSync(dest, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1']);

	const manifestPath = join(dest, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete manifest[field];
	writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	execFileSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: dest, stdio: 'pipe' },
	);

	const ledgerPath = join(nodesDir, 'package.json');
	const ledger: { dependencies?: Record<string, string> } = existsSync(ledgerPath)
		? JSON.parse(readFileSync(ledgerPath, 'utf8'))
		: { name: 'installed-nodes', private: true };
	ledger.dependencies = { ...ledger.dependencies, [PACKAGE_NAME]: manifest.version as string };
	writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	return dest;
}
