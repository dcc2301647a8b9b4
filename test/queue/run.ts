/* The queue-mode suite (`npm run test:queue`): real n8n with workers and webhook processors. */
import { ensureHost } from '../../scripts/host';
import { runCases } from '../e2e/runner';
import { figures, queueCases } from './queue.e2e';

async function main(): Promise<void> {
	const started = Date.now();
	ensureHost();
	const { passed, failed } = await runCases('queue', queueCases);
	figures.seconds = Math.round((Date.now() - started) / 1000);
	console.log(`queue finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	console.log(`queue: ${passed} passed, ${failed} failed`);
	console.log(JSON.stringify({ queueFigures: figures }));
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
