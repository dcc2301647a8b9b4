import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../../shared/listing';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { goodsStatusField, readCode, refundTypeField, requestRender, simplifyRefund, subOrderIdField } from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'getRefundOptions', [
	subOrderIdField,
	refundTypeField,
	goodsStatusField,
	simplifyField,
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const query = {
		subOrderId: readIdText(this, 'subOrderId', 'Sub-Order ID', i),
		refundType: readCode(this, 'refundType', 'Refund Type', i),
		goodsStatus: readCode(this, 'goodsStatus', 'Goods Status', i),
	};
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { data, template, requestId } = await requestRender.call(this, i, query);
	if (!simplify) return { ...data, requestId };
	const fee = template.maxRefundFee;
	return {
		...query,
		reasons: template.refundReasons,
		goodsStatusList: template.goodsStatusList,
		maxRefundFee: fee.refundFee,
		maxRefundFeeYuan: fenToYuan(fee.refundFee),
		minRefundFee: fee.minRefundFee,
		minRefundFeeYuan: fenToYuan(fee.minRefundFee),
		canEditRefundFee: fee.canEditRefundFee,
		feeTips: fee.feeTips,
		openRefund: template.refundOrder ? simplifyRefund(template.refundOrder) : null,
		currency: data.currency,
		requestId,
	};
}
