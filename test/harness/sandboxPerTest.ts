import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';

/**
 * A fresh sandbox for every test of the file, closed after it; a test fails when any request it
 * made broke the sandbox's contract of the API or got an answer off the published page.
 * `use` receives each new sandbox.
 */
export function sandboxPerTest(use: (sandbox: Sandbox) => void): void {
	let sandbox: Sandbox | undefined;
	beforeEach(async () => {
		sandbox = await startSandbox();
		use(sandbox);
	});
	afterEach(async () => {
		const broken = sandbox?.log.filter((e) => e.contractErrors ?? e.responseErrors) ?? [];
		await sandbox?.close();
		expect(broken).toEqual([]);
	});
}
