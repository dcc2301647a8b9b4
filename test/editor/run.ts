/*
 * The editor suite (`npm run e2e:editor`, part of `npm test`): sandbox + real n8n + headless
 * Chromium. `npm run docs:screenshots` runs it with SCREENSHOT_DIR=docs/screenshots.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { ensureHost, freePort, preserveN8nRecords, ROOT } from '../../scripts/host';
import { startDemo } from '../../scripts/start';
import type { Demo } from '../../scripts/start';
import { runCases } from '../e2e/runner';
import { ConsoleWatch, ensureChromium, launchChromium, screenshotDir } from './browser';
import { editorCases } from './editor.cases';
import type { EditorSession } from './editor.cases';

async function main(): Promise<void> {
	const started = Date.now();
	ensureChromium();
	ensureHost();
	const folder = mkdtempSync(join(tmpdir(), 'pandapon-editor-'));
	let demo: Demo | undefined;
	let session: EditorSession | undefined;
	const cleanUp = async () => {
		await session?.context.close().catch(() => undefined);
		await demo?.stop();
		preserveN8nRecords(folder);
		rmSync(folder, { recursive: true, force: true });
	};
	process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));
	process.once('SIGTERM', () => void cleanUp().then(() => process.exit(143)));
	let failed = 1;
	let passed = 0;
	try {
		demo = await startDemo({
			userFolder: join(folder, 'n8n'),
			port: await freePort(),
			brokerPort: await freePort(),
			output: 'pipe',
			log: (line) => console.log(`  ${line}`),
		});
		const context = await launchChromium(join(folder, 'chromium-profile'));
		session = { demo, context, watch: new ConsoleWatch(context), screenshots: screenshotDir() };
		console.log(`  n8n ${demo.base}, sandbox ${demo.sandbox.url}, screenshots → ${relative(ROOT, session.screenshots) || '.'}`);
		const ready = session;
		// EDITOR_ONLY=<text> runs sign-in plus the cases whose name contains <text> (for working on one check).
		const only = process.env.EDITOR_ONLY;
		const cases = editorCases(() => ready).filter((c, index) => !only || index === 0 || c.name.includes(only));
		const result = await runCases('editor', cases);
		({ passed, failed } = result);
		if (session.watch.ignored.length > 0) {
			const hosts = [...new Set(session.watch.ignored.map((p) => (p.url ? new URL(p.url).hostname : '?')))];
			console.log(`  (ignored ${session.watch.ignored.length} failed load(s) from n8n's external hosts: ${hosts.join(', ')})`);
		}
		if (failed > 0) console.log(`--- last n8n output ---\n${demo.n8nLog().slice(-3000)}`);
	} finally {
		await cleanUp();
	}
	console.log(`editor finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(`editor: ${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
	console.error(error);
	console.log('editor: 0 passed, 1 failed');
	process.exitCode = 1;
});
