import type { INodeProperties } from 'n8n-workflow';

import { addressProperty, orderAddress, readAddress } from '../../../shared/address';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { orderOptionFields, readOrderOptions } from '../../../shared/orderFields';
import { previewTotal } from '../../../shared/preview';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { written } from '../../../shared/safety/written';
import { callPandapon } from '../../../shared/transport';
import { moneyOut } from '../../../shared/units';
import { linesField, readLines } from './cargo';

export const description: INodeProperties[] = [
	...forOperation('1688', 'create', [linesField(false)]),
	addressProperty(showFor('1688', 'create')),
	...forOperation('1688', 'create', [...orderOptionFields(false), safetyOptions]),
];

export const executeBatch = guardedWrites(function (i) {
	const addressParam = orderAddress(readAddress(this, i));
	const cargoParamList = readLines(this, i, false);
	const options = readOrderOptions(this, i);
	return {
		preview: async () => {
			const { data } = await callPandapon.call(this, ENDPOINTS.order1688Preview, { itemIndex: i, body: { addressParam, cargoParamList } });
			return previewTotal(this.getNode(), i, 'order1688Preview', data);
		},
		// Pandapon publishes no answer for this create: the id is read when it is plainly there, the
		// amounts in the units the table knows (1688's fastCreateOrder result, fen); otherwise unknown.
		write: async () => {
			const answer = await callPandapon.call(this, ENDPOINTS.order1688Create, { itemIndex: i, body: { ...options, addressParam, cargoParamList } });
			return written(answer, (data) => ({
				outcome: 'created',
				orderId: data.orderId,
				...moneyOut('order1688Create', 'data.totalSuccessAmount', data.totalSuccessAmount),
				...moneyOut('order1688Create', 'data.postFee', data.postFee),
			}));
		},
	};
});
