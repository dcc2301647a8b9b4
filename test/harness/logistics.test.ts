import { LoadOptionsContext } from 'n8n-core';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode, INodeParameters, INodeType, INodeTypes, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { PandaponApi } from '../../credentials/PandaponApi.credentials';
import { PandaponLogistics } from '../../nodes/PandaponLogistics/PandaponLogistics.node';
import { trackingUrl } from '../../nodes/PandaponLogistics/actions/parcel';
import { warehouseOf } from '../../sandbox/handlers/logistics';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import type { Order } from '../../sandbox/state';
import { output, PACKAGE, runWorkflow, sandboxCredentials } from './engine';

const LOGISTICS = `${PACKAGE}.pandaponLogistics`;

const ADDRESS = { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号 仓库3号门' };
const EARRING_WHITE = '7f3a1c2e9b8d4f60a1b2c3d4e5f60718';
const KEYCHAIN = '9f5c3e4a1d0f6b82c3d4e5f60718293a';
const TSHIRT_M = 'a06d4f5b2e1a7c93d4e5f60718293a4b';

let sandbox: Sandbox;
let now: number;

beforeEach(async () => {
	// A fixed instant (second-aligned, within the signature window) so parcel times can be asserted.
	now = Math.floor(Date.now() / 1000) * 1000;
	sandbox = await startSandbox({ clock: () => now });
});

afterEach(async () => {
	const broken = sandbox.log.filter((e) => e.contractErrors ?? e.responseErrors);
	await sandbox.close();
	expect(broken).toEqual([]);
});

/** A 1688 order of one seller, paid unless told otherwise. */
function order(cargo: Array<{ offerId: number; specId: string; quantity: number }>, paid = true): Order {
	const lines = sandbox.state.cargoLines(cargo);
	const created = sandbox.state.createOrder(lines[0].sellerOpenId, lines.map((l) => l.line), { address: ADDRESS, flow: 'general' });
	return paid ? sandbox.state.pay(created.id) : created;
}

/** Seller A: 3 earrings (15 g) + 2 keychains (30 g) + 100 g packing = 205 g. */
const orderA = (paid = true) =>
	order(
		[
			{ offerId: 624981234567, specId: EARRING_WHITE, quantity: 3 },
			{ offerId: 631247789012, specId: KEYCHAIN, quantity: 2 },
		],
		paid,
	);
/** Seller B: 2 T-shirts (220 g) + 100 g packing = 540 g. */
const orderB = () => order([{ offerId: 655310028877, specId: TSHIRT_M, quantity: 2 }]);

function runError(run: Awaited<ReturnType<typeof runWorkflow>>) {
	return run.data.resultData.error as unknown as {
		name: string;
		message: string;
		context: { pandapon?: Record<string, unknown> };
	};
}

const calls = (endpoint: string) => sandbox.log.filter((e) => e.endpoint === endpoint);

describe('Pandapon Logistics (1688): Get Tracking', () => {
	it('outputs one Shopify-ready item per parcel and keeps partial shipments apart', async () => {
		const partly = orderA();
		const [earrings, keychains] = partly.lines.map((l) => l.subItemId.toString());
		sandbox.state.ship(partly.id, [earrings]);
		sandbox.state.ship(partly.id);
		const whole = orderB();
		sandbox.state.ship(whole.id);

		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: [{ json: { id: partly.id.toString() } }, { json: { id: whole.id.toString() } }],
			nodes: [{ name: 'Track', type: LOGISTICS, parameters: { resource: '1688', operation: 'getTracking', orderId: '={{ $json.id }}' } }],
		});
		expect(run.data.resultData.error).toBeUndefined();
		const parcels = output(run, 'Track');
		expect(parcels).toHaveLength(3);
		expect(parcels[0]).toEqual({
			orderId: '2542285634920880794',
			shipped: true,
			carrier: '圆通速递',
			carrierCode: 'YTO',
			trackingNumber: 'YTO7310000000001',
			trackingUrl: 'https://www.kuaidi100.com/chaxun?com=yuantong&nu=YTO7310000000001',
			subItemIds: [earrings],
			shippedAt: expect.stringMatching(/\+08:00$/),
			isPartial: true,
			events: [
				{ time: expect.stringMatching(/\+08:00$/), description: '卖家已发货 (shipped by seller)' },
				{ time: expect.any(String), description: '快件已揽收 (picked up)' },
			],
		});
		expect(Date.parse(parcels[0].shippedAt as string)).toBe(now);
		expect(Date.parse((parcels[0].events as Array<{ time: string }>)[0].time)).toBe(now);
		expect(parcels[1]).toMatchObject({ orderId: partly.id.toString(), carrierCode: 'ZTO', subItemIds: [keychains], isPartial: true });
		expect(parcels[2]).toMatchObject({
			orderId: whole.id.toString(),
			carrierCode: 'YTO',
			isPartial: false,
			subItemIds: [whole.lines[0].subItemId.toString()],
		});
		expect(calls('logistics1688Trace').map((e) => e.status)).toEqual([200, 200]);
	});

	it('gives {shipped: false} for an order without parcels, or nothing when asked', async () => {
		const waiting = orderA();
		const track = (outputUnshipped: boolean) =>
			runWorkflow({
				credentials: sandboxCredentials(sandbox),
				nodes: [
					{ name: 'Track', type: LOGISTICS, parameters: { resource: '1688', operation: 'getTracking', orderId: waiting.id.toString(), outputUnshipped } },
				],
			});
		expect(output(await track(true), 'Track')).toEqual([{ orderId: waiting.id.toString(), shipped: false }]);
		expect(output(await track(false), 'Track')).toEqual([]);
	});

	it('maps an unknown order to an API error, and refuses a malformed id before any request', async () => {
		const unknown = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [{ name: 'Track', type: LOGISTICS, parameters: { resource: '1688', operation: 'getTracking', orderId: '2542285634920000001' } }],
		});
		expect(runError(unknown).message).toBe('Pandapon refused the request: order 2542285634920000001 does not exist (code 4040)');
		expect(runError(unknown).context.pandapon).toMatchObject({ code: '4040', outcome: 'failed' });

		const before = sandbox.log.length;
		const bad = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [{ name: 'Track', type: LOGISTICS, parameters: { resource: '1688', operation: 'getTracking', orderId: '2542285634920880794x' } }],
		});
		expect(runError(bad).message).toBe('Order ID: "2542285634920880794x" is not a numeric ID of at most 19 digits');
		expect(sandbox.log.length).toBe(before);
	});

	it('builds tracking URLs only for carriers it knows', () => {
		expect(trackingUrl('sf', 'SF 1234')).toBe('https://www.kuaidi100.com/chaxun?com=shunfeng&nu=SF%201234');
		expect(trackingUrl('DHL', '1234567890')).toContain('tracking-id=1234567890');
		expect(trackingUrl('NOPE', '123')).toBe('');
		expect(trackingUrl('YTO', '')).toBe('');
	});
});

