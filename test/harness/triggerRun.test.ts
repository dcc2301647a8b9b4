/**
 * The trigger's step at the start of an execution, through n8n's real engine: what a queue-mode
 * worker does with a callback another process answered, and Fetch Order, which now runs here
 * instead of before the answer.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { output, PACKAGE, runWorkflow, sandboxCredentials } from './engine';
import { placeOrder } from './placeOrder';

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	expect(sandbox.log.filter((e) => e.contractErrors)).toEqual([]);
	await sandbox.close();
});

/** What the trigger's webhook hands n8n for one message. */
const webhookItem = (messageId: string, orderId: string): IDataObject => ({
	event: 'paid',
	messageType: '1688_ORDER_BUYER_VIEW_ORDER_PAY_SUCCESS',
	messageId,
	platform: '1688',
	orderId,
	orderIds: [orderId],
	messageBody: { baseInfo: { idOfStr: orderId } },
});

function workflow(item: IDataObject, options: Record<string, boolean>) {
	return {
		credentials: sandboxCredentials(sandbox),
		workflowId: `wf-trigger-${String(item.messageId).slice(0, 8)}`,
		items: [{ json: item }],
		nodes: [
			{ name: 'Pandapon Trigger', type: `${PACKAGE}.pandaponTrigger`, parameters: { events: ['*'], platform: 'all', options } },
			{ name: 'Get Order', type: `${PACKAGE}.pandaponOrder`, parameters: { resource: '1688', operation: 'get', orderId: '={{ $json.orderId }}' } },
		],
	};
}

describe('Pandapon Trigger at the start of an execution', () => {
	it('on a worker that never saw the call, a second execution of the same message passes nothing on', async () => {
		const id = placeOrder(sandbox).id.toString();
		const spec = workflow(webhookItem('1a'.repeat(16), id), {});
		const first = await runWorkflow(spec);
		expect(output(first, 'Pandapon Trigger')).toHaveLength(1);
		expect(output(first, 'Get Order')[0]).toMatchObject({ orderId: id });
		const second = await runWorkflow(spec);
		expect(second.status).toBe('success');
		expect(output(second, 'Pandapon Trigger')).toEqual([]);
		expect(second.data.resultData.runData['Get Order']).toBeUndefined();
		expect(sandbox.log.filter((e) => e.endpoint === 'order1688Detail')).toHaveLength(1);
	});

	it('Fetch Order reads the order in the execution and attaches it; a failed read is reported on the item, which still runs', async () => {
		const id = placeOrder(sandbox).id.toString();
		const run = await runWorkflow(workflow(webhookItem('2b'.repeat(16), id), { fetchOrder: true, ignoreRedeliveries: false }));
		expect(output(run, 'Pandapon Trigger')[0]).toMatchObject({ orderId: id, order: { baseInfo: { idOfStr: id } } });
		const missing = await runWorkflow(workflow(webhookItem('3c'.repeat(16), '2542285634999999999'), { fetchOrder: true, ignoreRedeliveries: false }));
		expect(output(missing, 'Pandapon Trigger')[0]).toHaveProperty('orderError');
	});
});
