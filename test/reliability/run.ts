/* npm run reliability — prints the fault matrix; its last line is one JSON object with the counts. */
import { BAD_INPUTS, runBadInput } from './badInputs';
import { FAULTS, runMatrix, TARGETS } from './matrix';
import type { FaultName } from './matrix';

async function main(): Promise<void> {
	const cells = await runMatrix();
	const faults = Object.keys(FAULTS) as FaultName[];
	const columns = TARGETS.map((t) => `${t.node} ${t.kind}`);
	const width = Math.max(...faults.map((f) => f.length));
	console.log(`\nFault matrix (cell: outcome/requests to the faulty path; ✗ = failed check)\n`);
	console.log(`${''.padEnd(width)}  ${columns.map((c) => c.padEnd(18)).join('')}`);
	for (const fault of faults) {
		const row = TARGETS.map((t) => {
			const cell = cells.find((c) => c.node === t.node && c.kind === t.kind && c.fault === fault)!;
			return `${cell.passed ? '' : '✗ '}${cell.outcome}/${cell.requests}`.padEnd(18);
		});
		console.log(`${fault.padEnd(width)}  ${row.join('')}`);
	}
	for (const cell of cells.filter((c) => !c.passed)) console.log(`✗ ${cell.node} ${cell.kind} × ${cell.fault}: ${cell.problem}`);
	const bad = [];
	for (const c of BAD_INPUTS) bad.push(await runBadInput(c));
	console.log(`\nBad-input corpus: ${bad.length} cases`);
	for (const r of bad) console.log(`  ${r.passed ? '✓' : '✗'} ${r.name}: ${r.message}${r.requests ? ` (${r.requests} requests sent)` : ''}`);
	const failed = cells.filter((c) => !c.passed).length + bad.filter((r) => !r.passed).length;
	console.log(`\nreliability: ${cells.length + bad.length - failed} passed, ${failed} failed`);
	console.log(
		JSON.stringify({
			cases: cells.length + bad.length,
			failed,
			duplicate_writes: cells.filter((c) => c.writes > 1).length,
			leaks: cells.filter((c) => c.leak).length,
			bad_inputs: bad.length,
			bad_inputs_requests_sent: bad.reduce((t, r) => t + r.requests, 0),
		}),
	);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
