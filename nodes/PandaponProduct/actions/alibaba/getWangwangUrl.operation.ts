import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { offerIdField } from '../../../shared/fields/productIds';

export const description: INodeProperties[] = forOperation('1688', 'getWangwangUrl', [
	{
		displayName: 'Look Up By',
		name: 'lookUpBy',
		type: 'options',
		noDataExpression: true,
		default: 'sellerOpenId',
		options: [
			{ name: 'Offer ID', value: 'offerId', description: 'The seller of an offer' },
			{ name: 'Seller Open ID', value: 'sellerOpenId', description: 'A seller as offers and orders give it' },
		],
	},
	{
		displayName: 'Seller Open ID',
		name: 'sellerOpenId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. b2b-2206783546291c8f1',
		displayOptions: { show: { lookUpBy: ['sellerOpenId'] } },
		description: 'The encrypted seller ID that 1688 offers and orders carry',
	},
	{ ...offerIdField, displayOptions: { show: { lookUpBy: ['offerId'] } } },
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const body =
		this.getNodeParameter('lookUpBy', i) === 'offerId'
			? { offerId: readLocatorId(this, 'offerId', 'Offer ID', i, '1688Offer') }
			: { sellerOpenId: readText(this, 'sellerOpenId', 'Seller Open ID', i, { required: true, maxLength: 64 }) };
	const { data } = await callPandapon.call(this, ENDPOINTS.product1688Wangwang, { itemIndex: i, body });
	return (data ?? {}) as IDataObject;
}
