import type { INodeProperties } from 'n8n-workflow';

import { addressProperty, readAddress } from '../../../shared/address';
import { cartIdsField } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { orderOptionFields, readOrderOptions } from '../../../shared/orderFields';
import { readIdList } from '../../../shared/params';
import { previewTotal } from '../../../shared/preview';
import { readCartOrderAnswer } from '../../../shared/responses';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = [
	...forOperation('1688', 'createOrder', [cartIdsField]),
	addressProperty(showFor('1688', 'createOrder')),
	...forOperation('1688', 'createOrder', [...orderOptionFields(true), safetyOptions]),
];

export const executeBatch = guardedWrites(function (i) {
	const cartIds = readIdList(this, 'cartIds', 'Cart IDs', i);
	const addressParam = readAddress(this, i);
	const body = { ...readOrderOptions(this, i, true), addressParam, cartIds };
	return {
		preview: async () => {
			const { data } = await callPandapon.call(this, ENDPOINTS.cart1688Preview, { itemIndex: i, body: { addressParam, cartIds } });
			return previewTotal(this.getNode(), i, 'cart1688Preview', data);
		},
		write: async () => {
			const answer = await callPandapon.call(this, ENDPOINTS.cart1688CreateOrder, { itemIndex: i, body });
			// The documented answer is a bare envelope: the row is an unknown outcome and its key stays used.
			return { json: readCartOrderAnswer(answer, cartIds.map(String)), ids: [] };
		},
	};
});
