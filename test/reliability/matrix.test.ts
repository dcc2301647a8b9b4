import { BAD_INPUTS, runBadInput } from './badInputs';
import { runMatrix } from './matrix';

describe('fault matrix', () => {
	it('passes every cell: reads retry then fail clearly, writes never repeat, nothing leaks', async () => {
		const cells = await runMatrix();
		expect(cells.length).toBeGreaterThanOrEqual(90);
		expect(cells.filter((c) => !c.passed).map((c) => `${c.node} ${c.kind} × ${c.fault}: ${c.problem}`)).toEqual([]);
	}, 240_000);
});

describe('bad-input corpus', () => {
	it('stops every case before any request, naming the parameter and the item', async () => {
		expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(50);
		const results = [];
		for (const c of BAD_INPUTS) results.push(await runBadInput(c));
		expect(results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.message} (${r.requests} requests)`)).toEqual([]);
	}, 120_000);
});
