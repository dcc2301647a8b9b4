import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { compact, readIdText, readInteger, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { goodsStatusField, readCode, readImages, refundIdField, refundImagesField, simplifyRefund } from './refund';

const FIELDS = 'Update Fields';

export const description: INodeProperties[] = forOperation('taobao', 'update', [
	refundIdField,
	{
		displayName: FIELDS,
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only a reverse order waiting for the seller, or one the seller refused, can be changed',
		options: [
			goodsStatusField,
			refundImagesField,
			{
				displayName: 'Note',
				name: 'refundMemo',
				type: 'string',
				default: '',
				placeholder: 'e.g. Photos of the damage attached',
				description: 'What went wrong, for the seller',
			},
			{
				displayName: 'Reason ID',
				name: 'reasonId',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: 'A reason ID from Get Refund Options for the same sub-order',
			},
			{
				displayName: 'Refund Amount (Fen)',
				name: 'refundFee',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: 'The new amount claimed, in fen (100 = ¥1)',
			},
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const refundId = readIdText(this, 'refundId', 'Refund ID', i);
	const set = this.getNodeParameter('updateFields', i, {}) as Record<string, unknown>;
	const has = (name: string) => set[name] !== undefined;
	const changes = compact({
		goodsStatus: has('goodsStatus') ? readCode(this, 'updateFields.goodsStatus', `${FIELDS} › Goods Status`, i) : undefined,
		reasonId: has('reasonId') ? readInteger(this, 'updateFields.reasonId', `${FIELDS} › Reason ID`, i, { min: 1 }) : undefined,
		refundFee: has('refundFee') ? readInteger(this, 'updateFields.refundFee', `${FIELDS} › Refund Amount (Fen)`, i, { min: 1 }) : undefined,
		refundMemo: readText(this, 'updateFields.refundMemo', `${FIELDS} › Note`, i, { maxLength: 500 }),
		refundImages: readImages(this, 'updateFields.refundImages', `${FIELDS} › Images`, i),
	});
	if (Object.keys(changes).length === 0) {
		throw inputError(this.getNode(), i, FIELDS, 'nothing to change', 'Add at least one field to change.');
	}
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.taobaoRefundModify, {
		itemIndex: i,
		body: { refundId, ...changes },
	});
	return { updated: true, ...simplifyRefund(data), requestId };
}
