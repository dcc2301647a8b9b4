import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { addressProperty, orderAddress } from '../../../shared/address';
import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation, showFor } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';
import { moneyOut } from '../../../shared/units';
import { itemsOfSeller, pairedWith, runBatch, sellerFinder } from './batch';
import { linesField } from './cargo';

export const description: INodeProperties[] = [
	...forOperation('1688', 'previewBatch', [
		{
			displayName: 'All input items are previewed together: their lines are combined and split by seller. The address of the first item applies.',
			name: 'batchNotice',
			type: 'notice',
			default: '',
		},
		linesField(true),
	]),
	addressProperty(showFor('1688', 'previewBatch')),
];

/** One batch call prices every item's lines, so Concurrency has nothing to run side by side. */
export const sequential = true;

export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runBatch(this, async ({ first, addressParam, cargoParamList, lines }) => {
		const { data, requestId } = await callPandapon.call(this, ENDPOINTS.order1688PreviewBatch, {
			itemIndex: first,
			body: { addressParam: orderAddress(addressParam), cargoParamList },
		});
		const previews = ((data as IDataObject | null)?.orderPreviewResuslt ?? []) as IDataObject[];
		const find = sellerFinder(previews.map((p) => ({ seller: String(p.sellerOpenId), lines: (p.cargoList ?? []) as Array<{ offerId: unknown; specId?: unknown }> })));
		return previews.map((p) =>
			pairedWith(
				{
					sellerOpenId: p.sellerOpenId,
					...moneyOut('order1688PreviewBatch', 'data.orderPreviewResuslt[].sumPayment', p.sumPayment),
					...moneyOut('order1688PreviewBatch', 'data.orderPreviewResuslt[].sumCarriage', p.sumCarriage),
					lines: p.cargoList,
					requestId,
				},
				itemsOfSeller(lines, find, String(p.sellerOpenId)),
			),
		);
	});
}
