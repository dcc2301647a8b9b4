/**
 * Debian packages the test suites need (Chromium and a CJK font, PostgreSQL, Redis), installed
 * non-interactively where missing: as root directly, otherwise through passwordless sudo.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

export function aptInstall(packages: string[], log: (line: string) => void = console.log): void {
	const root = process.getuid?.() === 0;
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const run = (args: string[]) =>
		execFileSync(root ? 'apt-get' : 'sudo', root ? args : ['-n', 'apt-get', ...args], { env, stdio: 'inherit', timeout: 15 * 60_000 });
	// The suites run private PostgreSQL and Redis instances: a temporary policy-rc.d keeps the
	// packages' own services from starting. Written only when none exists, and only as root.
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = root && !existsSync(policy);
	if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	log(`Installing ${packages.join(', ')} with apt-get (first run only)…`);
	try {
		try {
			run(['install', '-y', '-q', '--no-install-recommends', ...packages]);
		} catch {
			// A fresh machine's package lists may be missing or stale.
			run(['update', '-q']);
			run(['install', '-y', '-q', '--no-install-recommends', ...packages]);
		}
	} finally {
		if (ownPolicy) rmSync(policy, { force: true });
	}
}
