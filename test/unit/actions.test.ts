/**
 * What n8n's editor and AI-tool generator make of the BUILT node descriptions (dist/, the files n8n
 * loads): the node panel's actions, the parameters an inserted action sets, the node's name, its
 * canvas subtitle and its tool description.
 *
 * The action generation below mirrors n8n editor-ui's useActionsGeneration.ts (node creator:
 * `operationsCategory` gives up when a `resource` property exists, `resourceCategories` lists, per
 * `resource` option, the options of the `operation` property whose displayOptions.show.resource
 * contains it, `filterActions` drops single-action nodes) and useActions.ts `getActionData` (the
 * inserted node's parameters are the action's values plus the first value of each
 * displayOptions.show key). Naming, tool descriptions and subtitles are n8n-workflow's own code.
 */
import { join } from 'node:path';

import { NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	IDisplayOptions,
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
} from 'n8n-workflow';

const ROOT = join(__dirname, '..', '..', '..');
const ACTION_NODES = ['PandaponCart', 'PandaponOrder', 'PandaponProduct', 'PandaponLogistics', 'PandaponAfterSales'];
const ALL_OPERATIONS = 69;

function loadBuilt(className: string): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(ROOT, 'dist', 'nodes', className, `${className}.node.js`)) as Record<string, new () => INodeType>;
	return new module[className]();
}

interface PanelAction {
	displayName: string;
	actionKey: string;
	description: string;
	category: string;
	displayOptions?: IDisplayOptions;
	values: INodeParameters;
}

const options = (p: INodeProperties | undefined) => (p?.options ?? []) as INodePropertyOptions[];
const startCase = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\b\w/g, (c) => c.toUpperCase());

/** editor-ui resourceCategories (version matching omitted: our nodes have one version and no @version). */
function resourceCategories(d: INodeTypeDescription): PanelAction[] {
	return d.properties
		.filter((p) => p.name === 'resource')
		.flatMap((resource) =>
			options(resource).flatMap((resourceOption, _i, all) => {
				const single = all.length === 1;
				const operations = d.properties.find(
					(p) => p.name === 'operation' && ((p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(resourceOption.value) ?? single),
				);
				if (!operations?.options) return [];
				return options(operations).map((op) => ({
					displayName: op.action ?? `${resourceOption.name} ${startCase(op.name)}`,
					actionKey: String(op.value),
					description: op.description ?? '',
					category: `${resourceOption.name} Actions`,
					displayOptions: single ? { show: { resource: [all[0].value] } } : operations.displayOptions,
					values: { operation: operations.type === 'multiOptions' ? [op.value] : op.value },
				}));
			}),
		);
}

/** editor-ui operationsCategory: only for nodes without a `resource` property. */
function operationsCategory(d: INodeTypeDescription): PanelAction[] {
	if (d.properties.find((p) => p.name === 'resource')) return [];
	const operation = d.properties.find((p) => p.name?.toLowerCase() === 'operation');
	return options(operation)
		.filter((o) => !['*', '', ' '].includes(o.name))
		.map((o) => ({
			displayName: o.action ?? startCase(o.name),
			actionKey: String(o.value),
			description: o.description ?? '',
			category: 'Actions',
			displayOptions: operation?.displayOptions,
			values: { [operation!.name]: o.value },
		}));
}

/** editor-ui triggersCategory, for a trigger with a "Trigger On" property. */
function triggersCategory(d: INodeTypeDescription): PanelAction[] {
	if (!d.displayName.toLowerCase().includes('trigger')) return [];
	const matched = d.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName?.toLowerCase()));
	return options(matched)
		.filter((o) => !['*', '', ' '].includes(o.name))
		.map((o) => ({
			displayName: o.action ?? `On ${o.name}`,
			actionKey: String(o.value),
			description: o.description ?? '',
			category: 'Triggers',
			displayOptions: matched?.displayOptions,
			values: { [matched!.name]: matched!.type === 'multiOptions' ? [o.value] : o.value },
		}));
}

/** editor-ui generateNodeActions + filterActions. */
function panelActions(d: INodeTypeDescription): PanelAction[] {
	const actions = [...triggersCategory(d), ...operationsCategory(d), ...resourceCategories(d)];
	return actions.length <= 1 ? [] : actions;
}

/** editor-ui useActions getActionData: what an inserted action sets on the new node. */
function insertedParameters(action: PanelAction): INodeParameters {
	const show = action.displayOptions?.show ?? {};
	const conditions = Object.fromEntries(Object.keys(show).map((key) => [key, (show[key] as unknown[] | undefined)?.[0]]));
	return { ...action.values, ...conditions } as INodeParameters;
}

