import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { totalFen } from '../../../shared/preview';
import { idText } from '../../../shared/responses';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { written } from '../../../shared/safety/written';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { readOrder } from './get.operation';
import { orderIdField } from './orderId';
import { simplifyTaobaoOrder } from './orderView';

export const description: INodeProperties[] = forOperation('taobao', 'pay', [orderIdField, safetyOptions]);

export const executeBatch = guardedWrites(function (i) {
	const orderId = readLocatorId(this, 'orderId', 'Order ID', i);
	return {
		// What Pay would charge is the order's own total, as the seller has it now.
		preview: async () => {
			const order = simplifyTaobaoOrder(await readOrder.call(this, i, orderId.toString()));
			return { totalFen: totalFen(this.getNode(), i, 'taobaoOrderDetail', 'data.totalAmount', order.totalAmount), preview: order };
		},
		write: async () => {
			const answer = await callPandapon.call(this, ENDPOINTS.taobaoOrderPay, { itemIndex: i, body: { orderId } });
			return written(answer, (paid) => ({
				paid: true,
				orderId: idText(paid.orderId) ?? orderId.toString(),
				status: paid.status,
				paidAmount: paid.paidAmount,
				paidAmountYuan: fenToYuan(paid.paidAmount),
				payTime: paid.payTime,
			}));
		},
	};
});
