import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressProperty, readAddress } from '../../../shared/address';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { orderOptionFields, readOrderOptions } from '../../../shared/orderFields';
import { previewTotal } from '../../../shared/preview';
import { guardedWrite, safetyOptions } from '../../../shared/safeWrite';
import { callPandapon } from '../../../shared/transport';
import { linesField, readLines } from './cargo';

export const description: INodeProperties[] = [
	...forOperation('1688', 'create', [linesField(false)]),
	addressProperty(showFor('1688', 'create')),
	...forOperation('1688', 'create', [...orderOptionFields(false), safetyOptions]),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const addressParam = readAddress(this, i);
	const cargoParamList = readLines(this, i, false);
	const options = readOrderOptions(this, i);
	return await guardedWrite.call(this, i, {
		preview: async () => {
			const { data } = await callPandapon.call(this, ENDPOINTS.order1688Preview, { itemIndex: i, body: { addressParam, cargoParamList } });
			return previewTotal(data);
		},
		write: async () => {
			const { data, requestId } = await callPandapon.call(this, ENDPOINTS.order1688Create, {
				itemIndex: i,
				body: { ...options, addressParam, cargoParamList },
			});
			const created = (data ?? {}) as IDataObject;
			return { orderId: String(created.orderId), totalAmount: created.totalSuccessAmount, postFee: created.postFee, requestId };
		},
		resultIds: (result) => [String(result.orderId)],
	});
}
