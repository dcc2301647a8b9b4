/**
 * A small sequential test runner for the real-n8n suites: they share one n8n install and run
 * one n8n at a time, which jest's parallel workers would fight over. It ends with the plain
 * closing line "N passed, N failed" and a non-zero exit code on any failure.
 */
export interface Case {
	name: string;
	run: () => Promise<void>;
}

export async function runCases(suite: string, cases: Case[]): Promise<{ passed: number; failed: number }> {
	let passed = 0;
	let failed = 0;
	// E2E_ONLY=<text> runs only the cases whose name contains it, while working on one of them.
	const only = process.env.E2E_ONLY;
	for (const c of cases.filter((c) => !only || `${suite} › ${c.name}`.includes(only))) {
		const started = Date.now();
		try {
			await c.run();
			passed++;
			console.log(`  ✓ ${suite} › ${c.name} (${Date.now() - started} ms)`);
		} catch (error) {
			failed++;
			console.log(`  ✕ ${suite} › ${c.name} (${Date.now() - started} ms)\n${String((error as Error).stack ?? error)}`);
		}
	}
	return { passed, failed };
}

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
