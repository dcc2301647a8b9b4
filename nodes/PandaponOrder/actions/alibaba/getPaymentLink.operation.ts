import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'getPaymentLink', [
	{
		displayName: 'Order IDs',
		name: 'orderIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2542285634920880794',
		description: 'One or more 1688 order IDs (up to 50, separated by commas) to pay with one link',
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const ids = readIdList(this, 'orderIds', 'Order IDs', i).map(String);
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.order1688PayUrl, {
		itemIndex: i,
		query: { orderId: ids.join(',') },
	});
	const link = (data ?? {}) as IDataObject;
	return {
		orderIds: ids,
		payUrl: link.payUrl,
		protocolPaySuccess: link.protocolPaySuccess,
		cantPayOrderList: ((link.cantPayOrderList ?? []) as unknown[]).map(String),
		requestId,
	};
}
