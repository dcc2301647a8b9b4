import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { cartIdsField } from '../../../shared/cartFields';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'removeItems', [cartIdsField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const cartIds = readIdList(this, 'cartIds', 'Cart IDs', i);
	const { requestId } = await callPandapon.call(this, ENDPOINTS.cart1688Delete, {
		itemIndex: i,
		body: { cartIds },
	});
	return { deleted: true, cartIds: cartIds.map(String), requestId };
}
