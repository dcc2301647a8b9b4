import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { forOperation } from '../../../shared/operation';
import { locatorField, readLocatorValue } from '../../../shared/fields/locator';
import { checkId, compact, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { NEW_ADDRESS } from '../../methods/listSearch';

const text = (displayName: string, name: string, placeholder: string, required = true): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required,
	default: '',
	placeholder,
});

export const description: INodeProperties[] = forOperation('1688', 'saveAddress', [
	locatorField({
		displayName: 'Saved Address',
		name: 'addressId',
		example: '5001',
		searchMethod: 'searchAddresses',
		required: false,
		value: NEW_ADDRESS,
		cachedResultName: 'New Address',
		description: 'The saved address to update, or New Address to add the address below as a new one',
	}),
	text('Name', 'name', 'e.g. 王小明'),
	text('Phone', 'phone', 'e.g. 13800138000'),
	text('Province', 'province', 'e.g. 浙江省'),
	text('City', 'city', 'e.g. 杭州市'),
	text('District', 'district', 'e.g. 余杭区', false),
	text('Street Address', 'address', 'e.g. 文一西路969号'),
]);

export async function execute(this: IExecuteFunctions, i: number) {
	const field = (name: string, label: string, required = true) => readText(this, name, label, i, { required, maxLength: name === 'address' ? 200 : 100 });
	const chosen = readLocatorValue(this, 'addressId', 'Saved Address', i);
	// Nothing chosen (an empty By ID, or an expression that gives nothing) also adds a new address, as before the entry existed.
	const addressId =
		chosen === NEW_ADDRESS || chosen === '' || chosen === undefined || chosen === null ? undefined : checkId(this, chosen, 'Saved Address', i);
	const body = compact({
		id: addressId,
		name: field('name', 'Name'),
		province: field('province', 'Province'),
		city: field('city', 'City'),
		district: field('district', 'District', false),
		address: field('address', 'Street Address'),
		phone: field('phone', 'Phone'),
	});
	const { requestId } = await callPandapon.call(this, ENDPOINTS.address1688Save, { itemIndex: i, body });
	return { saved: true, ...(addressId === undefined ? {} : { addressId: addressId.toString() }), requestId };
}
