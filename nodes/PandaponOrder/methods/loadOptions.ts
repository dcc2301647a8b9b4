import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../shared/catalogue';
import { callPandapon } from '../../shared/transport';

/**
 * Save Address's choice of address to update, as a dropdown value: a saved address's ID, or
 * NEW_ADDRESS for adding one. The default has to be one of the entries, or the editor shows the
 * field as invalid before the user has touched it.
 */
export const NEW_ADDRESS = 'new';

/** "New Address" first, then the saved addresses (Save Address's Saved Address). */
export async function getAddresses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { data } = await callPandapon.call(this, ENDPOINTS.address1688List, { itemIndex: 0 });
	return [
		{ name: 'New Address', value: NEW_ADDRESS, description: 'Add the address below as a new saved address' },
		...((data ?? []) as IDataObject[]).map((a) => ({
			name: `${String(a.name)} · ${[a.province, a.city, a.district, a.address].filter(Boolean).join(' ')}`,
			value: String(a.id),
		})),
	];
}
