import type { IAllExecuteFunctions, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { orderIdField as sharedOrderIdField } from '../../../shared/fields/orderId';

/** The fields and requests the 1688 after-sales operations share. */

export const orderIdField = sharedOrderIdField('1688');

export const subOrderIdsField: INodeProperties = {
	displayName: 'Sub-Order IDs',
	name: 'orderEntryIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3315502871190443521, 3315502871190443522',
	description:
		'The order lines concerned (subItemId in Get Order), separated by commas, or an expression that gives a list',
};

/** 1688's goods statuses: where the goods are when the buyer asks. */
export const goodsStatusField: INodeProperties = {
	displayName: 'Goods Status',
	name: 'goodsStatus',
	type: 'options',
	required: true,
	default: 'refundWaitSellerSend',
	description: 'Where the goods are; it decides which reasons 1688 allows',
	options: [
		{ name: 'After Completion, Not Received', value: 'aftersaleBuyerNotReceived', description: 'Order completed but the goods never arrived' },
		{ name: 'After Completion, Received', value: 'aftersaleBuyerReceived', description: 'Order completed and the goods arrived' },
		{ name: 'Not Shipped Yet', value: 'refundWaitSellerSend', description: 'The seller has not shipped' },
		{ name: 'Received, Not Confirmed', value: 'refundBuyerReceived', description: 'The goods arrived; receipt not yet confirmed' },
		{ name: 'Shipped, Not Received', value: 'refundWaitBuyerReceive', description: 'Shipped but not yet arrived' },
	],
};

export const refundIdField: INodeProperties = {
	displayName: 'Refund ID',
	name: 'refundId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. TQ2207123456789012',
	description: 'The 1688 refund ID (starts with TQ), as Create returned it',
};

export const vouchersField: INodeProperties = {
	displayName: 'Vouchers',
	name: 'vouchers',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://cbu01.alicdn.com/img/ibank/refund/O1CN01abc.jpg',
	description:
		'Evidence image URLs from Upload Voucher, separated by commas (at most 10), or an expression that gives a list',
};

const REFUND_ID = /^TQ\d{1,30}$/;
const MAX_VOUCHERS = 10;

export function readRefundId(ctx: IExecuteFunctions, i: number): string {
	const refundId = readText(ctx, 'refundId', 'Refund ID', i, { required: true, maxLength: 40 });
	if (!REFUND_ID.test(refundId)) {
		throw inputError(ctx.getNode(), i, 'Refund ID', `"${refundId}" is not a 1688 refund ID (TQ followed by digits)`);
	}
	return refundId;
}

/** Voucher URLs from a comma-separated string or a list; undefined when none are given. */
export function readVouchers(ctx: IExecuteFunctions, name: string, label: string, i: number): string[] | undefined {
	const raw = ctx.getNodeParameter(name, i, '') as unknown;
	const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [raw];
	const urls: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string') throw inputError(ctx.getNode(), i, label, 'expected image URLs as text');
		const url = part.trim();
		if (url === '') continue;
		if (!/^https?:\/\/\S+$/.test(url) || url.length > 1000) {
			throw inputError(ctx.getNode(), i, label, `"${url.slice(0, 40)}" is not an http(s) URL`, 'Use the voucher URL that Upload Voucher returned.');
		}
		urls.push(url);
	}
	if (urls.length > MAX_VOUCHERS) throw inputError(ctx.getNode(), i, label, `${urls.length} given; at most ${MAX_VOUCHERS} are accepted`);
	return urls.length > 0 ? urls : undefined;
}

export interface ReasonQuery {
	orderId: bigint;
	orderEntryIds: bigint[];
	goodsStatus: string;
}

export interface RefundReason extends IDataObject {
	id: number;
	name: string;
}

/** The reasons 1688 allows for these lines; used by Get Reasons, the Reason dropdown and Create's dry run. */
export async function requestReasons(
	this: IAllExecuteFunctions,
	itemIndex: number,
	query: ReasonQuery,
): Promise<{ reasons: RefundReason[]; requestId?: string }> {
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.refund1688Reasons, { itemIndex, body: query });
	const reasons = ((data as IDataObject | null)?.reasons ?? []) as RefundReason[];
	return { reasons, requestId };
}

/** An options value, which an expression could still set to anything. */
export function readChoice(ctx: IExecuteFunctions, field: INodeProperties, i: number): string {
	const value = readText(ctx, field.name, field.displayName, i, { required: true, maxLength: 64 });
	const allowed = (field.options ?? []).map((o) => String((o as { value: unknown }).value));
	if (!allowed.includes(value)) {
		throw inputError(ctx.getNode(), i, field.displayName, `"${value}" is not one of ${allowed.join(', ')}`);
	}
	return value;
}