/** n8n's own expression engine resolving the node's subtitle for these parameters. */
function subtitle(type: INodeType, parameters: INodeParameters): unknown {
	const nodeTypes: INodeTypes = {
		getByName: () => type,
		getByNameAndVersion: () => type,
		getKnownTypes: () => ({}),
	};
	const node: INode = { id: '1', name: 'Node', type: `n8n-nodes-pandapon.${type.description.name}`, typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, type.description.subtitle as string, 'internal', {});
}

describe('n8n node panel, node names, subtitles and AI tool descriptions (from dist/)', () => {
	const nodes = ACTION_NODES.map((className) => ({ className, type: loadBuilt(className) }));
	const all = nodes.flatMap(({ className, type }) =>
		panelActions(type.description).map((action) => ({ className, type, action, parameters: insertedParameters(action) })),
	);

	it('lists all 69 operations, 1688 and Taobao, as actions of their platform', () => {
		expect(all).toHaveLength(ALL_OPERATIONS);
		for (const { type } of nodes) {
			const dropdowns = type.description.properties.filter((p) => p.name === 'operation');
			const declared = dropdowns.reduce((n, p) => n + options(p).length, 0);
			expect([type.description.name, panelActions(type.description).length]).toEqual([type.description.name, declared]);
		}
		const categories = new Set(all.map((a) => a.action.category));
		expect([...categories].sort()).toEqual(['1688 Actions', 'Taobao Actions']);
		expect(all.filter((a) => a.action.category === 'Taobao Actions').length).toBe(32);
	});

	it('gives every action its own name, written for it (not n8n\'s generated fallback)', () => {
		const names = all.map((a) => a.action.displayName);
		expect(new Set(names).size).toBe(names.length);
		for (const { action, type } of all) {
			const operation = type.description.properties
				.filter((p) => p.name === 'operation')
				.flatMap(options)
				.find((o) => o.action === action.displayName);
			expect([action.displayName, operation?.value]).toEqual([action.displayName, action.actionKey]);
			// Sentence form: a capital first letter, the rest lowercase apart from proper names.
			const rest = action.displayName.slice(1).replace(/\b(Taobao|Wangwang|Chinese)\b/g, '');
			expect([action.displayName, /^[A-Z]/.test(action.displayName), rest]).toEqual([action.displayName, true, rest.toLowerCase()]);
		}
	});

	it('selects the platform and the operation of the action inserted, and names the node after it', () => {
		for (const { type, action, parameters } of all) {
			const { properties } = type.description;
			const resource = properties.find((p) => p.name === 'resource');
			expect(resource?.displayName).toBe('Platform');
			expect(options(resource).map((o) => o.value)).toContain(parameters.resource);
			const shown = properties.find(
				(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(parameters.resource),
			);
			expect(options(shown).map((o) => o.value)).toContain(parameters.operation);
			expect(Object.keys(parameters).sort()).toEqual(['operation', 'resource']);
			expect(NodeHelpers.makeNodeName(parameters, type.description)).toBe(action.displayName);
		}
	});

	it('gives every operation its own AI tool description (n8n-workflow makeDescription), not the node\'s generic one', () => {
		const descriptions = all.map(({ type, parameters }) => NodeHelpers.makeDescription(parameters, type.description));
		expect(new Set(descriptions).size).toBe(ALL_OPERATIONS);
		for (const [i, { type, action }] of all.entries()) {
			expect(descriptions[i]).toBe(`${action.displayName} in ${type.description.defaults.name}`);
			expect(descriptions[i]).not.toBe(type.description.description);
		}
	});

	/**
	 * The "<Node> Tool" n8n derives from each node (cli tool-generation convertNodeToAiTool: name +
	 * "Tool", and no Description of its own where the node declares `toolDescription`), its parameters
	 * as n8n's Workflow fills them in (defaults, `@tool` display rules), and the description
	 * n8n-workflow's getToolDescriptionForNode hands the agent.
	 */
	function asTool(type: INodeType, parameters: INodeParameters) {
		const description = { ...type.description, name: `${type.description.name}Tool` };
		const node = { id: '1', name: 'Tool', type: `n8n-nodes-pandapon.${description.name}`, typeVersion: 1, position: [0, 0], parameters } as INode;
		const filled = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, node, description) ?? {};
		return { filled, text: NodeHelpers.getToolDescriptionForNode({ ...node, parameters: filled }, { description } as INodeType) };
	}

	it('tells an AI agent, per operation, what the tool does and needs, and where it spends money how Dry Run and Max Total hold it back', () => {
		const texts = all.map(({ type, action, parameters }) => ({ action, text: asTool(type, parameters).text }));
		expect(new Set(texts.map((t) => t.text)).size).toBe(ALL_OPERATIONS);
		for (const { action, text } of texts) expect([action.displayName, text.startsWith(`${action.displayName}: `)]).toEqual([action.displayName, true]);
		const byAction = new Map(texts.map((t) => [t.action.displayName, t.text]));
		expect(byAction.get('Get 1688 offer')).toMatch(/Needs Offer ID\. Give IDs as text/);
		expect(byAction.get('Search 1688 offers by keyword')).toMatch(/Needs Keyword\.$/);
		expect(byAction.get('Create 1688 order')).toMatch(/Dry Run.*Max Total.*As a tool it runs as a Dry Run/);
		// Only the tool shows it: the plain node's parameters have no tool description.
		for (const { type, parameters } of all) {
			expect(NodeHelpers.getNodeParameters(type.description.properties, parameters, true, false, null, type.description)?.toolDescription).toBeUndefined();
		}
	});

	it('turns Dry Run on where an operation that spends money is an AI tool, and only there', () => {
		let spending = 0;
		for (const { type, action, parameters } of all) {
			const plain = NodeHelpers.getNodeParameters(type.description.properties, parameters, true, false, null, type.description) ?? {};
			if (!('safety' in plain)) continue;
			spending++;
			expect([action.displayName, plain.safety]).toEqual([action.displayName, {}]);
			expect([action.displayName, asTool(type, parameters).filled.safety]).toEqual([action.displayName, { dryRun: true }]);
			const chosen = asTool(type, { ...parameters, safety: { maxTotalFen: 5000 } }).filled.safety;
			expect([action.displayName, chosen]).toEqual([action.displayName, { maxTotalFen: 5000 }]);
		}
		expect(spending).toBe(10);
	});

	it('says in the description of every operation that spends money that Dry Run and Max Total exist', () => {
		let guarded = 0;
		for (const { type, action, parameters } of all) {
			expect([action.displayName, action.description.length > 20]).toEqual([action.displayName, true]);
			const safety = type.description.properties.find(
				(p) =>
					p.name === 'safety' &&
					(p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(parameters.resource) &&
					(p.displayOptions?.show?.operation as unknown[] | undefined)?.includes(parameters.operation),
			);
			if (!safety) continue;
			guarded++;
			const inner = ((safety.options ?? []) as INodeProperties[]).map((o) => o.displayName);
			expect(inner).toEqual(expect.arrayContaining(['Dry Run', 'Max Total (Fen)']));
			expect([action.displayName, /Dry Run/.test(action.description) && /Max Total/.test(action.description)]).toEqual([action.displayName, true]);
		}
		expect(guarded).toBeGreaterThanOrEqual(10);
	});

	it('names the optional-field collections the same way in every node: Additional Fields, Filters, Options', () => {
		const names: Record<string, string> = { 'Additional Fields': 'additionalFields', Filters: 'filters', Options: 'options' };
		const mismatched = nodes
			.flatMap(({ type }) => type.description.properties.filter((p) => p.type === 'collection'))
			.filter((p) => (names[p.displayName] ?? p.name) !== p.name || (Object.values(names).includes(p.name) && names[p.displayName] !== p.name))
			.map((p) => `${p.displayName} (${p.name})`);
		expect(mismatched).toEqual([]);
	});

	it('offers Request Options › Concurrency only where items\' calls run side by side', () => {
		const hidden = all
			.filter(({ type, parameters }) => {
				const requestOptions = type.description.properties.find((p) => p.name === 'requestOptions')!;
				const concurrency = (requestOptions.options as INodeProperties[]).find((o) => o.name === 'concurrency')!;
				// n8n's own rule for a collection's option: '/'-paths read the node's top-level parameters.
				return !NodeHelpers.displayParameter({}, concurrency, { typeVersion: 1 }, type.description, parameters);
			})
			.map(({ action }) => action.displayName);
		expect(hidden.sort()).toEqual(['Check Taobao items in batch', 'Create 1688 orders across sellers', 'Preview 1688 orders across sellers']);
	});

	it('shows the platform and operation by name in the canvas subtitle', () => {
		for (const { type, parameters } of all) {
			const platform = options(type.description.properties.find((p) => p.name === 'resource')).find((o) => o.value === parameters.resource)!.name;
			const operation = type.description.properties
				.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(parameters.resource))
				.flatMap(options)
				.find((o) => o.value === parameters.operation)!.name;
			expect(subtitle(type, parameters)).toBe(`${platform} · ${operation}`);
		}
		expect(subtitle(nodes[0].type, { resource: 'taobao', operation: 'addItem' })).toBe('Taobao · Add Item');
	});

	it('lists the trigger\'s events in the panel and names them in its subtitle', () => {
		const trigger = loadBuilt('PandaponTrigger');
		const events = panelActions(trigger.description);
		expect(events.map((e) => e.displayName)).toEqual(expect.arrayContaining(['On Order Paid', 'On Refund']));
		for (const e of events) expect(insertedParameters(e)).toEqual({ events: [e.actionKey] });
		expect(subtitle(trigger, { events: ['paid', 'shipped'], platform: 'all' })).toBe('Order Paid, Order Shipped');
	});
});
