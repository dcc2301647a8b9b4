import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { readLimit, returnAllAndLimit, simplifyField } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { toIdDigits } from '../../../shared/bigJson';
import { callPandapon } from '../../../shared/transport';
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
				displayName: 'Order ID',
				name: 'orderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 4015593720611380219',
				description: 'Only reverse orders of this Taobao order',
			},
			{
				displayName: 'Status',
				name: 'refundStatus',
				type: 'options',
				default: 'WAIT_SELLER_AGREE',
				options: STATUSES,
			},
		],
	},
]);

const PAGE_MAX = 50;

export async function execute(this: IExecuteFunctions, i: number) {
	const limit = readLimit(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const orderIdText = readText(this, 'filters.orderId', 'Filters › Order ID', i, { maxLength: 19 });
	const orderId = orderIdText === '' ? undefined : toIdDigits(orderIdText);
	if (orderIdText !== '' && orderId === undefined) {
		throw inputError(this.getNode(), i, 'Filters › Order ID', `"${orderIdText}" is not a numeric ID of at most 19 digits`);
	}
	const refundStatus = readText(this, 'filters.refundStatus', 'Filters › Status', i, { maxLength: 40 });
	if (refundStatus !== '' && !STATUSES.some((s) => s.value === refundStatus)) {
		throw inputError(this.getNode(), i, 'Filters › Status', `"${refundStatus}" is not a reverse order status`);
	}
	// One page size for every page, so that page numbers keep meaning the same offsets.
	const pageSize = Math.min(limit, PAGE_MAX);
	const results: IDataObject[] = [];
	for (let pageNo = 1; results.length < limit; pageNo++) {
		const { data } = await callPandapon.call(this, ENDPOINTS.taobaoRefundPage, {
			itemIndex: i,
			body: compact({ pageNo, pageSize, orderId, refundStatus }),
		});
		const page = (data ?? {}) as IDataObject;
		const rows = (page.data ?? []) as IDataObject[];
		results.push(...rows.slice(0, limit - results.length));
		if (rows.length < pageSize || pageNo >= Number(page.totalPage ?? 0)) break;
	}
	return simplify ? results.map(simplifyRefund) : results;
}
