import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { returnAllAndLimit, simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { fetchList } from '../../../shared/paging';
import { compact, readText } from '../../../shared/params';
import { toIdDigits } from '../../../shared/bigJson';
import { simplifyRefund } from './refund';

const STATUSES = [
	{ name: 'Cancelled or Closed', value: 'CLOSED' },
	{ name: 'Refunded', value: 'SUCCESS' },
	{ name: 'Seller Refused', value: 'SELLER_REFUSE_BUYER' },
	{ name: 'Waiting for Return Shipment', value: 'WAIT_BUYER_RETURN_GOODS' },
	{ name: 'Waiting for Seller to Agree', value: 'WAIT_SELLER_AGREE' },
	{ name: 'Waiting for Seller to Receive', value: 'WAIT_SELLER_CONFIRM_GOODS' },
];

export const description: INodeProperties[] = forOperation('taobao', 'getMany', [
	...returnAllAndLimit,
	simplifyField,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Purchase Order ID',
				name: 'orderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 4015593720611380219',
				description: 'Only reverse orders of this Taobao purchase order (sent as purchaseOrderId)',
			},
			{
				displayName: 'Status',
				name: 'refundStatus',
				type: 'options',
				default: 'WAIT_SELLER_AGREE',
				options: STATUSES,
				description: 'Applied by the node to the reverse orders Pandapon lists: its numeric refundStatus codes are not published',
			},
		],
	},
]);

const PAGE_MAX = 50;

export async function execute(this: IExecuteFunctions, i: number) {
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const orderIdText = readText(this, 'filters.orderId', 'Filters › Purchase Order ID', i, { maxLength: 19 });
	const purchaseOrderId = orderIdText === '' ? undefined : toIdDigits(orderIdText);
	if (orderIdText !== '' && purchaseOrderId === undefined) {
		throw inputError(this.getNode(), i, 'Filters › Purchase Order ID', `"${orderIdText}" is not a numeric ID of at most 19 digits`);
	}
	const refundStatus = readText(this, 'filters.refundStatus', 'Filters › Status', i, { maxLength: 40 });
	if (refundStatus !== '' && !STATUSES.some((s) => s.value === refundStatus)) {
		throw inputError(this.getNode(), i, 'Filters › Status', `"${refundStatus}" is not a reverse order status`);
	}
	const listed = await fetchList.call(this, i, ENDPOINTS.taobaoRefundPage, { pageField: 'pageNo', pageMax: PAGE_MAX }, compact({ purchaseOrderId }));
	const results = refundStatus === '' ? listed : listed.filter((r) => r.refundStatus === refundStatus);
	return simplify ? results.map(simplifyRefund) : results;
}
