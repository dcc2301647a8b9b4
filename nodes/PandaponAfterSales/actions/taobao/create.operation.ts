import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { compact, readIdText, readInteger, readText } from '../../../shared/params';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { written } from '../../../shared/safety/written';
import { callPandapon } from '../../../shared/transport';
import {
	goodsStatusField,
	readCode,
	readImages,
	refundImagesField,
	refundTypeField,
	requestRender,
	subOrderIdField,
} from './refund';

export const description: INodeProperties[] = forOperation('taobao', 'create', [
	subOrderIdField,
	refundTypeField,
	goodsStatusField,
	{
		displayName: 'Reason Name or ID',
		name: 'reasonId',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getTaobaoRefundReasons',
			loadOptionsDependsOn: ['subOrderId', 'refundType', 'goodsStatus'],
		},
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The list needs Sub-Order ID, Refund Type and Goods Status; Get Refund Options gives the same IDs',
	},
	{
		displayName: 'Refund Amount (Fen)',
		name: 'refundFee',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		required: true,
		default: 1,
		description: 'The amount claimed, in fen (100 = ¥1); Get Refund Options gives the allowed range',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			refundImagesField,
			{
				displayName: 'Note',
				name: 'refundMemo',
				type: 'string',
				default: '',
				placeholder: 'e.g. The strap is torn',
				description: 'What went wrong, for the seller',
			},
		],
	},
	safetyOptions,
]);

export const executeBatch = guardedWrites(function (i) {
	const query = {
		subOrderId: readIdText(this, 'subOrderId', 'Sub-Order ID', i),
		refundType: readCode(this, 'refundType', 'Refund Type', i),
		goodsStatus: readCode(this, 'goodsStatus', 'Goods Status', i),
	};
	const reasonId = readInteger(this, 'reasonId', 'Reason', i, { min: 1 });
	const refundFee = readInteger(this, 'refundFee', 'Refund Amount (Fen)', i, { min: 1 });
	const body = compact({
		...query,
		reasonId,
		refundFee,
		refundMemo: readText(this, 'additionalFields.refundMemo', 'Additional Fields › Note', i, { maxLength: 500 }),
		refundImages: readImages(this, 'additionalFields.refundImages', 'Additional Fields › Images', i),
	});

	return {
		// Taobao renders a reverse order before it is submitted; the render checks reason and amount.
		preview: async () => {
			const { template } = await requestRender.call(this, i, query);
			const reason = template.refundReasons.find((r) => Number(r.reasonId) === reasonId);
			if (!reason) {
				const allowed = template.refundReasons.map((r) => `${r.reasonId} (${r.reasonDesc})`).join(', ');
				throw inputError(this.getNode(), i, 'Reason', `${reasonId} is not allowed here; allowed: ${allowed}`);
			}
			const fee = template.maxRefundFee;
			if (refundFee < fee.minRefundFee || refundFee > fee.refundFee) {
				throw inputError(
					this.getNode(),
					i,
					'Refund Amount (Fen)',
					`${refundFee} fen is outside the allowed ${fee.minRefundFee}–${fee.refundFee} fen`,
					fee.feeTips,
				);
			}
			return {
				totalFen: refundFee,
				preview: {
					...query,
					reasonId,
					reason: reason.reasonDesc,
					refundFee,
					refundFeeYuan: fenToYuan(refundFee),
					maxRefundFee: fee.refundFee,
					maxRefundFeeYuan: fenToYuan(fee.refundFee),
				},
			};
		},
		write: async () => {
			const answer = await callPandapon.call(this, ENDPOINTS.taobaoRefundCreate, { itemIndex: i, body });
			return written(answer, (out) => ({
				refundId: out.refundId,
				refundStatus: out.refundStatus,
				subOrderId: query.subOrderId,
				refundFee,
				refundFeeYuan: fenToYuan(refundFee),
			}), 'refundId');
		},
	};
});
