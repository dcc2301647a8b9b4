import type { IDataObject } from 'n8n-workflow';

import type { EndpointKey } from './catalogue';
import { fenToYuan } from './money';

/**
 * The unit of every money field the package reads or sends, per endpoint. Pandapon's endpoints mix
 * units: 1688's order detail answers in yuan decimals, its previews in fen, Taobao in fen. An
 * amount is converted only through this table, and a field missing from it is not an amount the
 * package can use.
 */
export type MoneyUnit = 'fen' | 'yuan';

export interface UnitFact {
	endpoint: EndpointKey;
	/** Where the field sits: `body.`, `query.` or `data.` followed by its path (`[]` for list entries). */
	field: string;
	unit: MoneyUnit;
	/** How sure: stated on a Pandapon page, shown by the upstream (1688/Taobao) API Pandapon passes through, or the package's choice. */
	evidence: 'published' | 'upstream' | 'inferred';
	source: string;
}

const DETAIL_SOURCE = "1688 buyer-view order API: cnsecc.com/doc_29485666.html, wiki.dajisaas.com/api-164891585 (totalAmount 0.01, price 39.9, discount -3989)";
const PREVIEW_SOURCE = 'doc/api-250313112 (placeholders); Xportcn example doc-en-ka.xportcn.com/api-338074941 (sumPayment 6400)';

/** 1688 order-detail amounts (buyer view): yuan decimals, except `discount` in fen. */
function orderDetailUnits(endpoint: EndpointKey, prefix: string): UnitFact[] {
	const yuan = ['baseInfo.totalAmount', 'baseInfo.shippingFee', 'baseInfo.sumProductPayment', 'productItems[].price', 'productItems[].itemAmount'];
	return [
		...yuan.map((f): UnitFact => ({ endpoint, field: `${prefix}${f}`, unit: 'yuan', evidence: 'upstream', source: DETAIL_SOURCE })),
		{ endpoint, field: `${prefix}baseInfo.discount`, unit: 'fen', evidence: 'upstream', source: DETAIL_SOURCE },
	];
}

function previewUnits(endpoint: EndpointKey): UnitFact[] {
	return ['sumPayment', 'sumCarriage', 'sumPaymentNoCarriage', 'discountFee'].map((f) => ({
		endpoint,
		field: `data.orderPreviewResuslt[].${f}`,
		unit: 'fen',
		evidence: 'upstream',
		source: PREVIEW_SOURCE,
	}));
}

export const UNITS: readonly UnitFact[] = [
	...orderDetailUnits('order1688Detail', 'data.'),
	...orderDetailUnits('order1688CreateBatch', 'data[].'),
	...orderDetailUnits('order1688Page', 'data.data[].'),
	...previewUnits('order1688Preview'),
	...previewUnits('order1688PreviewBatch'),
	...previewUnits('cart1688Preview'),
	{ endpoint: 'order1688Create', field: 'data.totalSuccessAmount', unit: 'fen', evidence: 'upstream', source: '1688 fastCreateOrder result.totalSuccessAmount (fen); Pandapon publishes no answer' },
	{ endpoint: 'order1688Create', field: 'data.postFee', unit: 'fen', evidence: 'upstream', source: '1688 fastCreateOrder result.postFee (fen); Pandapon publishes no answer' },
	{ endpoint: 'refund1688Create', field: 'body.applyPayment', unit: 'fen', evidence: 'upstream', source: 'doc-en/api-263477656 (integer, no unit stated; 1688 upstream uses fen)' },
	{ endpoint: 'refund1688Create', field: 'body.applyCarriage', unit: 'fen', evidence: 'upstream', source: 'doc-en/api-263477656 (integer, no unit stated; 1688 upstream uses fen)' },
	...(['product1688Search', 'product1688ImageSearch', 'product1688StoreSearch'] as const).flatMap((endpoint) =>
		['body.priceStart', 'body.priceEnd'].map((field): UnitFact => ({ endpoint, field, unit: 'yuan', evidence: 'published', source: 'doc-en/api-263477640 (priceStart "633.69")' })),
	),
	{ endpoint: 'taobaoOrderCreate', field: 'body.purchaseAmount', unit: 'fen', evidence: 'published', source: 'doc-en/api-263477610 ("budget amount (fen)", example 400)' },
	{ endpoint: 'taobaoOrderCreate', field: 'body.orderLineList[].price', unit: 'fen', evidence: 'inferred', source: 'doc-vnm/api-250496533 shows the string "1" without a unit; fen like purchaseAmount' },
	{ endpoint: 'taobaoCartAdd', field: 'body.price', unit: 'fen', evidence: 'published', source: 'doc/api-250313100 (integer 689)' },
	{ endpoint: 'taobaoCartAdd', field: 'body.promotionPrice', unit: 'fen', evidence: 'published', source: 'doc/api-250313100 (integer 576)' },
	{ endpoint: 'taobaoProductGet', field: 'data.price', unit: 'fen', evidence: 'published', source: 'doc-vnm/api-250496531 (int64)' },
	{ endpoint: 'taobaoOrderPreview', field: 'data.totalAmount', unit: 'fen', evidence: 'inferred', source: 'no page; fen like purchaseAmount' },
	{ endpoint: 'taobaoCartPreview', field: 'data.totalAmount', unit: 'fen', evidence: 'inferred', source: 'no page; fen like purchaseAmount' },
	{ endpoint: 'taobaoOrderDetail', field: 'data.totalAmount', unit: 'fen', evidence: 'inferred', source: 'no page; fen like purchaseAmount' },
];

/** The unit fact of a field, or undefined when the package knows no unit for it. */
export function unitOf(endpoint: EndpointKey, field: string): UnitFact | undefined {
	return UNITS.find((u) => u.endpoint === endpoint && u.field === field);
}

const YUAN = /^(-?)(\d{1,13})(?:\.(\d{1,2})0*)?$/;

/**
 * Yuan (a decimal number or text such as "6.15") as whole fen, by digits rather than by floating
 * multiplication (6.15 * 100 is 614.9999…). More than two significant decimals is not an amount
 * of fen, so it gives undefined.
 */
export function yuanToFen(value: unknown): number | undefined {
	const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : '';
	const match = YUAN.exec(text);
	if (!match) return undefined;
	const [, sign, whole, decimals = ''] = match;
	const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
	return sign === '-' ? -fen : fen;
}

/** A value as whole fen when it is one (a safe integer, or digits as text). */
function wholeFen(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
	if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value);
	return undefined;
}

/** A field's value in fen, converted by the field's unit in the table; undefined when unreadable or of no known unit. */
export function toFen(endpoint: EndpointKey, field: string, value: unknown): number | undefined {
	const fact = unitOf(endpoint, field);
	if (!fact) return undefined;
	return fact.unit === 'fen' ? wholeFen(value) : yuanToFen(value);
}

/**
 * An amount for the output: `<name>` in fen, `<name>Yuan` beside it, and `<name>Raw` with the value
 * exactly as Pandapon sent it when that was not fen.
 */
export function moneyOut(endpoint: EndpointKey, field: string, value: unknown, name = field.replace(/^.*[.\]]/, '')): IDataObject {
	const fen = toFen(endpoint, field, value);
	const out: IDataObject = { [name]: fen, [`${name}Yuan`]: fenToYuan(fen) };
	if (unitOf(endpoint, field)?.unit !== 'fen' && value !== undefined) out[`${name}Raw`] = value as IDataObject[string];
	return out;
}
