import type { IDataObject, INodeProperties } from 'n8n-workflow';

export const cartIdsField: INodeProperties = {
	displayName: 'Cart IDs',
	name: 'cartIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 100234, 100235',
	description: 'Cart line IDs separated by commas, or an expression that gives a list of IDs',
};

/** A cart as both platforms list it: lines grouped by seller (or shop), orderable or not. */
interface CartGroups {
	enableList?: IDataObject[];
	disableList?: IDataObject[];
}

/**
 * One item per cart line, carrying what its group says about the seller (`groupFields`) and
 * whether it can be ordered; unavailable lines only when asked for.
 */
export function flattenCartGroups(
	data: unknown,
	includeUnavailable: boolean,
	groupFields: (group: IDataObject) => IDataObject,
	lineFields: (line: IDataObject) => IDataObject = () => ({}),
): IDataObject[] {
	const lists = (data ?? {}) as CartGroups;
	const groups: Array<[IDataObject, boolean]> = [
		...(lists.enableList ?? []).map((g): [IDataObject, boolean] => [g, true]),
		...(includeUnavailable ? (lists.disableList ?? []) : []).map((g): [IDataObject, boolean] => [g, false]),
	];
	return groups.flatMap(([group, available]) =>
		((group.cartItemInfos ?? []) as IDataObject[]).map((line) => ({ ...line, ...lineFields(line), ...groupFields(group), available })),
	);
}