describe('Pandapon Logistics (1688): Get Companies', () => {
	it('lists carriers with Limit and Return All', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Some', type: LOGISTICS, parameters: { resource: '1688', operation: 'getCompanies', limit: 3 } },
				{ name: 'All', type: LOGISTICS, parameters: { resource: '1688', operation: 'getCompanies', returnAll: true }, executeOnce: true },
			],
		});
		const some = output(run, 'Some');
		expect(some).toHaveLength(3);
		expect(some[0]).toEqual({ id: '1', companyNo: 'SF', companyName: '顺丰速运', companyPhone: '95338', spelling: 'shunfeng' });
		expect(output(run, 'All').map((c) => c.companyNo)).toEqual(['SF', 'YTO', 'ZTO', 'STO', 'YUNDA', 'JD', 'EMS', 'DBL']);
		expect(calls('logistics1688Companies')).toHaveLength(2);
	});

	it('refuses a Limit of 0 before any request', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [{ name: 'Some', type: LOGISTICS, parameters: { resource: '1688', operation: 'getCompanies', limit: 0 } }],
		});
		expect(runError(run).message).toMatch(/^Limit: "?0"? is not a whole number .*$/);
		expect(calls('logistics1688Companies')).toHaveLength(0);
	});

	it('loads the carriers as dropdown options through n8n\'s load-options context', async () => {
		const options = await loadOptions('getLogisticsCompanies', sandboxCredentials(sandbox));
		expect(options).toHaveLength(8);
		expect(options).toContainEqual({ name: '圆通速递 (YTO)', value: 'YTO' });
		expect(calls('logistics1688Companies')).toHaveLength(1);
		expect(calls('logistics1688Companies')[0].status).toBe(200);
	});
});

