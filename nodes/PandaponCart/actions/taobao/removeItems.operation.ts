import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cartIdsField } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('taobao', 'removeItems', [cartIdsField]);

export async function execute(this: IExecuteFunctions, i: number) {
	const ids = readIdList(this, 'cartIds', 'Cart IDs', i);
	const { requestId } = await callPandapon.call(this, ENDPOINTS.taobaoCartDelete, { itemIndex: i, body: { ids } });
	return { deleted: true, cartIds: ids.map(String), requestId };
}
