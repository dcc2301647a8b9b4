/**
 * The Shopify template's Pandapon part through n8n's real engine against the sandbox: a forged
 * "shipped" callback (right token, made-up claim) for an order that has not shipped must give the
 * Shopify nodes nothing to act on, while a real shipment gives them Pandapon's tracking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IConnections, IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { output, runWorkflow, sandboxCredentials } from './engine';
import { placeOrder } from './placeOrder';

interface TemplateJson {
	nodes: Array<{ name: string; type: string; parameters: INodeParameters }>;
	connections: IConnections;
}

const template = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'shipped-to-shopify.json'), 'utf8')) as TemplateJson;
/** The template's own nodes up to the first one that is not ours (Shopify Order ID), as they are. */
const pandaponPart = template.nodes.filter((n) => n.type.startsWith('n8n-nodes-pandapon.'));
const ours = new Set(pandaponPart.map((n) => n.name));
const connections: IConnections = Object.fromEntries(
	Object.entries(template.connections)
		.filter(([from]) => ours.has(from))
		.map(([from, byType]) => [from, { main: (byType.main ?? []).map((targets) => (targets ?? []).filter((t) => ours.has(t.node))) }]),
);

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	await sandbox.close();
});

/** What the trigger's webhook hands n8n for a "shipped" message naming this order, whatever its body claims. */
const shippedCallback = (orderId: string, n: number): IDataObject => ({
	event: 'shipped',
	messageType: '1688_ORDER_BUYER_VIEW_ORDER_SELLER_SEND',
	messageId: String(n).repeat(32).slice(0, 32),
	platform: '1688',
	orderId,
	orderIds: [orderId],
	messageBody: { baseInfo: { idOfStr: orderId, buyerFeedback: 'Shopify #666', status: 'waitbuyerreceive' } },
});

const run = (item: IDataObject) =>
	runWorkflow({ credentials: sandboxCredentials(sandbox), items: [{ json: item }], nodes: pandaponPart, connections });

describe('template: shipped order to Shopify fulfillment', () => {
	it('a forged "shipped" callback for an unshipped order gives the Shopify nodes nothing', async () => {
		const order = placeOrder(sandbox, 1);
		sandbox.state.pay(order.id);
		const result = await run(shippedCallback(order.id.toString(), 1));
		expect(result.data.resultData.error).toBeUndefined();
		expect(output(result, 'Get Order')[0]).toMatchObject({ baseInfo: { idOfStr: order.id.toString() } });
		expect(output(result, 'Get Tracking')).toEqual([]);
	});

	it('a real shipment reaches the Shopify nodes with the tracking and buyer note Pandapon answers', async () => {
		const order = placeOrder(sandbox, 1);
		sandbox.state.pay(order.id);
		sandbox.state.ship(order.id);
		const result = await run(shippedCallback(order.id.toString(), 2));
		const parcels = output(result, 'Get Tracking');
		expect(parcels).toHaveLength(1);
		expect(parcels[0]).toMatchObject({ orderId: order.id.toString(), trackingNumber: expect.any(String) });
		expect(output(result, 'Get Order')[0]).toHaveProperty('baseInfo.buyerFeedback');
	});
});
