import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressProperty, readAddress } from '../../../shared/address';
import { cartIdsField } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { forOperation, showFor } from '../../../shared/operation';
import { simplifyPreview } from '../../../shared/preview';
import { readIdList } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = [
	...forOperation('1688', 'previewOrder', [cartIdsField, simplifyField]),
	addressProperty(showFor('1688', 'previewOrder')),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const cartIds = readIdList(this, 'cartIds', 'Cart IDs', i);
	const addressParam = readAddress(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.cart1688Preview, {
		itemIndex: i,
		body: { addressParam, cartIds },
	});
	return { ...(simplify ? simplifyPreview('cart1688Preview', data) : (data as IDataObject)), requestId };
}
