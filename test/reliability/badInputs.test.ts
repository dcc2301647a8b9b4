import { BAD_INPUTS, runBadInput } from './badInputs';

describe('bad-input corpus', () => {
	it('stops every case before any request, naming the parameter and the item', async () => {
		expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(50);
		const results = [];
		for (const c of BAD_INPUTS) results.push(await runBadInput(c));
		expect(results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.message} (${r.requests} requests)`)).toEqual([]);
	}, 120_000);
});
