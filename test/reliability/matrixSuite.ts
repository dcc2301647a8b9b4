/** One half of the fault matrix as a jest suite: reads and writes are separate files so jest runs them in parallel. */
import { runMatrix } from './matrix';

export function describeMatrix(kind: 'read' | 'write', minimumCells: number, rule: string): void {
	describe(`fault matrix, ${kind}s`, () => {
		it(`passes every cell: ${rule}, nothing leaks`, async () => {
			const cells = await runMatrix(kind);
			expect(cells.length).toBeGreaterThanOrEqual(minimumCells);
			expect(cells.filter((c) => !c.passed).map((c) => `${c.node} ${c.kind} × ${c.fault}: ${c.problem}`)).toEqual([]);
		}, 240_000);
	});
}
