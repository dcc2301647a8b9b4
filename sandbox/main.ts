/* Starts the sandbox from the command line: `npm run sandbox`. */
import { DEMO_ACCESS_KEY, DEMO_ACCESS_SECRET, DEMO_USER_ID, startSandbox } from './server';

async function main(): Promise<void> {
	const env = process.env;
	const sandbox = await startSandbox({
		port: Number(env.PANDAPON_SANDBOX_PORT ?? 4010),
		accessKey: env.PANDAPON_SANDBOX_ACCESS_KEY ?? DEMO_ACCESS_KEY,
		accessSecret: env.PANDAPON_SANDBOX_ACCESS_SECRET ?? DEMO_ACCESS_SECRET,
		userId: env.PANDAPON_SANDBOX_USER_ID ?? DEMO_USER_ID,
		latencyMs: Number(env.PANDAPON_SANDBOX_LATENCY_MS ?? 0),
		rateLimitPerSecond: Number(env.PANDAPON_SANDBOX_RATE_LIMIT ?? 0),
	});
	const o = sandbox.options;
	console.log(`Pandapon sandbox listening on ${sandbox.url}`);
	console.log(`  Base URL:      ${sandbox.url}`);
	console.log(`  Access Key:    ${o.accessKey}`);
	console.log(`  Access Secret: ${o.accessSecret === DEMO_ACCESS_SECRET ? o.accessSecret : '(from PANDAPON_SANDBOX_ACCESS_SECRET)'}`);
	console.log(`  User ID:       ${o.userId}`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
