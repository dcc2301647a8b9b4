import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ENDPOINTS } from '../shared/catalogue';
import { callPandapon } from '../shared/transport';
import { claimAcrossWorkers, keyOf, memoryOf, mergeDue, mergeSaved, savedFingerprints } from './redelivery';

async function fetchOrder(ctx: IExecuteFunctions, platform: unknown, orderId: string): Promise<IDataObject> {
	const { data } =
		platform === 'taobao'
			? await callPandapon.call(ctx, ENDPOINTS.taobaoOrderDetail, { itemIndex: 0, query: { orderId } })
			: await callPandapon.call(ctx, ENDPOINTS.order1688Detail, { itemIndex: 0, body: { webSite: '1688', orderId } });
	return (data ?? {}) as IDataObject;
}

/**
 * The trigger's first step inside the execution n8n started for a callback (n8n runs a webhook
 * node's `execute` with what its webhook returned), after the answer went out:
 * - when this process answered the call (a single n8n), it saves the redelivery memory into the
 *   static data, which n8n writes when the execution ends: every SAVE_EVERY_MS under a burst, at
 *   once otherwise;
 * - when it did not (a queue-mode worker), it claims the message in n8n's de-duplication store,
 *   which every worker shares, and passes nothing on when another execution already has it: the
 *   copy reached another webhook processor before the first one's fingerprint was saved;
 * - Fetch Order reads the order here, so the answer never waits for Pandapon.
 */
export async function startRun(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const out: INodeExecutionData[] = [];
	for (const item of this.getInputData()) {
		const { messageId, orderId, platform } = item.json;
		if (options.ignoreRedeliveries !== false && typeof messageId === 'string') {
			const memory = memoryOf(this);
			const now = Date.now();
			if (memory.taken.has(keyOf(messageId))) {
				if (mergeDue(memory, 'run', messageId, now)) mergeSaved(memory, savedFingerprints(this), 'run', now);
			} else if (!(await claimAcrossWorkers(this, messageId))) {
				continue;
			}
		}
		if (options.fetchOrder === true && typeof orderId === 'string' && platform !== 'unknown') {
			try {
				item.json.order = await fetchOrder(this, platform, orderId);
			} catch (error) {
				item.json.orderError = (error as Error).message;
			}
		}
		out.push(item);
	}
	return [out];
}
