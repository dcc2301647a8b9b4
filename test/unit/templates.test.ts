/**
 * The templates in examples/ carry no secret and trust no callback body: whoever reads the
 * repository must not be able to forge a call that a template acts on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { withWebhookIds } from '../../scripts/start';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLES = join(ROOT, 'examples');

interface WorkflowJson {
	nodes: Array<{ name: string; type: string; webhookId?: string; parameters: Record<string, unknown> }>;
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
const read = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8');

/** Nodes reachable from `from` without passing through a node `stop` accepts. */
function reachable(workflow: WorkflowJson, from: string, stop: (name: string) => boolean): Set<string> {
	const seen = new Set<string>();
	const queue = [from];
	while (queue.length > 0) {
		const name = queue.shift()!;
		for (const next of (workflow.connections[name]?.main ?? []).flat()) {
			if (seen.has(next.node) || stop(next.node)) continue;
			seen.add(next.node);
			queue.push(next.node);
		}
	}
	return seen;
}

describe('templates', () => {
	it.each(files)('%s carries no webhookId and no token', (file) => {
		const text = read(file);
		expect(text).not.toMatch(/webhookId/i);
		expect(text).not.toMatch(/"token"\s*:/i);
		expect(text).not.toMatch(/change-?me/i);
		// A token written into a URL: ?token= followed by anything but a placeholder in angle brackets.
		expect(text).not.toMatch(/[?&]token=(?!<)[^\s"`]+/);
		expect(text).not.toMatch(/x-pandapon-token/i);
	});

	it.each(['shipped-to-shopify.json', 'price-status-to-slack.json'])('%s re-reads the order from Pandapon (Order › Get) before anything acts on a callback', (file) => {
		const workflow = JSON.parse(read(file)) as WorkflowJson;
		const byName = new Map(workflow.nodes.map((n) => [n.name, n]));
		const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-pandapon.pandaponTrigger');
		expect(trigger).toBeDefined();
		const isGetOrder = (name: string) => byName.get(name)?.type === 'n8n-nodes-pandapon.pandaponOrder' && byName.get(name)?.parameters.operation === 'get';
		const acting = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.slack' || (n.type === 'n8n-nodes-base.httpRequest' && n.parameters.method === 'POST'));
		expect(acting.length).toBeGreaterThan(0);
		const beforeGetOrder = reachable(workflow, trigger!.name, isGetOrder);
		for (const node of acting) expect(beforeGetOrder.has(node.name)).toBe(false);
		expect([...reachable(workflow, trigger!.name, () => false)].some(isGetOrder)).toBe(true);
		// Nothing after the trigger reads what the callback claimed except the order id Get Order looks up.
		const after = workflow.nodes.filter((n) => n.name !== trigger!.name && !isGetOrder(n.name));
		expect(JSON.stringify(after)).not.toContain("$('Pandapon Trigger').item.json.messageBody");
		expect(JSON.stringify(after)).not.toContain("$('Pandapon Trigger').item.json.order");
	});

	it('npm start gives every imported trigger a webhookId of its own', () => {
		const a = JSON.parse(withWebhookIds(read('shipped-to-shopify.json'))) as WorkflowJson;
		const b = JSON.parse(withWebhookIds(read('shipped-to-shopify.json'))) as WorkflowJson;
		const idOf = (w: WorkflowJson) => w.nodes.find((n) => n.type.endsWith('.pandaponTrigger'))?.webhookId;
		expect(idOf(a)).toMatch(/^[0-9a-f-]{36}$/);
		expect(idOf(a)).not.toBe(idOf(b));
	});
});
