import type { IAllExecuteFunctions, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { fenToYuan } from '../../../shared/money';
import { callPandapon } from '../../../shared/transport';

/** The fields and requests the Taobao reverse-order operations share. */

export const refundIdField: INodeProperties = {
	displayName: 'Refund ID',
	name: 'refundId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 203456710223344556',
	description: 'The Taobao reverse order ID, as Create or Get Many returned it',
};

export const subOrderIdField: INodeProperties = {
	displayName: 'Sub-Order ID',
	name: 'subOrderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 4015593720611380301',
	description: 'The Taobao order line to refund (subOrderId in Get Order)',
};

export const refundTypeField: INodeProperties = {
	displayName: 'Refund Type',
	name: 'refundType',
	type: 'options',
	default: 1,
	options: [
		{ name: 'Refund Only', value: 1, description: 'Money back, the goods stay with you' },
		{ name: 'Return and Refund', value: 2, description: 'Send the goods back, then money back' },
	],
};

export const goodsStatusField: INodeProperties = {
	displayName: 'Goods Status',
	name: 'goodsStatus',
	type: 'options',
	default: 1,
	options: [
		{ name: 'Not Received', value: 1 },
		{ name: 'Received', value: 2 },
	],
};

export const refundImagesField: INodeProperties = {
	displayName: 'Images',
	name: 'refundImages',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/photo1.jpg, https://example.com/photo2.jpg',
	description: 'Up to 3 image URLs separated by commas, or an expression that gives a list',
};

const MAX_IMAGES = 3;

/** Image URLs as the API takes them: one string, comma separated; undefined when none are given. */
export function readImages(ctx: IExecuteFunctions, name: string, label: string, i: number): string | undefined {
	const raw = ctx.getNodeParameter(name, i, '') as unknown;
	const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
	const urls: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string') throw inputError(ctx.getNode(), i, label, 'expected image URLs as text');
		const url = part.trim();
		if (url === '') continue;
		if (!/^https?:\/\/[^\s,]+$/.test(url) || url.length > 1000) {
			throw inputError(ctx.getNode(), i, label, `"${url.slice(0, 40)}" is not an http(s) URL`);
		}
		urls.push(url);
	}
	if (urls.length > MAX_IMAGES) throw inputError(ctx.getNode(), i, label, `${urls.length} given; at most ${MAX_IMAGES} are accepted`);
	return urls.length > 0 ? urls.join(',') : undefined;
}

/** 1 or 2, from the options field or an expression. */
export function readCode(ctx: IExecuteFunctions, name: string, label: string, i: number): 1 | 2 {
	const raw = ctx.getNodeParameter(name, i) as unknown;
	const value = typeof raw === 'object' ? NaN : Number(raw);
	if (value !== 1 && value !== 2) {
		throw inputError(ctx.getNode(), i, label, `${JSON.stringify(raw) ?? 'nothing'} is not 1 or 2`);
	}
	return value;
}

export interface RenderQuery {
	subOrderId: string;
	refundType: 1 | 2;
	goodsStatus: 1 | 2;
}

export interface RefundTemplate {
	refundReasons: Array<{ reasonId: number; reasonDesc: string; tips?: string }>;
	goodsStatusList: IDataObject[];
	refundOrder: IDataObject | null;
	maxRefundFee: { refundFee: number; minRefundFee: number; canEditRefundFee: boolean; feeTips?: string };
}

/** What Taobao allows for a sub-order; used by Get Refund Options, the Reason dropdown and Create's preview. */
export async function requestRender(
	this: IAllExecuteFunctions,
	itemIndex: number,
	query: RenderQuery,
): Promise<{ data: IDataObject; template: RefundTemplate; requestId?: string }> {
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.taobaoRefundRender, { itemIndex, body: query });
	const out = (data ?? {}) as IDataObject;
	const template = (out.refundOrderTemplate ?? {}) as Partial<RefundTemplate>;
	return {
		data: out,
		template: {
			refundReasons: template.refundReasons ?? [],
			goodsStatusList: template.goodsStatusList ?? [],
			refundOrder: template.refundOrder ?? null,
			maxRefundFee: template.maxRefundFee ?? { refundFee: 0, minRefundFee: 0, canEditRefundFee: false },
		},
		requestId,
	};
}

const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));

/**
 * The reverse order inside a query or cancel answer: both pages (doc-vnm/api-250496551,
 * doc/api-250313087) wrap it as `data.refundOrderAggregate` beside `distributorId` and `currency`.
 */
export function refundOfAnswer(data: unknown): IDataObject {
	return ((data as IDataObject | null)?.refundOrderAggregate ?? {}) as IDataObject;
}

/** Ids as text, status and the amount in fen with yuan beside. */
export function simplifyRefund(data: unknown): IDataObject {
	const refund = (data ?? {}) as IDataObject;
	const logistics = (refund.returnLogistics ?? null) as IDataObject | null;
	return {
		refundId: text(refund.refundId),
		orderId: text(refund.orderId),
		subOrderId: text(refund.subOrderId),
		refundType: refund.refundType,
		goodsStatus: refund.goodsStatus,
		refundStatus: refund.refundStatus,
		refundFee: refund.refundFee,
		refundFeeYuan: fenToYuan(refund.refundFee),
		reasonId: refund.reasonId,
		reasonDesc: refund.reasonDesc,
		title: refund.title,
		returnWaybillNo: logistics?.waybillNo,
		createTime: refund.createTime,
		modifiedTime: refund.modifiedTime,
	};
}
