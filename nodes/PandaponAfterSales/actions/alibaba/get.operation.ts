import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { readRefundId, refundIdField } from './refund';

export const description: INodeProperties[] = forOperation('1688', 'get', [refundIdField, simplifyField]);

/** Ids, status and amounts (fen with yuan beside) of a 1688 refund record. */
export function simplifyRefund(data: unknown): IDataObject {
	const refund = (data ?? {}) as IDataObject;
	const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
	return {
		refundId: refund.refundId,
		orderId: text(refund.orderId),
		orderEntryIds: ((refund.orderEntryIds ?? []) as unknown[]).map(String),
		status: refund.status,
		disputeRequest: refund.disputeRequest,
		goodsStatus: refund.goodsStatus,
		applyPayment: refund.applyPayment,
		applyPaymentYuan: fenToYuan(refund.applyPayment),
		applyCarriage: refund.applyCarriage,
		applyCarriageYuan: fenToYuan(refund.applyCarriage),
		applyReasonId: refund.applyReasonId,
		applyReason: refund.applyReason,
		logisticsCompanyNo: refund.logisticsCompanyNo,
		freightBill: refund.freightBill,
		createTime: refund.createTime,
		updateTime: refund.updateTime,
	};
}

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readRefundId(this, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	// A POST whose mirrors disagree on where the id goes (query on vnm, body on the other): both carry it.
	const { data } = await callPandapon.call(this, ENDPOINTS.refund1688Get, { itemIndex: i, query: { refundId }, body: { refundId } });
	return simplify ? simplifyRefund(data) : ((data ?? {}) as IDataObject);
}
