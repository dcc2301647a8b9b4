import { NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { ENDPOINTS } from './catalogue';
import type { Endpoint } from './catalogue';
import { executePerItem } from './execute';
import { DEFAULT_CONCURRENCY } from './pool';
import { showFor } from './operation';
import type { OperationModule } from './operation';
import { safetyOptions, toolVariants } from './safety/options';
import { DEFAULT_RETRY_DELAY_MS, DEFAULT_TIMEOUT_MS } from './transport';

/** One platform's operations in one node: the dropdown entries and the operation files behind them. */
export interface PlatformOperations {
	platform: '1688' | 'taobao';
	defaultOperation: string;
	/** Operation dropdown entries, sorted by name. */
	options: INodePropertyOptions[];
	operations: Record<string, OperationModule>;
}

const PLATFORM_OPTIONS: Record<PlatformOperations['platform'], INodePropertyOptions> = {
	'1688': { name: '1688', value: '1688', description: 'Alibaba 1688 wholesale' },
	taobao: { name: 'Taobao', value: 'taobao', description: 'Taobao retail' },
};

/**
 * The node's subtitle on the canvas, e.g. "Taobao · Add Item": an n8n expression that looks the
 * chosen platform and operation up by value, so it shows the names the user picked, not the values.
 */
export function nodeSubtitle(platforms: PlatformOperations[]): string {
	const present = available(platforms);
	const platformNames = Object.fromEntries(present.map((p) => [p.platform, PLATFORM_OPTIONS[p.platform].name]));
	const operationNames = Object.fromEntries(
		present.flatMap((p) => p.options.map((o) => [`${p.platform}/${String(o.value)}`, o.name])),
	);
	return `={{ (${JSON.stringify(platformNames)})[$parameter["resource"]] + " · " + (${JSON.stringify(operationNames)})[$parameter["resource"] + "/" + $parameter["operation"]] }}`;
}

/**
 * Settings of the HTTP calls themselves, shown last on every operation; Concurrency only where the
 * operation sends items' calls side by side (hidden on the given operation values).
 */
function requestOptionsField(sequentialOperations: string[]): INodeProperties {
	return {
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 64, numberPrecision: 0 },
				default: DEFAULT_CONCURRENCY,
				...(sequentialOperations.length > 0 ? { displayOptions: { hide: { '/operation': sequentialOperations } } } : {}),
				description:
					'How many items to send to Pandapon at the same time. The node slows down by itself when Pandapon answers 429 (rate limited). 1 sends one item after the other.',
			},
			{
				displayName: 'Retry Delay (Ms)',
				name: 'retryDelay',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: DEFAULT_RETRY_DELAY_MS,
				description:
					'The first wait before a read is retried after a server error or a lost connection; it doubles for each further try (3 at most). Writes are never retried this way.',
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 100, numberPrecision: 0 },
				default: DEFAULT_TIMEOUT_MS,
				description:
					'How long to wait for each answer. A read that times out is retried; a write is not, and is reported with outcome "unknown".',
			},
		],
	};
}

/**
 * Operation values whose every module (on any platform of the node) is sequential: n8n's `hide`
 * matches on the operation value alone, so a value shared with a concurrent operation stays shown.
 */
function sequentialOperations(platforms: PlatformOperations[]): string[] {
	const modules = platforms.flatMap((p) => Object.entries(p.operations));
	const values = [...new Set(modules.filter(([, m]) => m.sequential === true).map(([value]) => value))];
	return values.filter((value) => modules.every(([v, m]) => v !== value || m.sequential === true)).sort();
}

function available(platforms: PlatformOperations[]): PlatformOperations[] {
	return platforms.filter((p) => p.options.length > 0);
}

/** What the editor says about an endpoint the docs do not fully vouch for, from its catalogue row. */
function endpointNotice(e: Endpoint): string | undefined {
	const call = `${e.method} ${e.path}`;
	if (e.provenance === 'inferred') {
		return `Inferred endpoint: Pandapon publishes no page for this call, so ${call} follows ${e.source}. If Pandapon answers otherwise, the error carries its code and requestId.`;
	}
	if (e.inDevelopment) return `Pandapon marks the page of ${call} as in development (开发中): it works, but may still change.`;
	return undefined;
}

/** One notice per operation whose endpoint is inferred or in development, generated from the catalogue. */
function provenanceNotices(node: Endpoint['node'], platforms: PlatformOperations[]): INodeProperties[] {
	return platforms.flatMap(({ platform, options }) =>
		options.flatMap((option) =>
			Object.values(ENDPOINTS)
				.filter((e) => e.node === node && e.platform === platform && e.operation === option.name)
				.flatMap((e) => {
					const text = endpointNotice(e);
					return text === undefined
						? []
						: [{ displayName: text, name: 'endpointNotice', type: 'notice' as const, default: '', displayOptions: showFor(platform, String(option.value)) }];
				}),
		),
	);
}

