import type { IExecuteFunctions, INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { inputError } from '../errors';
import { checkId } from '../params';

/**
 * Resource locators for the ids users paste or pick: Order ID, 1688 Offer ID, Taobao Item ID and
 * Saved Address. One builder makes every such field and one reader reads them, so the modes, the
 * URL shapes and the id rule cannot drift apart between nodes.
 */

/** Product pages whose address carries the id, and how to find it there. */
export type LinkKind = '1688Offer' | 'taobaoItem';

interface LinkShape {
	/** Pattern with exactly one group, the id: n8n's `extractValue` takes group 1 and refuses any other count. */
	pattern: string;
	example: string;
	what: string;
}

/**
 * The query may carry other parameters around `id` (spm=…, ns=1, …); a lookbehind is avoided so the
 * pattern runs in every JavaScript engine n8n's editor may use. Ids are matched as at most 19 digits
 * with a boundary after them, so "id=12345abc" is not read as 12345.
 */
const LINKS: Record<LinkKind, LinkShape> = {
	'1688Offer': {
		pattern: '^\\s*(?:https?://)?(?:detail|m)\\.1688\\.com/offer/(\\d{1,19})\\.html(?:[?#].*)?\\s*$',
		example: 'https://detail.1688.com/offer/624981234567.html',
		what: 'a 1688 offer link',
	},
	taobaoItem: {
		pattern: '^\\s*(?:https?://)?(?:item\\.taobao\\.com|detail\\.tmall\\.com)/item\\.htm\\?(?:[^#]*?&)?id=(\\d{1,19})(?:[&#].*)?\\s*$',
		example: 'https://item.taobao.com/item.htm?id=681234567890',
		what: 'a Taobao or Tmall item link',
	},
};

/** The id in a product page address, as text; undefined when the text is not such an address. */
export function idFromLink(kind: LinkKind, text: string): string | undefined {
	return new RegExp(LINKS[kind].pattern, 'i').exec(text)?.[1];
}

/** True when the text looks like an address at all (so a wrong one is reported as a wrong link). */
function looksLikeLink(text: string): boolean {
	return /^\s*(?:https?:\/\/|[\w-]+(?:\.[\w-]+)+\/)/i.test(text);
}

export interface LocatorOptions {
	displayName: string;
	name: string;
	description: string;
	/** An example id for the By ID placeholder. */
	example: string;
	/** The node's `methods.listSearch` method offering the From List mode; none where the API lists nothing. */
	searchMethod?: string;
	/** The page address the By URL mode reads the id from; none where there is no such page. */
	link?: LinkKind;
	required?: boolean;
	/** The default value (From List when there is a list, else By ID). */
	value?: string;
	cachedResultName?: string;
}

/** A resource-locator field: From List (if searchable), By ID and By URL (if the id lives in a link). */
export function locatorField(options: LocatorOptions): INodeProperties {
	const link = options.link === undefined ? undefined : LINKS[options.link];
	const field: INodeProperties = {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		required: options.required ?? true,
		default: {
			mode: options.searchMethod ? 'list' : 'id',
			value: options.value ?? '',
			...(options.cachedResultName ? { cachedResultName: options.cachedResultName } : {}),
		},
		description: options.description,
		// Every mode is written here, under `modes`, and the ones the field lacks are dropped below.
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${options.displayName.replace(/ ID$/, '').toLowerCase()}...`,
				typeOptions: { searchListMethod: options.searchMethod ?? '', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${options.example}`,
				// Empty passes here: whether a value is needed is the field's `required`, which n8n checks itself.
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d{0,19}\\s*$', errorMessage: 'An ID is up to 19 digits' } }],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${link?.example ?? ''}`,
				validation: [{ type: 'regex', properties: { regex: link?.pattern ?? '', errorMessage: `Not ${link?.what ?? 'a link'}` } }],
				extractValue: { type: 'regex', regex: link?.pattern ?? '' },
			},
		],
	};
	const wanted = (mode: INodePropertyMode) => (mode.name === 'list' ? !!options.searchMethod : mode.name === 'url' ? !!link : true);
	return { ...field, modes: (field.modes ?? []).filter(wanted) };
}

/** The value inside a `{__rl, mode, value}`; anything else (a plain string, a number) as it is. */
export function locatorValue(raw: unknown): unknown {
	return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'value' in raw ? (raw as { value: unknown }).value : raw;
}

/**
 * A locator's value for item `i`, before the id rule: `{__rl, mode, value}` as the editor saves it,
 * or a plain string (workflows saved before the field was a locator, and `$fromAI(...)` or other
 * expressions that give the id or the link as text). A link of the field's kind becomes its id.
 */
export function readLocatorValue(ctx: IExecuteFunctions, name: string, label: string, i: number, link?: LinkKind): unknown {
	let raw: unknown;
	try {
		// n8n applies the By URL mode's own pattern here, so the editor and the node read links alike.
		raw = ctx.getNodeParameter(name, i, undefined, { extractValue: true });
	} catch {
		// n8n's own message ("…parameter's value is invalid") names no item and says nothing of the shape wanted.
		raw = ctx.getNodeParameter(name, i);
	}
	const value = locatorValue(raw);
	if (typeof value !== 'string' || !link || !looksLikeLink(value)) return value;
	const id = idFromLink(link, value);
	if (id === undefined) {
		const shown = value.trim().length > 80 ? `${value.trim().slice(0, 80)}…` : value.trim();
		throw inputError(ctx.getNode(), i, label, `"${shown}" is not ${LINKS[link].what}`, `Paste a link such as ${LINKS[link].example}, or the ID alone.`);
	}
	return id;
}

/** A locator's id for item `i` as exact digits (a bigint, for bodies that take an integer). */
export function readLocatorId(ctx: IExecuteFunctions, name: string, label: string, i: number, link?: LinkKind): bigint {
	return checkId(ctx, readLocatorValue(ctx, name, label, i, link), label, i);
}

/** The same, for APIs that type the id as a string; the digits rule still applies so typos fail early. */
export function readLocatorIdText(ctx: IExecuteFunctions, name: string, label: string, i: number, link?: LinkKind): string {
	return readLocatorId(ctx, name, label, i, link).toString();
}
