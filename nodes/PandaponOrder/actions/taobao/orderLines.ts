import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonBig, toIdDigits } from '../../../shared/bigJson';
import { inputError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { checkText } from '../../../shared/params';
import { readReceiver, receiverProperty } from '../../../shared/fields/taobaoReceiver';

/** One `orderLineList` entry as the API documents it (doc-en/api-263477610); ids as digit strings. */
export interface TaobaoOrderLine {
	itemId: string;
	orderLineNo: string;
	quantity: number;
	price: number;
	currency: 'CNY';
	skuId: string;
}

const MAX_LINES = 100;
const MAX_QUANTITY = 1_000_000;
const MAX_PRICE_FEN = 100_000_000;
const LINE_KEYS = new Set(['itemId', 'skuId', 'quantity', 'price', 'orderLineNo', 'currency']);

const orderLineFields: INodeProperties[] = [
	{
		displayName: 'Order Lines',
		name: 'orderLines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		description: 'The SKUs to buy. Lines from Order Lines (JSON) are added after these.',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Item ID',
						name: 'itemId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 681234567890',
						description: 'The Taobao item ID: the number in the link of the item on item.taobao.com',
					},
					{
						displayName: 'Order Line Number',
						name: 'orderLineNo',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1',
						description: 'Your own number for the line, unique in the order; empty numbers the lines 1, 2, 3…',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1, numberPrecision: 0 },
						default: 1,
					},
					{
						displayName: 'SKU ID',
						name: 'skuId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 4961234500001',
					},
					{
						displayName: 'Unit Price (Fen)',
						name: 'price',
						type: 'number',
						// No price is a safe default, so the field starts empty-like at 0 (valid in the form) and a
						// line left at 0 is refused when the node runs rather than bought at a made-up price.
						typeOptions: { minValue: 0, numberPrecision: 0 },
						default: 0,
						required: true,
						description: 'The price you expect to pay per unit, in fen (100 = ¥1); Preview or Product › Get gives the current one. 0 is refused.',
					},
				],
			},
		],
	},
	{
		displayName: 'Order Lines (JSON)',
		name: 'orderLinesJson',
		type: 'json',
		default: '[]',
		placeholder: 'e.g. [{"itemId": "681234567890", "skuId": "4961234500001", "quantity": 2, "price": 12900}]',
		description:
			'More lines as a JSON array of {itemId, skuId, quantity, price (fen), orderLineNo (optional)}, e.g. from an expression over a shop order\'s line items',
	},
];

/** The order fields shared by Preview and Create: lines, then the receiver. */
export function orderInputFields(operation: string): INodeProperties[] {
	return forOperation('taobao', operation, [...orderLineFields, receiverProperty(undefined)]);
}

function linesFromJson(ctx: IExecuteFunctions, i: number): unknown[] {
	const label = 'Order Lines (JSON)';
	const raw = ctx.getNodeParameter('orderLinesJson', i, '[]') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return [];
		try {
			value = parseJsonBig(raw);
		} catch {
			throw inputError(ctx.getNode(), i, label, 'is not valid JSON', 'Give a JSON array of line objects.');
		}
	}
	if (!Array.isArray(value)) throw inputError(ctx.getNode(), i, label, 'must be a JSON array of line objects');
	return value;
}

function wholeNumber(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

function checkLine(ctx: IExecuteFunctions, i: number, raw: unknown, label: string): TaobaoOrderLine {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw inputError(ctx.getNode(), i, label, 'must be an object with itemId, skuId, quantity and price');
	}
	const line = raw as IDataObject;
	const unknown = Object.keys(line).filter((key) => !LINE_KEYS.has(key));
	if (unknown.length > 0) {
		throw inputError(ctx.getNode(), i, label, `unknown field ${unknown.map((k) => `"${k}"`).join(', ')}`, 'Lines take itemId, skuId, quantity, price and orderLineNo.');
	}
	const id = (key: 'itemId' | 'skuId', name: string) => {
		const digits = toIdDigits(line[key]);
		if (digits === undefined) throw inputError(ctx.getNode(), i, `${label} › ${name}`, 'is not a numeric ID of at most 19 digits');
		return digits;
	};
	const quantity = wholeNumber(line.quantity);
	if (quantity === undefined || quantity < 1 || quantity > MAX_QUANTITY) {
		throw inputError(ctx.getNode(), i, `${label} › Quantity`, `must be a whole number from 1 to ${MAX_QUANTITY}`);
	}
	const price = wholeNumber(line.price);
	if (price === undefined || price < 1 || price > MAX_PRICE_FEN) {
		throw inputError(ctx.getNode(), i, `${label} › Unit Price (Fen)`, `must be a whole number of fen from 1 to ${MAX_PRICE_FEN} (100 = ¥1)`);
	}
	if (line.currency !== undefined && line.currency !== 'CNY') {
		throw inputError(ctx.getNode(), i, `${label} › Currency`, 'Taobao orders are in CNY only');
	}
	return {
		itemId: id('itemId', 'Item ID'),
		skuId: id('skuId', 'SKU ID'),
		quantity,
		price,
		currency: 'CNY',
		orderLineNo: checkText(ctx, line.orderLineNo, `${label} › Order Line Number`, i, { maxLength: 64 }),
	};
}

/** The lines of item `i` (fields, then JSON), checked and numbered; at least one is required. */
export function readOrderLines(ctx: IExecuteFunctions, i: number): TaobaoOrderLine[] {
	const fromFields = (ctx.getNodeParameter('orderLines.line', i, []) ?? []) as unknown[];
	const fromJson = linesFromJson(ctx, i);
	const lines = [
		...fromFields.map((raw, n) => checkLine(ctx, i, raw, `Order Lines › line ${n + 1}`)),
		...fromJson.map((raw, n) => checkLine(ctx, i, raw, `Order Lines (JSON) › line ${n + 1}`)),
	];
	if (lines.length === 0) {
		throw inputError(ctx.getNode(), i, 'Order Lines', 'at least one line is required', 'Add a line, or give lines in Order Lines (JSON).');
	}
	if (lines.length > MAX_LINES) throw inputError(ctx.getNode(), i, 'Order Lines', `${lines.length} lines; at most ${MAX_LINES} are accepted`);
	const seen = new Set<string>();
	return lines.map((line, n) => {
		const orderLineNo = line.orderLineNo || String(n + 1);
		if (seen.has(orderLineNo)) {
			throw inputError(ctx.getNode(), i, 'Order Lines', `order line number "${orderLineNo}" is used twice`);
		}
		seen.add(orderLineNo);
		return { itemId: line.itemId, orderLineNo, quantity: line.quantity, price: line.price, currency: 'CNY', skuId: line.skuId };
	});
}

/** Preview's and Create's common body: both JSON-in-a-string fields, as documented. */
export function readOrderBody(ctx: IExecuteFunctions, i: number): { orderLineList: string; receiver: string } {
	const lines = readOrderLines(ctx, i);
	return { orderLineList: JSON.stringify(lines), receiver: JSON.stringify(readReceiver(ctx, i)) };
}
