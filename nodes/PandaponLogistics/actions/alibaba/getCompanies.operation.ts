import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { readLimit, returnAllAndLimit } from '../../../shared/listing';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'getCompanies', [...returnAllAndLimit]);

/** The carriers as 1688 lists them, ids as text. */
export function companiesOf(data: unknown): IDataObject[] {
	const list = (Array.isArray(data) ? data : []) as IDataObject[];
	return list.map((c) => ({ ...c, ...(c.id === undefined ? {} : { id: String(c.id) }) }));
}

/** Dropdown entries: the carrier's name with its code, valued by the code the API expects. */
export function companyOptions(data: unknown): INodePropertyOptions[] {
	return companiesOf(data)
		.filter((c) => typeof c.companyNo === 'string' && c.companyNo !== '')
		.map((c) => ({ name: `${String(c.companyName ?? c.companyNo)} (${String(c.companyNo)})`, value: String(c.companyNo) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function execute(this: IExecuteFunctions, i: number) {
	const limit = readLimit(this, i);
	const { data } = await callPandapon.call(this, ENDPOINTS.logistics1688Companies, { itemIndex: i });
	// The API answers the whole list at once, so Limit only trims it.
	return companiesOf(data).slice(0, limit);
}
