import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/operation';
import { readIdList } from '../../../shared/params';
import { readLocatorId } from '../../../shared/fields/locator';
import { goodsStatusField, orderIdField, readChoice, requestReasons, subOrderIdsField } from './refund';

export const description: INodeProperties[] = forOperation('1688', 'getReasons', [
	orderIdField,
	subOrderIdsField,
	goodsStatusField,
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const query = {
		orderId: readLocatorId(this, 'orderId', 'Order ID', i),
		orderEntryIds: readIdList(this, 'orderEntryIds', 'Sub-Order IDs', i),
		goodsStatus: readChoice(this, goodsStatusField, i),
	};
	const { reasons } = await requestReasons.call(this, i, query);
	return reasons.map(({ id, ...reason }) => ({ reasonId: id, ...reason, goodsStatus: query.goodsStatus }));
}
