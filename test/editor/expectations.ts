/**
 * What the editor should show for each node, derived from the built node descriptions in dist/
 * (the same files n8n loads), never from a hand-kept list: for every platform and operation, the
 * top-level fields whose displayOptions match, and among them the ones a user must see.
 */
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { ROOT } from '../../scripts/host';

export interface NodeUnderTest {
	/** Class and folder name, e.g. PandaponOrder. */
	className: string;
	description: INodeTypeDescription;
	/** The name n8n's node panel lists it under (trigger nodes lose their " Trigger" suffix there). */
	panelName: string;
	isTrigger: boolean;
	/**
	 * The parameter labelled "Platform": `resource` on the action nodes (n8n's node panel builds its
	 * actions from that name), `platform` on the trigger, where it is an event filter.
	 */
	platformParameter: 'resource' | 'platform';
	/** Platform value → its Operation dropdown entries; empty for nodes without operations. */
	platforms: Array<{ value: string; name: string; operations: INodePropertyOptions[] }>;
}

export const NODE_CLASSES = [
	'PandaponCart',
	'PandaponOrder',
	'PandaponProduct',
	'PandaponLogistics',
	'PandaponAfterSales',
	'PandaponTrigger',
] as const;

/** The Operation dropdown shown for one platform (the `resource` value) of an action node. */
export function operationsOf(description: INodeTypeDescription, platform: unknown): INodeProperties | undefined {
	return description.properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(platform as string));
}

export function loadNodes(): NodeUnderTest[] {
	return NODE_CLASSES.map((className) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(join(ROOT, 'dist', 'nodes', className, `${className}.node.js`)) as Record<string, new () => { description: INodeTypeDescription }>;
		const description = new module[className]().description;
		const isTrigger = description.group.includes('trigger');
		const platformParameter = isTrigger ? 'platform' : 'resource';
		const platformProperty = description.properties.find((p) => p.name === platformParameter);
		const platforms = ((platformProperty?.options ?? []) as INodePropertyOptions[]).map((option) => {
			const operationProperty = operationsOf(description, option.value);
			return {
				value: String(option.value),
				name: option.name,
				operations: (operationProperty?.options ?? []) as INodePropertyOptions[],
			};
		});
		return {
			className,
			description,
			// n8n's node panel shows trigger nodes without the word "Trigger" (NodeItem.vue), e.g. "Pandapon".
			panelName: isTrigger ? description.displayName.replace(/ Trigger$/, '') : description.displayName,
			isTrigger,
			platformParameter,
			platforms,
		};
	});
}

/** The parameter values a freshly selected operation has: every field at its default, plus the choices made. */
export function defaultValues(description: INodeTypeDescription, choices: Record<string, string>): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const p of description.properties) if (!(p.name in values)) values[p.name] = p.default;
	return { ...values, ...choices };
}

/** n8n's displayOptions rule for top-level fields (show: every key matches; hide: no key matches). */
export function isShown(property: INodeProperties, values: Record<string, unknown>): boolean {
	const matches = (key: string, allowed: unknown[] | undefined) => {
		// The suite edits the plain node, not n8n's "<Node> Tool" variant, where `@tool` is true.
		const value = key === '@version' ? 1 : key === '@tool' ? false : values[key.replace(/^\//, '')];
		return (allowed ?? []).some((a) => a === value || (Array.isArray(value) && value.includes(a)));
	};
	const { show, hide } = property.displayOptions ?? {};
	if (show && !Object.entries(show).every(([key, allowed]) => matches(key, allowed as unknown[]))) return false;
	if (hide && Object.entries(hide).some(([key, allowed]) => matches(key, allowed as unknown[]))) return false;
	return true;
}

export interface Expected {
	/** Fields the form must show: required ones, the Operation dropdown and the always-shown ones. */
	mustShow: Array<{ name: string; displayName: string }>;
	/** Every top-level field name the form may show for this choice. */
	mayShow: Set<string>;
}

export function expectedFields(node: NodeUnderTest, choices: Record<string, string>): Expected {
	const values = defaultValues(node.description, choices);
	// Notices have no label (their "display name" is the text itself) and hidden fields are never drawn.
	const shown = node.description.properties.filter((p) => isShown(p, values) && p.type !== 'notice' && p.type !== 'hidden');
	const mustShow = shown
		.filter((p) => p.required === true || p.name === 'operation' || p.displayOptions === undefined)
		.map((p) => ({ name: p.name, displayName: p.displayName }));
	return { mustShow, mayShow: new Set(shown.map((p) => p.name)) };
}

/**
 * Fields no platform/operation of the node can ever show: displayOptions that name a platform,
 * an operation or a value that does not exist (a typo hides a field from every user, and the
 * per-operation checks above cannot see a field that is expected nowhere).
 */
export function unreachableFields(node: NodeUnderTest): string[] {
	const { properties } = node.description;
	const choicesOf = (name: string): unknown[] =>
		properties
			.filter((p) => p.name === name)
			.flatMap((p) => (p.type === 'boolean' ? [true, false] : ((p.options ?? []) as INodePropertyOptions[]).map((o) => o.value)));
	const combos = node.platforms.flatMap((pl): Array<{ platform: string; operation: unknown }> =>
		pl.operations.length > 0 ? pl.operations.map((op) => ({ platform: pl.value, operation: op.value })) : [{ platform: pl.value, operation: undefined }],
	);
	return properties
		.filter((p) => {
			const show = p.displayOptions?.show;
			if (!show) return false;
			const reachable = combos.some((combo) =>
				Object.entries(show).every(([rawKey, allowed]) => {
					const key = rawKey.replace(/^\//, '');
					const list = (allowed ?? []) as unknown[];
					if (key === '@version') return list.includes(1);
					// The node and its AI-tool variant: one of them shows a field either way.
					if (key === '@tool') return list.includes(true) || list.includes(false);
					if (key === node.platformParameter) return list.includes(combo.platform);
					if (key === 'operation') return list.includes(combo.operation);
					return list.some((value) => choicesOf(key).includes(value));
				}),
			);
			return !reachable;
		})
		.map((p) => `${p.displayName} (${p.name}): displayOptions ${JSON.stringify(p.displayOptions)} match no platform/operation`);
}
