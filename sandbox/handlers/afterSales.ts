import { createRefundClaim, refundInfo, refundReasons, submitReturnShipment, uploadVoucher } from '../refunds1688';
import type { GoodsStatus1688, RefundClaim } from '../refunds1688';
import { CODES, SandboxError } from '../errors';
import { DISTRIBUTOR_ID } from '../taobao/refunds';
import type { GoodsStatus, RefundType } from '../taobao/refunds';
import type { AreaHandlers } from './common';

const toBig = (id: unknown) => BigInt(id as bigint | number);
const images = (value: unknown) => (typeof value === 'string' && value !== '' ? value.split(',') : []);

export const AFTER_SALES: AreaHandlers = {
	refund1688Reasons: ({ body, state }) => ({
		reasons: refundReasons(state, toBig(body.orderId), (body.orderEntryIds as unknown[]).map(toBig), body.goodsStatus as GoodsStatus1688),
	}),
	refund1688Create: ({ body, state }) => {
		const claim: RefundClaim = {
			...(body as unknown as RefundClaim),
			orderId: toBig(body.orderId),
			orderEntryIds: (body.orderEntryIds as unknown[] | undefined)?.map(toBig),
			orderEntryCountList: (body.orderEntryCountList as Array<{ id: unknown; count: number }> | undefined)?.map((c) => ({
				id: toBig(c.id),
				count: c.count,
			})),
		};
		return { refundId: createRefundClaim(state, claim).id };
	},
	refund1688Get: ({ query, body, state, variants }) => {
		const refundId = variants.refundInfoIdIn === 'query' ? query.refundId : (body.refundId as string | undefined);
		if (!refundId) throw new SandboxError(200, CODES.invalidRequest, `refundId is required in the ${variants.refundInfoIdIn}`);
		return refundInfo(state, state.refund(refundId));
	},
	refund1688ReturnGoods: ({ body, state }) => {
		const refund = submitReturnShipment(
			state,
			body.refundId as string,
			{
				logisticsCompanyNo: body.logisticsCompanyNo as string,
				freightBill: body.freightBill as string,
				description: body.description as string | undefined,
			},
			body.vouchers as string[] | undefined,
		);
		return { refundId: refund.id, status: refund.status };
	},
	refund1688Voucher: ({ body, state }) =>
		uploadVoucher(state, {
			bytes: body.imageBase64 === undefined ? undefined : Buffer.from(body.imageBase64 as string, 'base64'),
			url: body.imageAddress as string | undefined,
		}),

	taobaoRefundPage: ({ body, state }) => {
		const all = state.taobaoRefunds
			.list({ orderId: body.purchaseOrderId as string | undefined })
			.filter((r) => !body.refundId || r.refundId.toString() === body.refundId);
		const pageNo = body.pageNo as number;
		const pageSize = body.pageSize as number;
		return {
			totalRecords: all.length,
			totalPage: Math.ceil(all.length / pageSize),
			pageSize,
			currentPage: pageNo,
			data: all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map((r) => state.taobaoRefunds.detail(state, r)),
		};
	},
	taobaoRefundRender: ({ body, state }) =>
		state.taobaoRefunds.render(state, body.subOrderId as string, body.refundType as RefundType, body.goodsStatus as GoodsStatus),
	taobaoRefundCreate: ({ body, state }) => {
		const refund = state.taobaoRefunds.create(state, {
			subOrderId: body.subOrderId as string,
			refundType: body.refundType as RefundType,
			goodsStatus: body.goodsStatus as GoodsStatus,
			reasonId: body.reasonId as number,
			refundFee: body.refundFee as number,
			memo: body.refundMemo as string | undefined,
			images: images(body.refundImages),
		});
		return { refundId: refund.refundId, refundStatus: refund.status };
	},
	taobaoRefundGet: ({ query, state }) => ({
		distributorId: DISTRIBUTOR_ID,
		currency: 'CNY',
		refundOrderAggregate: state.taobaoRefunds.aggregate(state, state.taobaoRefunds.refund(query.refundId)),
	}),
	taobaoRefundModify: ({ body, state }) => {
		const refund = state.taobaoRefunds.modify(state, body.refundId as string, {
			goodsStatus: body.goodsStatus as GoodsStatus | undefined,
			reasonId: body.reasonId as number | undefined,
			refundFee: body.refundFee as number | undefined,
			memo: body.refundMemo as string | undefined,
			images: body.refundImages === undefined ? undefined : images(body.refundImages),
		});
		return state.taobaoRefunds.detail(state, refund);
	},
	taobaoRefundCancel: ({ path, state }) => {
		const refund = state.taobaoRefunds.cancel(state, path.refundId);
		return { cancelSuccess: true, currency: 'CNY', distributorId: DISTRIBUTOR_ID, refundOrderAggregate: state.taobaoRefunds.aggregate(state, refund) };
	},
	taobaoRefundMessages: ({ body, state }) => state.taobaoRefunds.messagesOf(body.refundId as string),
	taobaoRefundMessage: ({ body, state }) => {
		const message = state.taobaoRefunds.message(state, body.refundId as string, body.refundMessage as string, images(body.refundImages));
		// The page (doc-en/api-263477624) types data as an object without naming its fields.
		return { refundId: body.refundId, messageId: message.messageId };
	},
	taobaoReturnRender: ({ query, state }) => state.taobaoRefunds.returnRender(query.refundId),
	taobaoReturnSubmit: ({ body, state }) => {
		const refund = state.taobaoRefunds.submitReturn(
			state,
			body.refundId as string,
			body.logisticsCompanyCode as string,
			body.logisticsWaybillNo as string,
		);
		return { refundId: refund.refundId, refundStatus: refund.status };
	},
};
