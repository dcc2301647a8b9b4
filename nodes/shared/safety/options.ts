import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../errors';
import { fenToYuan } from '../money';
import { readInteger, readText } from '../params';
import { unverifiableTotal } from '../preview';

/**
 * Every create and pay path offers an idempotency key kept in n8n's de-duplication store, a dry
 * run that only previews, and a maximum total checked against the preview before anything is
 * created or paid.
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
			description: 'Whether to only preview and validate, creating and paying nothing. On by default when the node is an AI agent\'s tool.',
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.shopifyOrderId }}',
			description:
				'A key unique to this purchase, such as the shop order ID, set per row. A key this node already used creates and pays nothing: the row comes out marked as a duplicate.',
		},
		{
			displayName: 'Max Total (Fen)',
			name: 'maxTotalFen',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description:
				'Stop before anything is created or paid when the previewed total of a row is above this amount in fen (100 = ¥1). 0 means no limit, which an AI agent\'s tool may not have unless it runs as a Dry Run.',
		},
	],
};

/**
 * The Safety collection as n8n's AI-tool variant of a node shows it (n8n derives "<Node> Tool" from
 * every `usableAsTool` node; `@tool` in displayOptions tells the two apart): Dry Run already on, so an
 * agent previews unless the workflow's builder turned it off. n8n versions that do not know `@tool`
 * hide the tool copy and show the plain one, as before.
 */
export function toolVariants(field: INodeProperties): INodeProperties[] {
	if (field.name !== safetyOptions.name) return [field];
	const show = field.displayOptions?.show ?? {};
	return [
		{ ...field, displayOptions: { ...field.displayOptions, hide: { ...field.displayOptions?.hide, '@tool': [true] } } },
		{ ...field, default: { dryRun: true }, displayOptions: { ...field.displayOptions, show: { ...show, '@tool': [true] } } },
	];
}

/** Whether the node runs as an AI agent's tool: n8n names the tool variant of a node "<type>Tool". */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

export interface Safety {
	key: string;
	dryRun: boolean;
	maxTotalFen: number;
}

/**
 * Reads Safety for item `i`. An AI agent decides for itself when to call a tool, so as a tool a
 * write that is not a Dry Run must also have a Max Total: the agent then spends only under a limit
 * the workflow's builder chose.
 */
export function readSafety(ctx: IExecuteFunctions, i: number): Safety {
	const safety = {
		key: readText(ctx, 'safety.idempotencyKey', 'Safety › Idempotency Key', i, { maxLength: 200 }),
		dryRun: ctx.getNodeParameter('safety.dryRun', i, false) as boolean,
		maxTotalFen: readInteger(ctx, 'safety.maxTotalFen', 'Safety › Max Total (Fen)', i, { min: 0, fallback: 0 }),
	};
	if (!safety.dryRun && safety.maxTotalFen === 0 && runsAsTool(ctx)) {
		throw inputError(
			ctx.getNode(),
			i,
			'Safety › Max Total (Fen)',
			'an AI agent may create or pay only under a limit; nothing was created or paid',
			'Set Safety › Max Total on this tool, or turn Safety › Dry Run back on so the agent only previews.',
		);
	}
	return safety;
}

export interface Previewed {
	totalFen: number;
	preview: IDataObject;
}

/** Stops the row when the previewed total is above Max Total. */
export function checkTotal(ctx: IExecuteFunctions, i: number, safety: Safety, totalFen: number): void {
	if (!Number.isSafeInteger(totalFen) || totalFen < 0) throw unverifiableTotal(ctx.getNode(), i, `the previewed total ${String(totalFen)} is not a whole number of fen`);
	if (safety.maxTotalFen > 0 && totalFen > safety.maxTotalFen) {
		throw inputError(
			ctx.getNode(),
			i,
			'Safety › Max Total (Fen)',
			`the previewed total ${totalFen} fen (¥${fenToYuan(totalFen)}) is above the limit of ${safety.maxTotalFen} fen; nothing was created or paid`,
			'Raise Max Total or check the quantities and prices.',
		);
	}
}

export function dryRunResult(previewed: Previewed): IDataObject {
	return { dryRun: true, totalFen: previewed.totalFen, totalYuan: fenToYuan(previewed.totalFen), preview: previewed.preview };
}

/**
 * Whether a failed write provably changed nothing, so its key may be used again: our own input
 * check, a call that never reached Pandapon, or a refusal Pandapon gives before acting (an HTTP
 * 4xx: validation, signature, timestamp, rate limit). A 5xx, an unreadable answer or a code the
 * package does not know may come after Pandapon acted.
 */
export function provablyUnchanged(error: unknown): boolean {
	if (error instanceof NodeOperationError) return true;
	const details = (error as NodeApiError | undefined)?.context?.pandapon as IDataObject | undefined;
	return details?.outcome === 'failed' || details?.outcome === 'notSent';
}
