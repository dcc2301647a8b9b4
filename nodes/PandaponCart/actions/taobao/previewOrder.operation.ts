import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cartIdsField } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { cartPreview } from './cartView';

export const description: INodeProperties[] = forOperation('taobao', 'previewOrder', [cartIdsField]);

/** Prices cart lines as one order would charge them today. */
export async function previewCart(
	this: IExecuteFunctions,
	i: number,
	ids: bigint[],
): Promise<{ totalFen: number; preview: IDataObject }> {
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoCartPreview, { itemIndex: i, body: { ids } });
	return cartPreview(this.getNode(), i, data);
}

export async function execute(this: IExecuteFunctions, i: number) {
	const { preview } = await previewCart.call(this, i, readIdList(this, 'cartIds', 'Cart IDs', i));
	return preview;
}