describe('Pandapon Logistics (1688): Estimate Freight', () => {
	it('prices every channel for the weight and size, cheapest first, in fen with yuan beside', async () => {
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{
					name: 'Estimate',
					type: LOGISTICS,
					parameters: { resource: '1688', operation: 'estimateFreight', country: 'us', weight: 800, dimensions: { length: 30, width: 20, height: 10 } },
				},
			],
		});
		expect(run.data.resultData.error).toBeUndefined();
		// 30×20×10 cm: 750 g volumetric on Yanwen (÷8000), 1200 g on DHL (÷5000); China Post charges actual weight.
		expect(output(run, 'Estimate')).toEqual([
			{ channelCode: 'YW-LINE', channelName: expect.any(String), freightFen: 6000, freightYuan: 60, days: '7-12', chargeableWeightGrams: 800, country: 'US' },
			{ channelCode: 'CNPOST-SMALL', channelName: expect.any(String), freightFen: 7100, freightYuan: 71, days: '15-30', chargeableWeightGrams: 800, country: 'US' },
			{ channelCode: 'DHL-EXPRESS', channelName: expect.any(String), freightFen: 21000, freightYuan: 210, days: '3-5', chargeableWeightGrams: 1200, country: 'US' },
		]);
		expect(JSON.parse(calls('warehouseFreightEstimate')[0].body)).toEqual({ country: 'US', weight: 800, height: 10, length: 30, width: 20 });
	});

	it('maps "no channel" to an API error, and refuses half-given dimensions or a bad country before any request', async () => {
		const nowhere = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [{ name: 'Estimate', type: LOGISTICS, parameters: { resource: '1688', operation: 'estimateFreight', country: 'KP', weight: 800 } }],
		});
		expect(runError(nowhere).message).toBe('Pandapon refused the request: no channel ships 800 g to KP (code 4040)');
		expect(JSON.parse(calls('warehouseFreightEstimate')[0].body)).toEqual({ country: 'KP', weight: 800 });

		const half = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{ name: 'Estimate', type: LOGISTICS, parameters: { resource: '1688', operation: 'estimateFreight', country: 'US', weight: 800, dimensions: { length: 30 } } },
			],
		});
		expect(runError(half).message).toBe('Dimensions: give length, width and height together, or none of them');

		const country = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [{ name: 'Estimate', type: LOGISTICS, parameters: { resource: '1688', operation: 'estimateFreight', country: 'USA', weight: 800 } }],
		});
		expect(runError(country).message).toBe('Destination Country: "USA" is not a two-letter country code');
		expect(calls('warehouseFreightEstimate')).toHaveLength(1);
	});
});

describe('Pandapon Logistics (1688): Preview Order Freight', () => {
	it('prices paid orders consolidated on the cheapest channel, per order and in total', async () => {
		const a = orderA();
		const b = orderB();
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{
					name: 'Preview',
					type: LOGISTICS,
					parameters: { resource: '1688', operation: 'previewOrderFreight', orderIds: `${a.id}, ${b.id}`, country: 'GB' },
				},
			],
		});
		expect(run.data.resultData.error).toBeUndefined();
		expect(output(run, 'Preview')).toEqual([
			{
				country: 'GB',
				channelCode: 'YW-LINE',
				channelName: expect.any(String),
				days: '7-12',
				totalWeightGrams: 745,
				totalFreightFen: 6000,
				totalFreightYuan: 60,
				orders: [
					{ orderId: a.id.toString(), weightGrams: 205, freightFen: 3800, freightYuan: 38 },
					{ orderId: b.id.toString(), weightGrams: 540, freightFen: 6000, freightYuan: 60 },
				],
				requestId: expect.any(String),
			},
		]);
		expect(calls('warehouseOrderFreight')[0].body).toBe(`{"orderIds":["${a.id}","${b.id}"],"country":"GB"}`);
	});

	it('maps an unpaid order to an API conflict', async () => {
		const unpaid = orderA(false);
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{
					name: 'Preview',
					type: LOGISTICS,
					parameters: { resource: '1688', operation: 'previewOrderFreight', orderIds: unpaid.id.toString(), country: 'GB', channelCode: 'DHL-EXPRESS' },
				},
			],
		});
		expect(runError(run).message).toBe(
			`Pandapon refused the request: order ${unpaid.id} is waitbuyerpay; only paid orders go through the warehouse (code 4090)`,
		);
		expect(JSON.parse(calls('warehouseOrderFreight')[0].body)).toEqual({ orderIds: [unpaid.id.toString()], country: 'GB', channelCode: 'DHL-EXPRESS' });
	});
});

