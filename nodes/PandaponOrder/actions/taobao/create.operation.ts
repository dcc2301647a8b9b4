import type { INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { compact, readInteger, readText } from '../../../shared/params';
import { safetyOptions } from '../../../shared/safety/options';
import { guardedWrites } from '../../../shared/safety/pipeline';
import { written } from '../../../shared/safety/written';
import { callPandapon } from '../../../shared/transport';
import { orderInputFields, readOrderBody } from './orderLines';
import { createdOrder } from './orderView';
import { renderOrder } from './preview.operation';

export const description: INodeProperties[] = [
	...orderInputFields('create'),
	...forOperation('taobao', 'create', [
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Order Source',
					name: 'orderSource',
					type: 'string',
					default: '',
					placeholder: 'e.g. shopify',
					description: 'The platform your customer ordered on',
				},
				{
					displayName: 'Purchase Amount (Fen)',
					name: 'purchaseAmount',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 0 },
					default: 0,
					description:
						'Budget for the whole order in fen (100 = ¥1): Taobao refuses the order if it would cost more. Pandapon requires it; at 0 (or when not added) the node previews the order first and uses its total.',
				},
				{
					displayName: 'Seller Order Number',
					name: 'sellerOrderNumber',
					type: 'string',
					default: '',
					placeholder: 'e.g. #1042',
					description: 'Your customer\'s order number on that platform',
				},
			],
		},
		safetyOptions,
	]),
];

export const executeBatch = guardedWrites(function (i) {
	const orderBody = readOrderBody(this, i);
	const extra = this.getNodeParameter('additionalFields', i, {}) as Record<string, unknown>;
	const body = {
		...orderBody,
		...compact({
			// 0, the field's default, means "not given" like an absent field: a 0 budget could buy nothing.
			purchaseAmount:
				extra.purchaseAmount === undefined
					? undefined
					: readInteger(this, 'additionalFields.purchaseAmount', 'Purchase Amount (Fen)', i, { min: 0 }) || undefined,
			orderSource: readText(this, 'additionalFields.orderSource', 'Order Source', i, { maxLength: 64 }),
			sellerOrderNumber: readText(this, 'additionalFields.sellerOrderNumber', 'Seller Order Number', i, { maxLength: 64 }),
		}),
	};
	return {
		preview: async () => await renderOrder.call(this, i, orderBody),
		write: async () => {
			// Pandapon requires purchaseAmount: without one given, the previewed total is the budget.
			const purchaseAmount = body.purchaseAmount ?? (await renderOrder.call(this, i, orderBody)).totalFen;
			const answer = await callPandapon.call(this, ENDPOINTS.taobaoOrderCreate, { itemIndex: i, body: { ...body, purchaseAmount } });
			// Says which budget went out, also when the outcome is unknown: the one given, or the previewed total Pandapon's required field defaulted to.
			const { json, ids } = written(answer, createdOrder);
			return { json: { ...json, purchaseAmount, purchaseAmountFrom: body.purchaseAmount === undefined ? 'preview' : 'parameter' }, ids };
		},
	};
});
