/**
 * Debian's Chromium driven by playwright-core (which downloads no browser of its own), and a
 * watch on the browser console: every console error and uncaught page error counts as a failure,
 * apart from the few known n8n requests to the internet listed in IGNORED_HOSTS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { chromium, selectors } from 'playwright-core';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

import { aptInstall } from '../../scripts/apt';
import { ROOT } from '../../scripts/host';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Installs Chromium where it is missing, and a CJK font: the sandbox's products and receivers
 * have Chinese names, which Chromium draws as empty boxes without one (in the screenshots too).
 */
export function ensureChromium(log: (line: string) => void = console.log): void {
	const missing: string[] = [];
	if (!existsSync(CHROMIUM)) missing.push('chromium');
	let cjk = '';
	try {
		cjk = execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
	} catch {
		// no fontconfig yet: Chromium's install brings it
	}
	if (!cjk.trim()) missing.push('fonts-wqy-microhei');
	if (missing.length > 0) aptInstall(missing, log);
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after apt-get install chromium`);
}

/** A headless Chromium with a fresh profile; n8n marks its elements with data-test-id. */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
	selectors.setTestIdAttribute('data-test-id');
	const context = await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM,
		headless: true,
		// Without the background-networking flags Chromium keeps calling Google services, which this closed network refuses.
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
		viewport: { width: 1600, height: 1000 },
		deviceScaleFactor: 1,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	// CPU is shared with other n8n instances on this machine: be patient.
	context.setDefaultTimeout(60_000);
	context.setDefaultNavigationTimeout(90_000);
	return context;
}

/**
 * Hosts on the internet the editor itself calls, which this closed machine cannot reach. Only
 * failed loads from these hosts are ignored; any other console error fails the check it happens
 * in. Add a host only after seeing it fail here, with the reason.
 */
const IGNORED_HOSTS: Record<string, string> = {
	// Opening a community node in the node panel makes the browser ask npm for the package's
	// latest version (the "Installed" / update badge). Offline, or behind a proxy the browser does
	// not trust (net::ERR_CERT_AUTHORITY_INVALID here), that load fails; it says nothing about our nodes.
	'registry.npmjs.org': 'community-node version check',
};

export interface ConsoleProblem {
	kind: 'console' | 'pageerror';
	text: string;
	url?: string;
}

/** Collects console errors and page errors of every page of a context from now on. */
export class ConsoleWatch {
	readonly problems: ConsoleProblem[] = [];
	readonly ignored: ConsoleProblem[] = [];

	constructor(context: BrowserContext) {
		for (const page of context.pages()) this.attach(page);
		context.on('page', (page) => this.attach(page));
	}

	private attach(page: Page): void {
		page.on('console', (message: ConsoleMessage) => {
			if (message.type() !== 'error') return;
			const problem: ConsoleProblem = { kind: 'console', text: message.text(), url: message.location().url };
			(this.isIgnored(problem) ? this.ignored : this.problems).push(problem);
		});
		page.on('pageerror', (error) => this.problems.push({ kind: 'pageerror', text: String(error.stack ?? error.message) }));
	}

	private isIgnored(problem: ConsoleProblem): boolean {
		if (!problem.text.startsWith('Failed to load resource')) return false;
		try {
			return new URL(problem.url ?? '').hostname in IGNORED_HOSTS;
		} catch {
			return false;
		}
	}

	/** Problems since `mark` (an index from `mark()`). */
	since(mark: number): ConsoleProblem[] {
		return this.problems.slice(mark);
	}

	mark(): number {
		return this.problems.length;
	}
}

/** Where screenshots go: $SCREENSHOT_DIR, by default the git-ignored .tmp/screenshots. */
export function screenshotDir(): string {
	const dir = resolve(ROOT, process.env.SCREENSHOT_DIR ?? join('.tmp', 'screenshots'));
	mkdirSync(dir, { recursive: true });
	// Only this run's pictures: none left over from a renamed or dropped shot.
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.png'))) rmSync(join(dir, file));
	return dir;
}
