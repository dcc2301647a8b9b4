import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { simplifyField } from '../../../shared/listing';
import { fenToYuan } from '../../../shared/money';
import { forOperation } from '../../../shared/operation';
import { compact, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { readLocatorId } from '../../../shared/fields/locator';
import { offerIdField } from '../../../shared/fields/productIds';
import { outMemberIdOption } from './offers';

export const description: INodeProperties[] = forOperation('1688', 'get', [
	offerIdField,
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [outMemberIdOption],
	},
]);

/** `[{attributeName, value, attributeNameTrans, valueTrans}]` → "Color: White; Size: M". */
function attributesText(attributes: unknown): string {
	return ((attributes ?? []) as IDataObject[])
		.map((a) => `${String(a.attributeNameTrans ?? a.attributeName)}: ${String(a.valueTrans ?? a.value)}`)
		.join('; ');
}

/**
 * The fields a workflow usually needs from an offer: IDs as text, the price span over its SKUs in
 * fen with yuan beside (shared/units.ts), and one line per SKU with what ordering needs (spec ID, stock).
 */
export function simplifyOffer(data: unknown): IDataObject {
	const offer = (data ?? {}) as IDataObject;
	const skus = (offer.skuInfos ?? []) as IDataObject[];
	const prices = skus.map((s) => Number(s.price)).filter(Number.isFinite);
	const priceMin = prices.length > 0 ? Math.min(...prices) : undefined;
	const priceMax = prices.length > 0 ? Math.max(...prices) : undefined;
	const images = (offer.images ?? []) as string[];
	return {
		offerId: offer.offerId === undefined ? undefined : String(offer.offerId),
		subject: offer.subject,
		subjectTrans: offer.subjectTrans,
		status: offer.status,
		categoryId: offer.categoryId === undefined ? undefined : String(offer.categoryId),
		categoryName: offer.categoryName,
		sellerOpenId: offer.sellerOpenId,
		companyName: offer.companyName,
		minOrderQuantity: offer.minOrderQuantity,
		amountOnSale: (offer.saleInfo as IDataObject | undefined)?.amountOnSale,
		priceMin,
		priceMinYuan: fenToYuan(priceMin),
		priceMax,
		priceMaxYuan: fenToYuan(priceMax),
		imageUrl: images[0],
		detailUrl: offer.detailUrl,
		skus: skus.map((s) => ({
			specId: s.specId,
			skuId: s.skuId === undefined ? undefined : String(s.skuId),
			attributes: attributesText(s.skuAttributes),
			price: s.price,
			priceYuan: fenToYuan(s.price),
			amountOnSale: s.amountOnSale,
		})),
	};
}

export async function execute(this: IExecuteFunctions, i: number) {
	const body = compact({
		offerId: readLocatorId(this, 'offerId', 'Offer ID', i, '1688Offer'),
		country: 'en',
		outMemberId: readText(this, 'options.outMemberId', 'Options › Out Member ID', i, { maxLength: 64 }),
	});
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	const { data } = await callPandapon.call(this, ENDPOINTS.product1688Get, { itemIndex: i, body });
	return simplify ? simplifyOffer(data) : ((data ?? {}) as IDataObject);
}
