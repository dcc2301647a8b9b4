import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { compact, readIdList, readInteger, readText } from '../../../shared/params';
import { toIdDigits } from '../../../shared/bigJson';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { written } from '../../../shared/safety/written';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import {
	goodsStatusField,
	orderIdField,
	readChoice,
	readVouchers,
	requestReasons,
	subOrderIdsField,
	vouchersField,
} from './refund';

const disputeRequestField: INodeProperties = {
	displayName: 'Request',
	name: 'disputeRequest',
	type: 'options',
	required: true,
	default: 'refund',
	options: [
		{ name: 'Refund Only', value: 'refund', description: 'Money back, the goods stay with you' },
		{ name: 'Return and Refund', value: 'returnRefund', description: 'Send the goods back, then money back' },
	],
};

export const description: INodeProperties[] = forOperation('1688', 'create', [
	orderIdField,
	subOrderIdsField,
	disputeRequestField,
	goodsStatusField,
	{
		displayName: 'Reason Name or ID',
		name: 'applyReasonId',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getRefundReasons',
			loadOptionsDependsOn: ['orderId', 'orderEntryIds', 'goodsStatus'],
		},
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The list needs Order ID, Sub-Order IDs and Goods Status; Get Reasons gives the same IDs',
	},
	{
		displayName: 'Refund Amount (Fen)',
		name: 'applyPayment',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		required: true,
		default: 0,
		description: 'The amount claimed for the goods, in fen (100 = ¥1)',
	},
	{
		displayName: 'Carriage Refund (Fen)',
		name: 'applyCarriage',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		required: true,
		default: 0,
		description: 'The shipping fee claimed back, in fen (100 = ¥1)',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		placeholder: 'e.g. 3 of 10 earrings arrived broken',
		description: 'What went wrong, for the seller',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Line Quantities',
				name: 'lineQuantities',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Line Quantity',
				description: 'How many pieces of a line the claim is for, when it is not the whole line',
				options: [
					{
						displayName: 'Line',
						name: 'line',
						values: [
							{
								displayName: 'Sub-Order ID',
								name: 'id',
								type: 'string',
								default: '',
								placeholder: 'e.g. 3315502871190443521',
								description: 'One of the Sub-Order IDs above',
							},
							{
								displayName: 'Count',
								name: 'count',
								type: 'number',
								typeOptions: { minValue: 1, numberPrecision: 0 },
								default: 1,
							},
						],
					},
				],
			},
			vouchersField,
		],
	},
	safetyOptions,
]);

const LINE_LABEL = 'Additional Fields › Line Quantities';

function readLineCounts(ctx: IExecuteFunctions, i: number, entryIds: bigint[]): Array<{ id: bigint; count: number }> | undefined {
	const lines = ctx.getNodeParameter('additionalFields.lineQuantities.line', i, []) as IDataObject[];
	if (lines.length === 0) return undefined;
	return lines.map((line) => {
		const digits = toIdDigits(line.id);
		if (digits === undefined || !entryIds.includes(BigInt(digits))) {
			throw inputError(ctx.getNode(), i, `${LINE_LABEL} › Sub-Order ID`, `"${String(line.id)}" is not one of the Sub-Order IDs`);
		}
		const count = Number(line.count);
		if (!Number.isInteger(count) || count < 1) {
			throw inputError(ctx.getNode(), i, `${LINE_LABEL} › Count`, `${String(line.count)} is not a whole number of at least 1`);
		}
		return { id: BigInt(digits), count };
	});
}

export const executeBatch = guardedWrites(function (i) {
	const orderId = readLocatorId(this, 'orderId', 'Order ID', i);
	const orderEntryIds = readIdList(this, 'orderEntryIds', 'Sub-Order IDs', i);
	const disputeRequest = readChoice(this, disputeRequestField, i);
	const goodsStatus = readChoice(this, goodsStatusField, i);
	const applyReasonId = readInteger(this, 'applyReasonId', 'Reason', i, { min: 1 });
	const applyPayment = readInteger(this, 'applyPayment', 'Refund Amount (Fen)', i, { min: 0 });
	const applyCarriage = readInteger(this, 'applyCarriage', 'Carriage Refund (Fen)', i, { min: 0 });
	if (applyPayment + applyCarriage === 0) {
		throw inputError(this.getNode(), i, 'Refund Amount (Fen)', 'the claim is 0 fen; set the refund amount or the carriage refund');
	}
	const body = compact({
		orderId,
		orderEntryIds,
		disputeRequest,
		applyPayment,
		applyCarriage,
		applyReasonId,
		description: readText(this, 'description', 'Description', i, { required: true, maxLength: 500 }),
		goodsStatus,
		vouchers: readVouchers(this, 'additionalFields.vouchers', 'Additional Fields › Vouchers', i),
		orderEntryCountList: readLineCounts(this, i, orderEntryIds),
	});

	return {
		// The claim is the total at stake; checking the reason here makes a dry run a real validation.
		preview: async () => {
			const { reasons } = await requestReasons.call(this, i, { orderId, orderEntryIds, goodsStatus });
			const reason = reasons.find((r) => Number(r.id) === applyReasonId);
			if (!reason) {
				throw inputError(
					this.getNode(),
					i,
					'Reason',
					`${applyReasonId} is not allowed for these sub-orders with goods status ${goodsStatus}; allowed: ${reasons.map((r) => `${r.id} (${r.name})`).join(', ')}`,
				);
			}
			if (reason.needVoucher === true && !body.vouchers) {
				throw inputError(this.getNode(), i, 'Additional Fields › Vouchers', `the reason "${reason.name}" needs at least one voucher`, 'Upload photos with Upload Voucher first.');
			}
			const totalFen = applyPayment + applyCarriage;
			return {
				totalFen,
				preview: {
					orderId: orderId.toString(),
					orderEntryIds: orderEntryIds.map(String),
					disputeRequest,
					goodsStatus,
					reasonId: applyReasonId,
					reason: reason.name,
					applyPayment,
					applyPaymentYuan: fenToYuan(applyPayment),
					applyCarriage,
					applyCarriageYuan: fenToYuan(applyCarriage),
				},
			};
		},
		write: async () => {
			const answer = await callPandapon.call(this, ENDPOINTS.refund1688Create, { itemIndex: i, body });
			return written(answer, (data) => ({
				refundId: data.refundId,
				orderId: orderId.toString(),
				disputeRequest,
				applyPayment,
				applyPaymentYuan: fenToYuan(applyPayment),
				applyCarriage,
				applyCarriageYuan: fenToYuan(applyCarriage),
			}), 'refundId');
		},
	};
});
