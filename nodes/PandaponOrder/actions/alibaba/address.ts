import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { callPandapon } from '../../../shared/transport';

/** Saved addresses as dropdown entries (Save Address's Address ID). */
export async function getAddresses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { data } = await callPandapon.call(this, ENDPOINTS.address1688List, { itemIndex: 0 });
	return ((data ?? []) as IDataObject[]).map((a) => ({
		name: `${String(a.name)} · ${[a.province, a.city, a.district, a.address].filter(Boolean).join(' ')}`,
		value: String(a.id),
	}));
}