describe('Pandapon Logistics (1688): Create International Shipment', () => {
	const CONSIGNEE = {
		consignee: { name: 'Jane Doe', phone: '+1 415 555 0100', country: 'us', state: 'CA', city: 'San Francisco', address: '1 Market St', postcode: '94105' },
	};
	const shipment = (orderIds: string, safety: INodeParameters = {}) => ({
		name: 'Ship',
		type: LOGISTICS,
		parameters: { resource: '1688', operation: 'createShipment', orderIds, channelCode: 'YW-LINE', consignee: CONSIGNEE, declaredValue: 2500, safety },
	});

	it('creates the shipment once per idempotency key, with Max Total guarding the previewed freight', async () => {
		const a = orderA();
		const b = orderB();
		const ids = `${a.id},${b.id}`;
		const staticData = {};
		const first = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			staticData,
			workflowId: 'wf-ship-once',
			nodes: [shipment(ids, { idempotencyKey: 'shopify-1001', maxTotalFen: 6000 })],
		});
		expect(first.data.resultData.error).toBeUndefined();
		expect(output(first, 'Ship')).toEqual([
			{
				created: true,
				shipmentNo: 'WL0000000001',
				channelCode: 'YW-LINE',
				weightGrams: 745,
				freightFen: 6000,
				freightYuan: 60,
				orderIds: [a.id.toString(), b.id.toString()],
				requestId: expect.any(String),
				idempotencyKey: 'shopify-1001',
			},
		]);
		expect(JSON.parse(calls('warehouseShipmentCreate')[0].body)).toEqual({
			orderIds: [a.id.toString(), b.id.toString()],
			channelCode: 'YW-LINE',
			consignee: { name: 'Jane Doe', phone: '+1 415 555 0100', country: 'US', state: 'CA', city: 'San Francisco', address: '1 Market St', postcode: '94105' },
			declaredValue: 2500,
		});
		expect(calls('warehouseOrderFreight')).toHaveLength(1);

		const again = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			staticData,
			workflowId: 'wf-ship-once',
			nodes: [shipment(ids, { idempotencyKey: 'shopify-1001' })],
		});
		expect(output(again, 'Ship')).toEqual([{ duplicate: true, idempotencyKey: 'shopify-1001', earlierIds: ['WL0000000001'] }]);
		expect(warehouseOf(sandbox.state).shipments.size).toBe(1);
		expect(sandbox.state.writeCounts.get('/alibaba/warehouse/logistics/create')).toBe(1);
	});

	it('stops before creating when the freight is above Max Total, and a dry run creates nothing', async () => {
		const a = orderA();
		const b = orderB();
		const over = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [shipment(`${a.id},${b.id}`, { maxTotalFen: 5999 })],
		});
		expect(runError(over).message).toBe(
			'Safety › Max Total (Fen): the previewed total 6000 fen (¥60) is above the limit of 5999 fen; nothing was created or paid',
		);
		const dry = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [shipment(`${a.id}`, { dryRun: true })],
		});
		expect(output(dry, 'Ship')).toEqual([
			expect.objectContaining({ dryRun: true, totalFen: 3800, totalYuan: 38, preview: expect.objectContaining({ channelCode: 'YW-LINE' }) }),
		]);
		expect(calls('warehouseOrderFreight')).toHaveLength(2);
		expect(calls('warehouseShipmentCreate')).toHaveLength(0);
		expect(warehouseOf(sandbox.state).shipments.size).toBe(0);
	});

	it('maps an order already in a shipment to an API conflict, and refuses a missing consignee field before any request', async () => {
		const a = orderA();
		warehouseOf(sandbox.state).createShipment({
			orderIds: [a.id.toString()],
			channelCode: 'DHL-EXPRESS',
			consignee: { name: 'X', phone: '1', country: 'US', city: 'Y', address: 'Z' },
			declaredValueFen: 100,
		});
		const taken = await runWorkflow({ credentials: sandboxCredentials(sandbox), nodes: [shipment(a.id.toString())] });
		expect(runError(taken).message).toBe(`Outcome unknown: order ${a.id} is already in shipment WL0000000001 (code 4090)`);
		expect(runError(taken).context.pandapon).toMatchObject({ code: '4090', outcome: 'unknown' });

		const noCity = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [{ ...shipment(a.id.toString()), parameters: { ...shipment(a.id.toString()).parameters, consignee: { consignee: { ...CONSIGNEE.consignee, city: ' ' } } } }],
		});
		expect(runError(noCity).message).toBe('Consignee › City: is required');
		expect(calls('warehouseShipmentCreate')).toHaveLength(1);
	});
});

