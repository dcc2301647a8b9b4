import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addressProperty, orderAddress, readAddress } from '../../../shared/address';
import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { forOperation, showFor } from '../../../shared/operation';
import { simplifyPreview } from '../../../shared/preview';
import { callPandapon } from '../../../shared/transport';
import { linesField, readLines } from './cargo';

export const description: INodeProperties[] = [
	...forOperation('1688', 'preview', [linesField(false), simplifyField]),
	addressProperty(showFor('1688', 'preview')),
];

export async function execute(this: IExecuteFunctions, i: number) {
	const body = { addressParam: orderAddress(readAddress(this, i)), cargoParamList: readLines(this, i, false) };
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.order1688Preview, { itemIndex: i, body });
	return { ...(simplify ? simplifyPreview('order1688Preview', data) : (data as IDataObject)), requestId };
}
