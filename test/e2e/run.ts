/* The real-n8n end-to-end suites (`npm run e2e`, part of `npm test`). */
import { ensureHost } from '../../scripts/host';
import { agentCases } from './agent.e2e';
import { headlessCases } from './headless.e2e';
import { packageCases } from './package.e2e';
import { runCases } from './runner';
import { serverCases } from './server.e2e';
import { startCases } from './start.e2e';
import { templateCases } from './templates.e2e';

async function main(): Promise<void> {
	const started = Date.now();
	ensureHost();
	const results = [
		await runCases('package', packageCases),
		await runCases('headless', headlessCases),
		await runCases('server', serverCases),
		await runCases('templates', templateCases),
		await runCases('agent', agentCases),
		await runCases('start', startCases),
	];
	const passed = results.reduce((t, r) => t + r.passed, 0);
	const failed = results.reduce((t, r) => t + r.failed, 0);
	console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(`e2e: ${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