/** Shown for every choice of the operation's other fields, not only for some of them. */
function alwaysShown(field: INodeProperties): boolean {
	return Object.keys(field.displayOptions?.show ?? {}).every((key) => ['resource', 'operation', '@tool'].includes(key)) && !field.displayOptions?.hide;
}

/**
 * The names of the fields a user always has to fill, with the required parts of a field group in
 * brackets; dropdowns and switches are left out, since their default is already a valid choice.
 */
function requiredFields(fields: INodeProperties[]): string[] {
	return fields.filter(alwaysShown).flatMap((field) => {
		if (field.type === 'fixedCollection' || field.type === 'collection') {
			const parts = ((field.options ?? []) as Array<INodeProperties | { values?: INodeProperties[] }>).flatMap((o) =>
				'values' in o && o.values ? o.values : 'type' in o ? [o as INodeProperties] : [],
			);
			const inner = requiredFields(parts);
			return inner.length > 0 ? [`${field.displayName} (${inner.join(', ')})`] : [];
		}
		return field.required === true && field.type !== 'options' && field.type !== 'boolean' ? [field.displayName] : [];
	});
}

function sentence(text: string): string {
	return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * What an AI agent reads about one operation used as a tool: what it does, what it needs and, where
 * it spends money, how Dry Run and Max Total hold it back. n8n's own generated text is only the
 * action's name ("Create 1688 order in Pandapon Order"), too little for an agent to choose well.
 */
export function toolDescriptionText(option: INodePropertyOptions, module: OperationModule): string {
	const needs = requiredFields(module.description);
	const spends = module.description.some((field) => field.name === safetyOptions.name);
	return [
		sentence(`${option.action ?? option.name}: ${option.description ?? ''}`),
		needs.length > 0 ? `Needs ${needs.join(', ')}.` : '',
		needs.some((need) => /\bIDs?\b/.test(need)) ? 'Give IDs as text, exactly as read.' : '',
		spends
			? 'As a tool it runs as a Dry Run unless the workflow turned that off: the answer then has dryRun true and the previewed total, and nothing is created or paid.'
			: '',
	]
		.filter(Boolean)
		.join(' ');
}

/**
 * The Description n8n's tool variant of the node sends to the agent, one per operation with that
 * operation's text as default. Declared here, n8n adds no generic one of its own; shown only on the
 * tool (`@tool`), so the plain node never shows it.
 */
function toolDescriptions(platforms: PlatformOperations[]): INodeProperties[] {
	return platforms.flatMap(({ platform, options, operations }) =>
		options.map(
			(option): INodeProperties => ({
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				typeOptions: { rows: 4 },
				required: true,
				default: toolDescriptionText(option, operations[String(option.value)]),
				displayOptions: { show: { '@tool': [true], ...showFor(platform, String(option.value)).show } },
				description: 'What the AI agent reads about this tool. Written for the operation above; edit it to steer the agent.',
			}),
		),
	);
}

/**
 * Platform, one Operation dropdown per platform, every operation's provenance notice, then its own
 * fields. Platform is named `resource` (labelled "Platform") because n8n's node panel builds its
 * "<Platform> Actions" lists only from a property of that name and the `operation` properties whose
 * `displayOptions.show.resource` name its values (editor-ui `useActionsGeneration.ts`); with any
 * other name the panel lists the first Operation dropdown only, and inserting an action could not
 * select its platform.
 */
export function nodeProperties(platforms: PlatformOperations[], node: Endpoint['node']): INodeProperties[] {
	const present = available(platforms);
	return [
		{
			displayName: 'Platform',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			default: '1688',
			options: present.map((p) => PLATFORM_OPTIONS[p.platform]),
		},
		...present.map(
			({ platform, defaultOperation, options }): INodeProperties => ({
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [platform] } },
				default: defaultOperation,
				options,
			}),
		),
		...toolDescriptions(present),
		...provenanceNotices(node, present),
		...present.flatMap((p) => Object.values(p.operations).flatMap((module) => module.description.flatMap(toolVariants))),
		requestOptionsField(sequentialOperations(present)),
	];
}

/** Dispatches on platform and operation (read once, as n8n nodes do) to the operation's handler. */
export async function routeOperation(
	this: IExecuteFunctions,
	platforms: PlatformOperations[],
): Promise<INodeExecutionData[][]> {
	const platform = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = platforms.find((p) => p.platform === platform)?.operations[operation];
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported on platform "${platform}"`,
		);
	}
	if (module.executeBatch) return [await module.executeBatch.call(this)];
	return await executePerItem.call(this, module.execute);
}
