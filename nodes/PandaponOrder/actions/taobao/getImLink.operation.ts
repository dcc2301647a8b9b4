import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readIdText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('taobao', 'getImLink', [
	{
		displayName: 'Chat About',
		name: 'sourceType',
		type: 'options',
		default: 'item',
		options: [
			{ name: 'Item', value: 'item', description: 'Ask the seller about a Taobao item' },
			{ name: 'Order', value: 'order', description: 'Ask the seller about one of your Taobao orders' },
		],
	},
	{
		displayName: 'Item or Order ID',
		name: 'bizId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 681234567890',
		description: 'The Taobao item ID, or the order ID when chatting about an order',
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const sourceType = this.getNodeParameter('sourceType', i) as string;
	const bizId = readIdText(this, 'bizId', 'Item or Order ID', i);
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.taobaoOrderImLink, {
		itemIndex: i,
		body: { sourceType, bizId },
	});
	return { url: typeof data === 'string' ? data : undefined, sourceType, bizId, requestId };
}
