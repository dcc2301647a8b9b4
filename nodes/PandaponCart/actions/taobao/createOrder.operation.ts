import type { INodeProperties } from 'n8n-workflow';

import { cartIdsField } from '../../../shared/cartFields';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { USER_ID } from '../../../shared/orderFields';
import { compact, readIdList, readText } from '../../../shared/params';
import { readCartOrderAnswer } from '../../../shared/responses';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { callPandapon } from '../../../shared/transport';
import { readReceiver, receiverProperty } from '../../../shared/fields/taobaoReceiver';
import { previewCart } from './previewOrder.operation';

export const description: INodeProperties[] = [
	...forOperation('taobao', 'createOrder', [cartIdsField]),
	receiverProperty(showFor('taobao', 'createOrder')),
	...forOperation('taobao', 'createOrder', [
		// Where 1688's create-order operations have it: User ID is optional, so an Additional Field.
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [USER_ID],
		},
		safetyOptions,
	]),
];

export const executeBatch = guardedWrites(function (i) {
	const ids = readIdList(this, 'cartIds', 'Cart IDs', i);
	const body = {
		ids,
		orderAddress: readReceiver(this, i),
		...compact({ userId: readText(this, 'additionalFields.userId', 'Additional Fields › User ID', i, { maxLength: 64 }) }),
	};
	return {
		preview: async () => await previewCart.call(this, i, ids),
		write: async () => {
			const answer = await callPandapon.call(this, ENDPOINTS.taobaoCartCreateOrder, { itemIndex: i, body });
			// The page (doc/api-250313096) documents a bare envelope: the row is an unknown outcome and its key stays used.
			return { json: readCartOrderAnswer(answer, ids.map(String)), ids: [] };
		},
	};
});
