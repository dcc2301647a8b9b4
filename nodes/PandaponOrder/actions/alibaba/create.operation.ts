import type { INodeProperties } from 'n8n-workflow';

import { addressProperty, readAddress } from '../../../shared/address';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { orderOptionFields, readOrderOptions } from '../../../shared/orderFields';
import { previewTotal } from '../../../shared/preview';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { written } from '../../../shared/safety/written';
import { callPandapon } from '../../../shared/transport';
import { linesField, readLines } from './cargo';

export const description: INodeProperties[] = [
	...forOperation('1688', 'create', [linesField(false)]),
	addressProperty(showFor('1688', 'create')),
	...forOperation('1688', 'create', [...orderOptionFields(false), safetyOptions]),
];

export const executeBatch = guardedWrites(function (i) {
	const addressParam = readAddress(this, i);
	const cargoParamList = readLines(this, i, false);
	const options = readOrderOptions(this, i);
	return {
		preview: async () => {
			const { data } = await callPandapon.call(this, ENDPOINTS.order1688Preview, { itemIndex: i, body: { addressParam, cargoParamList } });
			return previewTotal(data);
		},
		write: async () => {
			const answer = await callPandapon.call(this, ENDPOINTS.order1688Create, { itemIndex: i, body: { ...options, addressParam, cargoParamList } });
			return written(answer, (data) => ({ orderId: data.orderId, totalAmount: data.totalSuccessAmount, postFee: data.postFee }));
		},
	};
});