describe('Pandapon Logistics (1688): Update Domestic Tracking', () => {
	it('tells the warehouse the domestic parcel of an order', async () => {
		const a = orderA();
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			nodes: [
				{
					name: 'Domestic',
					type: LOGISTICS,
					parameters: { resource: '1688', operation: 'updateDomesticTracking', orderId: a.id.toString(), carrierCode: 'SF', trackingNumber: 'SF1402228899' },
				},
			],
		});
		expect(output(run, 'Domestic')).toEqual([
			{ updated: true, orderId: a.id.toString(), carrierCode: 'SF', trackingNumber: 'SF1402228899', requestId: expect.any(String) },
		]);
		expect(calls('warehouseDomesticUpdate')[0].body).toBe(`{"orderId":"${a.id}","logisticsCompanyNo":"SF","logisticsBillNo":"SF1402228899"}`);
		expect(warehouseOf(sandbox.state).domestic.get(a.id.toString())).toEqual([{ logisticsCompanyNo: 'SF', logisticsBillNo: 'SF1402228899', at: now }]);
	});

	it('maps an unknown carrier to an API error, and refuses a malformed tracking number before any request', async () => {
		const a = orderA();
		const domestic = (carrierCode: string, trackingNumber: string) =>
			runWorkflow({
				credentials: sandboxCredentials(sandbox),
				nodes: [{ name: 'Domestic', type: LOGISTICS, parameters: { resource: '1688', operation: 'updateDomesticTracking', orderId: a.id.toString(), carrierCode, trackingNumber } }],
			});
		const unknown = await domestic('XYZ', 'SF1402228899');
		expect(runError(unknown).message).toBe('Outcome unknown: unknown logistics company XYZ (code 4000)');
		expect(runError(unknown).context.pandapon).toMatchObject({ code: '4000', outcome: 'unknown' });

		const bad = await domestic('SF', 'SF 14');
		expect(runError(bad).message).toBe('Tracking Number: "SF 14" is not a tracking number (6–40 letters, digits or dashes)');
		expect(calls('warehouseDomesticUpdate')).toHaveLength(1);
		expect(warehouseOf(sandbox.state).domestic.size).toBe(0);
	});
});

/**
 * Runs one of the Logistics node's load-options methods through n8n-core's LoadOptionsContext,
 * with the package credential's own `authenticate` signing the request.
 */
async function loadOptions(method: string, credentials: ICredentialDataDecryptedObject) {
	const nodeType = new PandaponLogistics();
	const nodeTypes = {
		getByName: () => nodeType as INodeType,
		getByNameAndVersion: () => NodeHelpers.getVersionedNodeType(nodeType as INodeType, 1),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = {
		id: '1',
		name: 'Logistics',
		type: LOGISTICS,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: '1688', operation: 'updateDomesticTracking' },
		credentials: { pandaponApi: { id: 'cred-1', name: 'Pandapon sandbox' } },
	};
	const workflow = new Workflow({ id: 'wf-options', nodes: [node], connections: {}, nodeTypes, active: false });
	const credentialType = new PandaponApi();
	const additionalData = {
		credentialsHelper: {
			getParentTypes: () => [],
			isCredentialUsableByNode: () => true,
			getDecrypted: async () => ({ ...credentials }),
			authenticate: async (data: ICredentialDataDecryptedObject, _type: string, request: IHttpRequestOptions) =>
				await credentialType.authenticate(data, request),
			preAuthentication: async () => undefined,
			runPreAuthentication: async () => undefined,
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.carrierCode');
	return await nodeType.methods.loadOptions[method as 'getLogisticsCompanies'].call(context);
}
