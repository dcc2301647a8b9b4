/**
 * The bad-input corpus: inputs users really send (typos in sheets, ids that already went through a
 * JS number, empty lists, JSON that does not parse, objects where text belongs, binaries that are
 * not images…). Each must stop with a NodeOperationError naming the parameter, with the item as its itemIndex, and
 * the sandbox must receive no request for that item.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox/server';
import { PACKAGE, runWorkflow, sandboxCredentials } from '../harness/engine';

export interface BadInput {
	name: string;
	type: string;
	parameters: IDataObject;
	json?: IDataObject;
	binary?: INodeExecutionData['binary'];
	/** The parameter the message must name. */
	parameter: string;
}

const ADDRESS = { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' };
const cart = (operation: string, extra: IDataObject) => ({ type: 'pandaponCart', parameters: { resource: '1688', operation, ...extra } });
const order = (operation: string, extra: IDataObject) => ({ type: 'pandaponOrder', parameters: { resource: '1688', operation, ...extra } });
const create = (line: IDataObject, address: IDataObject = ADDRESS) =>
	order('create', { flow: 'general', lines: { line: [{ offerId: '672200114455', quantity: 1, ...line }] }, shippingAddress: { address } });

const BAD_IDS: Array<[string, unknown]> = [
	['negative id', '-5'],
	['fractional id', '12.5'],
	['25-digit id', '2542285634920880794123456'],
	['non-numeric id', 'ORD-2542'],
	['id that lost precision as a JS number', 2542285634920880600],
	['id with a leading zero', '0123'],
	['id as an object', { id: 1 }],
	['empty id', ''],
];

const BAD_QUANTITIES: Array<[string, unknown]> = [
	['zero quantity', 0],
	['negative quantity', -1],
	['fractional quantity', 1.5],
	['text quantity', 'three'],
	['huge quantity', 10_000_000],
];

export const BAD_INPUTS: BadInput[] = [
	...BAD_IDS.map(([name, id]) => ({ name: `Order Get: ${name}`, ...order('get', { orderId: '={{ $json.id }}' }), json: { id }, parameter: 'Order ID' })),
	...BAD_IDS.map(([name, id]) => ({ name: `Cart Update Quantity: ${name}`, ...cart('updateQuantity', { cartId: '={{ $json.id }}', quantity: 1 }), json: { id }, parameter: 'Cart ID' })),
	...BAD_IDS.filter(([name]) => name !== 'empty id').map(([name, id]) => ({
		name: `Order Cancel: ${name}`,
		...order('cancel', { orderId: '={{ $json.id }}', cancelReason: 'x' }),
		json: { id },
		parameter: 'Order ID',
	})),
	...BAD_QUANTITIES.map(([name, q]) => ({ name: `Cart Add Item: ${name}`, ...cart('addItem', { offerId: '672200114455', quantity: '={{ $json.q }}' }), json: { q }, parameter: 'Quantity' })),
	...BAD_QUANTITIES.map(([name, q]) => ({ name: `Order Create: ${name}`, ...create({ quantity: '={{ $json.q }}' }), json: { q }, parameter: 'Lines › Line 1 › Quantity' })),
	...(['fullName', 'provinceText', 'cityText', 'address'] as const).map((field) => ({
		name: `Order Create: address without ${field}`,
		// From an expression that gives nothing: left empty in the form, n8n's own required check stops it first.
		...create({}, { ...ADDRESS, [field]: '={{ "" }}' }),
		parameter: 'Shipping Address',
	})),
	{ name: 'Order Create: address without mobile or phone', ...create({}, { ...ADDRESS, mobile: '' }), parameter: 'Shipping Address › Mobile' },
	{ name: 'Order Create: address as an object', ...create({}, { ...ADDRESS, address: '={{ { street: 1 } }}' }), parameter: 'Shipping Address › Street Address' },
	{ name: 'Order Create: 300-character name', ...create({}, { ...ADDRESS, fullName: 'x'.repeat(300) }), parameter: 'Shipping Address › Full Name' },
	{ name: 'Order Create: no lines', ...order('create', { flow: 'general', lines: { line: [] }, shippingAddress: { address: ADDRESS } }), parameter: 'Lines' },
	{ name: 'Order Create: offer id lost as a number', ...create({ offerId: 2542285634920880600 }), parameter: 'Lines › Line 1 › Offer ID' },
	{ name: 'Order Create: negative Max Total', ...order('create', { flow: 'general', lines: { line: [{ offerId: '672200114455', quantity: 1 }] }, shippingAddress: { address: ADDRESS }, safety: { maxTotalFen: -1 } }), parameter: 'Safety › Max Total (Fen)' },
	{ name: 'Cart Create Order: empty cart id list', ...cart('createOrder', { cartIds: '={{ $json.ids }}', flow: 'general', shippingAddress: { address: ADDRESS } }), json: { ids: '' }, parameter: 'Cart IDs' },
	{ name: 'Cart Create Order: cart ids with a word', ...cart('createOrder', { cartIds: '100001, abc', flow: 'general', shippingAddress: { address: ADDRESS } }), parameter: 'Cart IDs' },
	{ name: 'Cart Remove Items: empty list from an expression', ...cart('removeItems', { cartIds: '={{ [] }}' }), parameter: 'Cart IDs' },
	{ name: 'Cart Add Item: spec id as an object', ...cart('addItem', { offerId: '672200114455', specId: '={{ { a: 1 } }}', quantity: 1 }), parameter: 'Spec ID' },
	{ name: 'Cart Add Item: 100-character spec id', ...cart('addItem', { offerId: '672200114455', specId: 'x'.repeat(100), quantity: 1 }), parameter: 'Spec ID' },
	{ name: 'Cart Get Many: Limit 0', ...cart('getMany', { limit: 0 }), parameter: 'Limit' },
	{ name: 'Order Get Many: Limit -3', ...order('getMany', { limit: -3 }), parameter: 'Limit' },
	{ name: 'Order Pay in Bulk: no order ids', ...order('payInBulk', { orderIds: '={{ $json.ids }}' }), json: { ids: [] }, parameter: 'Order IDs' },
	{ name: 'Order Get Payment Link: id with letters', ...order('getPaymentLink', { orderId: 'x1' }), parameter: 'Order ID' },
	{
		name: 'Taobao Order Create: order lines JSON that does not parse',
		type: 'pandaponOrder',
		parameters: { resource: 'taobao', operation: 'create', orderLinesJson: '[{"itemId": "681234567890",', receiver: { address: { name: 'x', mobilePhone: '1', state: 's', city: 'c', address: 'a' } } },
		parameter: 'Order Lines (JSON)',
	},
	{
		name: 'Product Search by Image: missing binary property',
		type: 'pandaponProduct',
		parameters: { resource: '1688', operation: 'searchByImage', imageSource: 'binary', binaryPropertyName: 'photo' },
		parameter: 'Input Binary Field',
	},
	{
		name: 'Product Search by Image: binary that is not an image',
		type: 'pandaponProduct',
		parameters: { resource: '1688', operation: 'searchByImage', imageSource: 'binary', binaryPropertyName: 'data' },
		binary: { data: { data: 'JVBERi0=', mimeType: 'application/pdf', fileName: 'a.pdf' } },
		parameter: 'Input Binary Field',
	},
	{
		name: 'Product Search by Image: URL that is not http(s)',
		type: 'pandaponProduct',
		parameters: { resource: '1688', operation: 'searchByImage', imageSource: 'url', imageUrl: 'ftp://x/y.jpg' },
		parameter: 'Image URL',
	},
	{ name: 'Product Search: empty keyword', type: 'pandaponProduct', parameters: { resource: '1688', operation: 'search', keyword: '  ' }, parameter: 'Keyword' },
	{ name: 'Logistics Get Tracking: id lost as a number', type: 'pandaponLogistics', parameters: { resource: '1688', operation: 'getTracking', orderId: '={{ $json.id }}' }, json: { id: 2542285634920880600 }, parameter: 'Order ID' },
	{ name: 'After-Sales Get: refund id without TQ', type: 'pandaponAfterSales', parameters: { resource: '1688', operation: 'get', refundId: '12345' }, parameter: 'Refund ID' },
];

export interface BadInputResult {
	name: string;
	passed: boolean;
	message: string;
	requests: number;
}

/** Runs one case; the error must be the node's, name the parameter and item 0, and nothing may be sent. */
export async function runBadInput(c: BadInput): Promise<BadInputResult> {
	const sandbox = await startSandbox();
	try {
		// n8n itself refuses empty required parameters before running; the corpus is about what reaches the node.
		const run = await runWorkflow({
			credentials: sandboxCredentials(sandbox),
			items: [{ json: c.json ?? {}, binary: c.binary }],
			nodes: [{ name: 'Node', type: `${PACKAGE}.${c.type}`, parameters: c.parameters as INodeParameters }],
		});
		const error = run.data.resultData.error;
		const message = error?.message ?? '(no error)';
		const passed = error?.name === 'NodeOperationError' && message.startsWith(c.parameter) && (error?.context as { itemIndex?: number } | undefined)?.itemIndex === 0 && !/\[item/.test(message) && sandbox.log.length === 0;
		return { name: c.name, passed, message, requests: sandbox.log.length };
	} finally {
		await sandbox.close();
	}
}
