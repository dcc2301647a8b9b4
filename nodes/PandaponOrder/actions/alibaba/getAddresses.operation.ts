import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { readLimit, returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'getAddresses', [...returnAllAndLimit]);

export async function execute(this: IExecuteFunctions, i: number) {
	const limit = readLimit(this, i);
	const { data } = await callPandapon.call(this, ENDPOINTS.address1688List, { itemIndex: i });
	return ((data ?? []) as IDataObject[]).slice(0, limit).map((a) => ({ ...a, id: String(a.id) }));
}
