import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flattenCartGroups } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { readLimit, returnAllAndLimit, simplifyField } from '../../../shared/listing';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { readText } from '../../../shared/params';
import { idText } from '../../../shared/responses';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('taobao', 'getMany', [
	...returnAllAndLimit,
	simplifyField,
	{
		displayName: 'Include Unavailable Items',
		name: 'includeUnavailable',
		type: 'boolean',
		default: false,
		description: 'Whether to include sold-out items (they cannot be ordered)',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2100007341207',
				description: 'Only the cart of this sub-account',
			},
		],
	},
]);

/** One item per cart line, each carrying its shop; the API groups lines by shop. */
function flattenCart(data: unknown, includeUnavailable: boolean): IDataObject[] {
	return flattenCartGroups(
		data,
		includeUnavailable,
		(group) => ({ shopId: idText(group.shopId), shopName: group.shopName, userNick: group.userNick }),
		(line) => ({ id: idText(line.id), itemId: idText(line.itemId) }),
	);
}

function simplifyCartLine(line: IDataObject): IDataObject {
	return {
		id: line.id,
		itemId: line.itemId,
		skuId: line.skuId,
		mpId: line.mpId,
		mpSkuId: line.mpSkuId,
		itemTitle: line.itemTitle,
		quantity: line.quantity,
		price: line.price,
		priceYuan: fenToYuan(line.price),
		promotionPrice: line.promotionPrice,
		promotionPriceYuan: fenToYuan(line.promotionPrice),
		shopName: line.shopName,
		available: line.available,
	};
}

export async function execute(this: IExecuteFunctions, i: number) {
	const limit = readLimit(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const includeUnavailable = this.getNodeParameter('includeUnavailable', i, false) as boolean;
	const userId = readText(this, 'filters.userId', 'User ID', i, { maxLength: 64 });
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoCartList, {
		itemIndex: i,
		query: userId ? { userId } : undefined,
	});
	const lines = flattenCart(data, includeUnavailable).slice(0, limit);
	return simplify ? lines.map(simplifyCartLine) : lines;
}
