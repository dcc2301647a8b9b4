/**
 * Resource locators: the link → id reading (nodes/shared/fields/locator.ts), and what n8n itself
 * makes of the BUILT descriptions (dist/): the editor's validation of each mode, n8n-core's
 * extractValue on the By URL mode, and that every From List method a field names is wired in that
 * node's own methods.listSearch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// n8n-core's own reading of `getNodeParameter(…, { extractValue: true })`; it exports no public path to it.
import { extractValue } from 'n8n-core/dist/execution-engine/node-execution-context/utils/extract-value';
import { NodeHelpers, traverseNodeParameters } from 'n8n-workflow';
import type { FromAIArgument, INode, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { idFromLink } from '../../nodes/shared/fields/locator';
import type { LinkKind } from '../../nodes/shared/fields/locator';

const ROOT = join(__dirname, '..', '..', '..');
const ACTION_NODES = ['PandaponAfterSales', 'PandaponCart', 'PandaponLogistics', 'PandaponOrder', 'PandaponProduct'];

function loadBuilt(className: string): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(ROOT, 'dist', 'nodes', className, `${className}.node.js`)) as Record<string, new () => INodeType>;
	return new module[className]();
}

const NODES = Object.fromEntries(ACTION_NODES.map((name) => [name, loadBuilt(name)]));
const locators = (type: INodeType) => type.description.properties.filter((p) => p.type === 'resourceLocator');

const GOOD: Array<[LinkKind, string, string]> = [
	['1688Offer', 'https://detail.1688.com/offer/624981234567.html', '624981234567'],
	['1688Offer', 'http://detail.1688.com/offer/624981234567.html?spm=a26352.13672862.offerlist.1&tracelog=p4p', '624981234567'],
	['1688Offer', 'detail.1688.com/offer/624981234567.html#sku', '624981234567'],
	['1688Offer', '  https://m.1688.com/offer/655310028877.html  ', '655310028877'],
	['1688Offer', 'https://detail.1688.com/offer/6249812345678901234.html', '6249812345678901234'],
	['taobaoItem', 'https://item.taobao.com/item.htm?id=681234567890', '681234567890'],
	['taobaoItem', 'https://item.taobao.com/item.htm?spm=a21n57.1.0.0&id=681234567890&ns=1&abbucket=3#detail', '681234567890'],
	['taobaoItem', 'https://detail.tmall.com/item.htm?id=690011223344&skuId=5012233445501', '690011223344'],
	['taobaoItem', 'https://detail.tmall.com/item.htm?ali_refid=a3_430&id=9223372036854775807', '9223372036854775807'],
];

const BAD: Array<[LinkKind, string]> = [
	['1688Offer', 'https://detail.1688.com/offer/62498123456x.html'],
	['1688Offer', 'https://detail.1688.com/offer/.html'],
	['1688Offer', 'https://shop1234.1688.com/page/offerlist.htm'],
	['1688Offer', 'https://detail.1688.com.evil.example/offer/624981234567.html'],
	['1688Offer', 'https://detail.1688.com/offer/12345678901234567890.html'],
	['1688Offer', 'https://item.taobao.com/item.htm?id=681234567890'],
	['taobaoItem', 'https://item.taobao.com/item.htm?spm=a21n57.1.0.0'],
	['taobaoItem', 'https://item.taobao.com/item.htm?itemid=681234567890'],
	['taobaoItem', 'https://item.taobao.com/item.htm?id=68123456789o'],
	['taobaoItem', 'https://item.taobao.com/item.htm?id=12345678901234567890'],
	['taobaoItem', 'https://shop.taobao.com/item.htm?id=681234567890'],
	['taobaoItem', 'https://detail.1688.com/offer/624981234567.html'],
	['taobaoItem', '681234567890'],
];

describe('product links → ids', () => {
	it.each(GOOD)('%s: %s gives %s', (kind, link, id) => {
		expect(idFromLink(kind, link)).toBe(id);
	});

	it.each(BAD)('%s: %s gives nothing', (kind, link) => {
		expect(idFromLink(kind, link)).toBeUndefined();
	});

	it('keeps 19-digit ids as their exact digits (no pass through a JS number)', () => {
		const id = idFromLink('taobaoItem', 'https://item.taobao.com/item.htm?id=9007199254740993');
		expect(id).toBe('9007199254740993');
		// The number the digits would become is another id: had they passed through one, this would differ.
		expect(String(Number(id))).not.toBe(id);
	});
});

describe('resource locators in the built descriptions', () => {
	const where = (field: string) =>
		ACTION_NODES.filter((name) => locators(NODES[name]).some((p) => p.name === field)).sort();

	it('are on the fields users paste or pick, in every node that has them', () => {
		expect(where('orderId')).toEqual(['PandaponAfterSales', 'PandaponLogistics', 'PandaponOrder']);
		expect(where('offerId')).toEqual(['PandaponCart', 'PandaponProduct']);
		expect(where('itemId')).toEqual(['PandaponCart', 'PandaponProduct']);
		expect(where('addressId')).toEqual(['PandaponOrder']);
		const modes = (field: string) =>
			new Set(ACTION_NODES.flatMap((name) => locators(NODES[name]).filter((p) => p.name === field).map((p) => (p.modes ?? []).map((m) => m.name).join(','))));
		expect(modes('orderId')).toEqual(new Set(['list,id']));
		expect(modes('offerId')).toEqual(new Set(['id,url']));
		expect(modes('itemId')).toEqual(new Set(['id,url']));
		expect(modes('addressId')).toEqual(new Set(['list,id']));
		// No Order ID field was left a plain string in an operation acting on one order.
		for (const name of ACTION_NODES) {
			expect(NODES[name].description.properties.filter((p) => ['orderId', 'offerId', 'itemId'].includes(p.name) && p.type !== 'resourceLocator')).toEqual([]);
		}
	});

	it('name only From List methods their own node wires, and each node wires only what it uses', () => {
		for (const name of ACTION_NODES) {
			const used = new Set(
				locators(NODES[name]).flatMap((p) => (p.modes ?? []).map((m) => m.typeOptions?.searchListMethod).filter((m): m is string => !!m)),
			);
			expect({ name, wired: Object.keys(NODES[name].methods?.listSearch ?? {}).sort() }).toEqual({ name, wired: [...used].sort() });
		}
	});

	function issues(type: INodeType, property: INodeProperties, mode: string, value: string) {
		// The field counts only where it is shown: set what its displayOptions ask for.
		const shown = Object.entries(property.displayOptions?.show ?? {}).map(([key, values]) => [key, values?.[0]]);
		const parameters = { ...Object.fromEntries(shown), [property.name]: { __rl: true, mode, value } } as INodeParameters;
		const node = { parameters } as unknown as INode;
		return NodeHelpers.getParameterIssues(property, parameters, '', node, type.description).parameters?.[property.name] ?? [];
	}

	it("pass the editor's validation for good ids and links and fail it for bad ones", () => {
		for (const name of ACTION_NODES) {
			for (const property of locators(NODES[name])) {
				expect(issues(NODES[name], property, 'id', '2542285634920880794')).toEqual([]);
				expect(issues(NODES[name], property, 'id', '2542285634920880794x')).toEqual(['An ID is up to 19 digits']);
				const kind: LinkKind | undefined = property.name === 'offerId' ? '1688Offer' : property.name === 'itemId' ? 'taobaoItem' : undefined;
				if (!kind) continue;
				for (const [k, link] of GOOD) expect(issues(NODES[name], property, 'url', link)).toHaveLength(k === kind ? 0 : 1);
				for (const [k, link] of BAD) if (k === kind) expect(issues(NODES[name], property, 'url', link)).toHaveLength(1);
			}
		}
	});

	it("give the same id through n8n-core's extractValue (By URL) as through the node's own reading of a plain link", () => {
		for (const [name, field, kind, operation] of [
			['PandaponProduct', 'offerId', '1688Offer', { resource: '1688', operation: 'get' }],
			['PandaponCart', 'offerId', '1688Offer', { resource: '1688', operation: 'addItem' }],
			['PandaponProduct', 'itemId', 'taobaoItem', { resource: 'taobao', operation: 'get' }],
			['PandaponCart', 'itemId', 'taobaoItem', { resource: 'taobao', operation: 'addItem' }],
		] as const) {
			for (const [k, link, id] of GOOD) {
				if (k !== kind) continue;
				const value = { __rl: true, mode: 'url', value: link };
				const node = { name: 'N', type: name, typeVersion: 1, parameters: { ...operation, [field]: value } } as unknown as INode;
				expect(extractValue(value, field, node, NODES[name])).toBe(id);
			}
		}
	});
});

describe('the templates in examples/', () => {
	it('save every resource-locator parameter in the form the editor saves, {__rl, mode, value}', () => {
		const files = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
		const seen: string[] = [];
		for (const file of files) {
			const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as { nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }> };
			for (const node of workflow.nodes) {
				const className = ACTION_NODES.find((name) => node.type === `n8n-nodes-pandapon.${name[0].toLowerCase()}${name.slice(1)}`);
				if (!className) continue;
				for (const property of locators(NODES[className])) {
					const value = node.parameters[property.name];
					if (value === undefined) continue;
					seen.push(`${file} › ${node.name} › ${property.name}`);
					expect({ where: seen[seen.length - 1], value }).toEqual({ where: seen[seen.length - 1], value: { __rl: true, mode: expect.any(String), value: expect.any(String) } });
				}
			}
		}
		expect(seen.length).toBeGreaterThanOrEqual(5);
	});

	it("leave a $fromAI call inside a locator visible to n8n's tool builder, so the agent's argument stays offerId", () => {
		const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', 'sourcing-assistant.json'), 'utf8')) as { nodes: Array<{ name: string; parameters: INodeParameters }> };
		const getOffer = workflow.nodes.find((node) => node.name === 'Get 1688 Offer');
		expect(getOffer?.parameters.offerId).toMatchObject({ __rl: true, mode: 'id' });
		const calls: FromAIArgument[] = [];
		traverseNodeParameters(getOffer?.parameters, calls);
		expect(calls.map((call) => [call.key, call.type])).toEqual([['offerId', 'string']]);
	});
});
