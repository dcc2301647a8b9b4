/**
 * The write scenarios as jest suites: one test per cell, the operations split in two halves that
 * jest runs as separate files. Cells share nothing (each has its own sandbox and workflow id, so
 * its own keys), and most of a keyed cell is the key claim's wait, so a few run at once.
 */
import { runCell, WRITE_OPS, writeCells } from './writeScenarios';

export function describeWriteScenarios(half: 0 | 1): void {
	const middle = Math.ceil(WRITE_OPS.length / 2);
	const ops = half === 0 ? WRITE_OPS.slice(0, middle) : WRITE_OPS.slice(middle);
	describe.each(ops.map((op) => [op.name, op] as const))('%s', (_name, op) => {
		it.concurrent.each(writeCells([op]).map((cell) => [cell.scenario, cell] as const))('%s', async (_scenario, cell) => {
			expect(await runCell(cell)).toEqual([]);
		}, 30_000);
	});
}
