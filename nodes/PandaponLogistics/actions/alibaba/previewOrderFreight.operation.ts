import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/operation';
import { checkCountry, countryField, orderIdsField, previewFreight, readChannelCode, readOrderIds } from './warehouse';

export const description: INodeProperties[] = forOperation('1688', 'previewOrderFreight', [
	orderIdsField,
	countryField('country', 'Destination Country', 'ISO 3166 two-letter code of the country the parcel goes to'),
	{
		displayName: 'Channel Code',
		name: 'channelCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. YW-LINE',
		description: 'The shipping channel, as Estimate Freight outputs it; leave empty for the cheapest',
	},
]);

export async function execute(this: IExecuteFunctions, i: number) {
	return await previewFreight.call(this, i, {
		orderIds: readOrderIds(this, i),
		country: checkCountry(this, this.getNodeParameter('country', i), 'Destination Country', i),
		channelCode: readChannelCode(this, i, false),
	});
}
