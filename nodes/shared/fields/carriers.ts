import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../catalogue';
import { callPandapon } from '../transport';

/**
 * China's domestic carriers as 1688 lists them (Logistics › Get Companies), read by Logistics and by
 * After-Sales' return-shipment dropdown.
 */

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

/** The load-options method of every carrier dropdown. */
export async function getLogisticsCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { data } = await callPandapon.call(this, ENDPOINTS.logistics1688Companies, { itemIndex: 0 });
	return companyOptions(data);
}
