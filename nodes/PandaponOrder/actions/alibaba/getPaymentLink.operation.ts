import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { readLocatorIdText } from '../../../shared/fields/locator';
import { orderIdField } from './get.operation';

export const description: INodeProperties[] = forOperation('1688', 'getPaymentLink', [orderIdField]);

/** The page (doc-en/api-263477651) takes one `orderId` per call; Pay in Bulk pays many at once. */
export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readLocatorIdText(this, 'orderId', 'Order ID', i);
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.order1688PayUrl, { itemIndex: i, query: { orderId } });
	const link = (data ?? {}) as IDataObject;
	return {
		orderId,
		payUrl: link.payUrl,
		protocolPaySuccess: link.protocolPaySuccess,
		cantPayOrderList: ((link.cantPayOrderList ?? []) as unknown[]).map(String),
		requestId,
	};
}
