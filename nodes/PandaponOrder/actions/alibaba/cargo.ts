import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toIdDigits } from '../../../shared/bigJson';
import { inputError } from '../../../shared/errors';
import { checkText } from '../../../shared/params';

export interface CargoLine {
	offerId: bigint;
	specId?: string;
	quantity: number;
	sellerOpenId?: string;
}

/** Order lines of 1688's `cargoParamList`: one entry per offer spec. */
export function linesField(withSeller: boolean): INodeProperties {
	return {
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Line',
		required: true,
		default: {},
		description: withSeller
			? 'What to order. Lines of all input items are combined; sellers are split into separate orders.'
			: 'What to order; all lines must be from one seller',
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{ displayName: 'Offer ID', name: 'offerId', type: 'string', default: '', placeholder: 'e.g. 624981234567' },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1, numberPrecision: 0 }, default: 1 },
					...(withSeller
						? [
								{
									displayName: 'Seller Open ID',
									name: 'sellerOpenId',
									type: 'string' as const,
									default: '',
									placeholder: 'e.g. b2b-2206783546291c8f1',
									description: 'Optional; Pandapon finds the seller from the offer when empty',
								},
							]
						: []),
					{ displayName: 'Spec ID', name: 'specId', type: 'string', default: '', placeholder: 'e.g. 7f3a1c2e9b8d4f60a1b2c3d4e5f60718', description: 'Empty for offers without variants' },
				],
			},
		],
	};
}

/** The lines of item `i`, each checked: exact offer id, whole positive quantity. */
export function readLines(ctx: IExecuteFunctions, i: number, withSeller: boolean): CargoLine[] {
	const raw = ctx.getNodeParameter('lines.line', i, []) as IDataObject[];
	if (!Array.isArray(raw) || raw.length === 0) {
		throw inputError(ctx.getNode(), i, 'Lines', 'add at least one line (offer ID and quantity)');
	}
	return raw.map((line, n) => {
		const label = `Lines › Line ${n + 1}`;
		const offerId = toIdDigits(line.offerId);
		if (offerId === undefined) throw inputError(ctx.getNode(), i, `${label} › Offer ID`, `"${String(line.offerId ?? '')}" is not a numeric offer ID`);
		const quantity = typeof line.quantity === 'string' ? Number(line.quantity) : line.quantity;
		if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000) {
			throw inputError(ctx.getNode(), i, `${label} › Quantity`, `${String(line.quantity)} is not a whole number from 1 to 1000000`);
		}
		const specId = checkText(ctx, line.specId, `${label} › Spec ID`, i, { maxLength: 64 });
		const sellerOpenId = withSeller ? checkText(ctx, line.sellerOpenId, `${label} › Seller Open ID`, i, { maxLength: 64 }) : '';
		return {
			offerId: BigInt(offerId),
			quantity,
			...(specId ? { specId } : {}),
			...(sellerOpenId ? { sellerOpenId } : {}),
		};
	});
}
