import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { flattenCartGroups } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { readLimit, returnAllAndLimit, simplifyField } from '../../../shared/listing';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'getMany', [
	...returnAllAndLimit,
	simplifyField,
	{
		displayName: 'Include Unavailable Items',
		name: 'includeUnavailable',
		type: 'boolean',
		default: false,
		description: 'Whether to include items the sellers no longer offer (they cannot be ordered)',
	},
]);

/** One item per cart line, each carrying its seller; the API groups lines by seller. */
export function flattenCart(data: unknown, includeUnavailable: boolean): IDataObject[] {
	return flattenCartGroups(data, includeUnavailable, (group) => ({
		sellerOpenId: group.sellerOpenId,
		sellerNickName: group.sellerNickName,
	}));
}

export function simplifyCartLine(line: IDataObject): IDataObject {
	return {
		id: line.id,
		offerMapId: line.offerMapId,
		specId: line.specId,
		itemTitle: line.itemTitle,
		quantity: line.quantity,
		price: line.price,
		priceYuan: fenToYuan(line.price),
		sellerOpenId: line.sellerOpenId,
		sellerNickName: line.sellerNickName,
		available: line.available,
	};
}

export async function execute(this: IExecuteFunctions, i: number) {
	const limit = readLimit(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const includeUnavailable = this.getNodeParameter('includeUnavailable', i, false) as boolean;
	const { data } = await callPandapon.call(this, ENDPOINTS.cart1688List, { itemIndex: i });
	const lines = flattenCart(data, includeUnavailable).slice(0, limit);
	return simplify ? lines.map(simplifyCartLine) : lines;
}
