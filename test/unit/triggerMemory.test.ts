/**
 * The trigger's redelivery memory against workflow static data as n8n handles it for a webhook
 * call: loaded when the call starts, saved whole when it ends. Two "processes" are two isolated
 * copies of the module, as two queue-mode webhook processors are.
 */
import { StaticDataRow, webhookCall } from '../harness/webhookCall';

type Callback = typeof import('../../nodes/PandaponTrigger/callback');

function trigger(): Callback {
	let mod: Callback | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		mod = require('../../nodes/PandaponTrigger/callback') as Callback;
	});
	return mod as Callback;
}

const TOKEN = 'memory-test-callback-token-7Qm2xV9p';

/** One webhook call as n8n runs it: static data loaded at the start; saved, then answered 200, when a run was stored. */
const delivery = (row: StaticDataRow, body: string) =>
	webhookCall({ row, body, headers: { 'x-pandapon-token': TOKEN }, credentials: { pandaponCallbackApi: { callbackToken: TOKEN } } });

const message = (n: number) =>
	JSON.stringify({ messageType: '1688_ORDER_BUYER_VIEW_ORDER_PAY_SUCCESS', messageBody: { baseInfo: { idOfStr: String(2542285634920880794n + BigInt(n)) } }, messagePlatform: 1, timestamp: String(Date.now()) });

describe('trigger redelivery memory shared by two webhook processors', () => {
	it('calls whose saves overlap lose no fingerprint once each processor has saved again', async () => {
		const row = new StaticDataRow();
		const [p1, p2] = [trigger(), trigger()];
		// Four messages at the same moment: loads first, then saves, so the last save drops the others' entries.
		const calls = [0, 1, 2, 3].map((n) => ({ n, processor: n % 2 === 0 ? p1 : p2, call: delivery(row, message(n)) }));
		const results = await Promise.all(calls.map(async (c) => await c.processor.handleCallback.call(c.call.ctx, {})));
		expect(results.map((r, n) => calls[n].call.ran(r))).toEqual([true, true, true, true]);
		for (const c of calls) c.call.save();
		// One more (new) message on each processor: each save carries everything its processor knows.
		for (const [n, p] of [[10, p1], [11, p2]] as const) {
			const call = delivery(row, message(n));
			await p.handleCallback.call(call.ctx, {});
			call.save();
		}
		// Every first message re-sent to the processor that did not take it: none runs again.
		for (const c of calls) {
			const other = c.processor === p1 ? p2 : p1;
			const call = delivery(row, message(c.n));
			expect(call.ran(await other.handleCallback.call(call.ctx, {}))).toBe(false);
			call.save();
		}
	});
});
