import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from './errors';
import { fenToYuan } from './money';
import { readInteger, readText } from './params';

/**
 * Decision D8 for every create and pay path: an idempotency key kept in n8n's de-duplication store,
 * a dry run that only previews, and a maximum total checked against the preview before anything
 * is created or paid.
 */
export const safetyOptions: INodeProperties = {
	displayName: 'Safety',
	name: 'safety',
	type: 'collection',
	placeholder: 'Add Safety Option',
	default: {},
	options: [
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: 'Whether to only preview and validate, creating and paying nothing',
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.shopifyOrderId }}',
			description:
				'A key unique to this purchase, such as the shop order ID. A key this workflow already used creates and pays nothing: the item comes out marked as a duplicate.',
		},
		{
			displayName: 'Max Total (Fen)',
			name: 'maxTotalFen',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description:
				'Stop the item before anything is created or paid when the previewed total is above this amount in fen (100 = ¥1). 0 means no limit.',
		},
	],
};

export interface GuardedWrite {
	/** Prices what the write would do; needed for Dry Run and Max Total. */
	preview: () => Promise<{ totalFen: number; preview: IDataObject }>;
	write: () => Promise<IDataObject>;
	/** The ids to remember for a duplicate (e.g. the created order ids). */
	resultIds: (result: IDataObject) => string[];
}

const DEDUP_OPTIONS = { mode: 'entries' as const, maxEntries: 100_000 };
const REMEMBERED_KEYS = 10_000;

interface KeyMemory {
	[key: string]: { ids: string[]; at: number };
}

/** Ids of earlier results by key. Kept in the workflow's static data, which n8n saves for non-manual runs. */
function memory(ctx: IExecuteFunctions): KeyMemory {
	const data = ctx.getWorkflowStaticData('node');
	data.idempotency ??= {};
	return data.idempotency as KeyMemory;
}

function remember(ctx: IExecuteFunctions, key: string, ids: string[]): void {
	const keys = memory(ctx);
	keys[key] = { ids, at: Date.now() };
	const all = Object.keys(keys);
	if (all.length > REMEMBERED_KEYS) {
		all.sort((a, b) => keys[a].at - keys[b].at);
		for (const old of all.slice(0, all.length - REMEMBERED_KEYS)) delete keys[old];
	}
}

/** Whether a failed write provably changed nothing, so its key may be used again. */
function provablyUnchanged(error: unknown): boolean {
	if (error instanceof NodeOperationError) return true;
	const outcome = (error as { context?: { pandapon?: { outcome?: string } } }).context?.pandapon?.outcome;
	return outcome === 'failed' || outcome === 'notSent';
}

export async function guardedWrite(this: IExecuteFunctions, i: number, op: GuardedWrite): Promise<IDataObject> {
	const key = readText(this, 'safety.idempotencyKey', 'Safety › Idempotency Key', i, { maxLength: 200 });
	const dryRun = this.getNodeParameter('safety.dryRun', i, false) as boolean;
	const maxTotalFen = readInteger(this, 'safety.maxTotalFen', 'Safety › Max Total (Fen)', i, { min: 0 });
	const scoped = key === '' ? '' : `${this.getNode().name}\u0000${key}`;

	if (scoped) {
		const { processed } = await this.helpers.checkProcessedAndRecord([scoped], 'workflow', DEDUP_OPTIONS);
		if (processed.length > 0) {
			return { duplicate: true, idempotencyKey: key, earlierIds: memory(this)[scoped]?.ids ?? [] };
		}
	}
	const release = async () => {
		if (scoped) await this.helpers.removeProcessed([scoped], 'workflow', DEDUP_OPTIONS);
	};

	try {
		let preview: { totalFen: number; preview: IDataObject } | undefined;
		if (dryRun || maxTotalFen > 0) {
			preview = await op.preview();
			if (maxTotalFen > 0 && preview.totalFen > maxTotalFen) {
				throw inputError(
					this.getNode(),
					i,
					'Safety › Max Total (Fen)',
					`the previewed total ${preview.totalFen} fen (¥${fenToYuan(preview.totalFen)}) is above the limit of ${maxTotalFen} fen; nothing was created or paid`,
					'Raise Max Total or check the quantities and prices.',
				);
			}
		}
		if (dryRun) {
			await release();
			return { dryRun: true, totalFen: preview?.totalFen, totalYuan: fenToYuan(preview?.totalFen), preview: preview?.preview };
		}
		const result = await op.write();
		if (scoped) remember(this, scoped, op.resultIds(result));
		return scoped ? { ...result, idempotencyKey: key } : result;
	} catch (error) {
		if (provablyUnchanged(error)) await release();
		throw error;
	}
}
