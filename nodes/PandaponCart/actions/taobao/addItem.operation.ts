import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseJsonBig } from '../../../shared/bigJson';
import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { checkText, compact, readId, readIdText, readInteger, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { itemIdField } from '../../../shared/fields/productIds';

const PROPERTY_KEYS = ['propId', 'propName', 'valueId', 'valueName'] as const;

export const description: INodeProperties[] = forOperation('taobao', 'addItem', [
	itemIdField,
	{
		displayName: 'SKU ID',
		name: 'skuId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 4961234500001',
	},
	{
		displayName: 'MP ID',
		name: 'mpId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. MP681234567890',
		description: 'Pandapon\'s ID for the item (mpId from Product › Get or Batch Check)',
	},
	{
		displayName: 'MP SKU ID',
		name: 'mpSkuId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. MPSKU4961234500001',
		description: 'Pandapon\'s ID for the SKU (mpSkuId from Product › Get or Batch Check)',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		required: true,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Item Picture URL',
				name: 'itemPic',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://img.alicdn.com/imgextra/shoes1.jpg',
			},
			{
				displayName: 'Item Title',
				name: 'itemTitle',
				type: 'string',
				default: '',
				placeholder: 'e.g. Breathable running shoes',
			},
			{
				displayName: 'Price (Fen)',
				name: 'price',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'The SKU price in fen (100 = ¥1), as the product data gave it',
			},
			{
				displayName: 'Promotion Price (Fen)',
				name: 'promotionPrice',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'The SKU promotion price in fen, as the product data gave it',
			},
			{
				displayName: 'Properties (JSON)',
				name: 'properties',
				type: 'json',
				default: '[]',
				placeholder: 'e.g. [{"propId": "20549", "propName": "尺码", "valueId": "28383", "valueName": "42"}]',
				description: 'The SKU\'s properties as a JSON array of {propId, propName, valueId, valueName}',
			},
			{
				displayName: 'Shop ID',
				name: 'shopId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 57300112',
			},
			{
				displayName: 'Shop Name',
				name: 'shopName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'SKU Stock',
				name: 'skuQuantity',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'The SKU\'s stock as the product data gave it',
			},
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2100007341207',
				description: 'The sub-account whose cart this is, if not the credential\'s',
			},
			{
				displayName: 'User Nick',
				name: 'userNick',
				type: 'string',
				default: '',
				placeholder: 'e.g. runner_home',
				description: 'The seller\'s nickname',
			},
		],
	},
]);

/** Properties arrive as JSON text or, from an expression, as a list; the API wants them as a JSON string. */
function readProperties(ctx: IExecuteFunctions, i: number, raw: unknown): string | undefined {
	const label = 'Properties (JSON)';
	let value = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return undefined;
		try {
			value = parseJsonBig(raw);
		} catch {
			throw inputError(ctx.getNode(), i, label, 'is not valid JSON');
		}
	}
	if (!Array.isArray(value)) throw inputError(ctx.getNode(), i, label, 'must be a JSON array');
	if (value.length === 0) return undefined;
	const properties = value.map((entry: unknown, n) => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw inputError(ctx.getNode(), i, `${label} › entry ${n + 1}`, 'must be an object with propId, propName, valueId and valueName');
		}
		const property = entry as IDataObject;
		const out: Record<string, string> = {};
		for (const key of PROPERTY_KEYS) {
			if (typeof property[key] !== 'string' && typeof property[key] !== 'number') {
				throw inputError(ctx.getNode(), i, `${label} › entry ${n + 1}`, `"${key}" is missing`);
			}
			out[key] = checkText(ctx, property[key], `${label} › entry ${n + 1} › ${key}`, i, { maxLength: 100 });
		}
		return out;
	});
	return JSON.stringify(properties);
}

export async function execute(this: IExecuteFunctions, i: number) {
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const optionalInteger = (name: string, label: string) =>
		extra[name] === undefined ? undefined : readInteger(this, `additionalFields.${name}`, label, i, { min: 0 });
	const skuQuantity = optionalInteger('skuQuantity', 'SKU Stock');
	const text = (name: string, label: string, maxLength = 100) =>
		readText(this, `additionalFields.${name}`, label, i, { maxLength });
	const body = {
		itemId: readLocatorId(this, 'itemId', 'Item ID', i, 'taobaoItem'),
		skuId: readIdText(this, 'skuId', 'SKU ID', i),
		mpId: readText(this, 'mpId', 'MP ID', i, { required: true, maxLength: 64 }),
		mpSkuId: readText(this, 'mpSkuId', 'MP SKU ID', i, { required: true, maxLength: 64 }),
		quantity: readInteger(this, 'quantity', 'Quantity', i, { min: 1, max: 1_000_000 }),
		...compact({
			userId: text('userId', 'User ID', 64),
			itemTitle: text('itemTitle', 'Item Title', 300),
			itemPic: text('itemPic', 'Item Picture URL', 1000),
			price: optionalInteger('price', 'Price (Fen)'),
			promotionPrice: optionalInteger('promotionPrice', 'Promotion Price (Fen)'),
			properties: extra.properties === undefined ? undefined : readProperties(this, i, extra.properties),
			shopId: extra.shopId ? readId(this, 'additionalFields.shopId', 'Shop ID', i) : undefined,
			shopName: text('shopName', 'Shop Name', 200),
			skuQuantity: skuQuantity === undefined ? undefined : String(skuQuantity),
			userNick: text('userNick', 'User Nick'),
		}),
	};
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.taobaoCartAdd, { itemIndex: i, body });
	const added = (data ?? {}) as IDataObject;
	return {
		added: true,
		cartId: added.cartId === undefined ? undefined : String(added.cartId),
		itemId: body.itemId.toString(),
		skuId: body.skuId,
		quantity: added.quantity ?? body.quantity,
		requestId,
	};
}
