import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/catalogue';
import { searchOrders1688, searchTaobaoOrders } from '../../shared/fields/orderId';
import { callPandapon } from '../../shared/transport';

/**
 * Save Address's choice of address to update, as a From List value: a saved address's ID, or
 * NEW_ADDRESS for adding one. It is the field's default, so a fresh form already adds a new address.
 */
export const NEW_ADDRESS = 'new';

const NEW_ENTRY: INodeListSearchItems = { name: 'New Address', value: NEW_ADDRESS, description: 'Add the address below as a new saved address' };

/**
 * "New Address" first, then the saved addresses (Save Address's Saved Address). The endpoint takes
 * no search text and answers every address at once, so the typed filter is applied here.
 */
export async function searchAddresses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { data } = await callPandapon.call(this, ENDPOINTS.address1688List, { itemIndex: 0 });
	const saved = ((Array.isArray(data) ? data : []) as IDataObject[]).map((a) => ({
		name: `${String(a.name)} · ${[a.province, a.city, a.district, a.address].filter(Boolean).join(' ')}`,
		value: String(a.id),
	}));
	const wanted = (filter ?? '').trim().toLowerCase();
	return { results: [NEW_ENTRY, ...saved].filter((e) => e.name.toLowerCase().includes(wanted) || e.value === wanted) };
}

/** The From List methods of this node's resource locators. */
export const listSearch = { searchAddresses, searchOrders1688, searchTaobaoOrders };
