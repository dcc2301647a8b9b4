/** A small, realistic 1688 catalogue: three sellers, offers with specs, prices in fen. */

export interface Spec {
	specId: string;
	skuId: bigint;
	attributes: string;
	priceFen: number;
	stock: number;
}

export interface Offer {
	offerId: number;
	title: string;
	imageUrl: string;
	sellerOpenId: string;
	specs: Spec[];
}

export interface Seller {
	sellerOpenId: string;
	nickName: string;
	carriageFen: number;
}

export const SELLERS: Seller[] = [
	{ sellerOpenId: 'b2b-2206783546291c8f1', nickName: '义乌市优品饰品厂', carriageFen: 600 },
	{ sellerOpenId: 'b2b-3318820139524d6a2', nickName: '广州潮流服饰有限公司', carriageFen: 800 },
	{ sellerOpenId: 'b2b-1197732245178e3b7', nickName: '深圳数码配件批发', carriageFen: 500 },
];

function spec(specId: string, skuId: bigint, attributes: string, priceFen: number, stock: number): Spec {
	return { specId, skuId, attributes, priceFen, stock };
}

export const OFFERS: Offer[] = [
	{
		offerId: 624981234567,
		title: '韩版简约珍珠耳环 S925银针 Pearl earrings',
		imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01pearl.jpg',
		sellerOpenId: SELLERS[0].sellerOpenId,
		specs: [
			spec('7f3a1c2e9b8d4f60a1b2c3d4e5f60718', 4870123456789n, '颜色:白色', 290, 5000),
			spec('8e4b2d3f0c9e5a71b2c3d4e5f6071829', 4870123456790n, '颜色:金色', 320, 3000),
		],
	},
	{
		offerId: 631247789012,
		title: '不锈钢钥匙扣 Stainless keychain',
		imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01keychain.jpg',
		sellerOpenId: SELLERS[0].sellerOpenId,
		specs: [spec('9f5c3e4a1d0f6b82c3d4e5f60718293a', 4870123456800n, '款式:圆形', 150, 20000)],
	},
	{
		offerId: 655310028877,
		title: '纯棉宽松短袖T恤 Cotton T-shirt',
		imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01tshirt.jpg',
		sellerOpenId: SELLERS[1].sellerOpenId,
		specs: [
			spec('a06d4f5b2e1a7c93d4e5f60718293a4b', 5120098765432n, '颜色:黑色;尺码:M', 1890, 1200),
			spec('b17e5a6c3f2b8da4e5f60718293a4b5c', 5120098765433n, '颜色:黑色;尺码:L', 1890, 800),
			spec('c28f6b7d4a3c9eb5f60718293a4b5c6d', 5120098765434n, '颜色:白色;尺码:M', 1790, 0),
		],
	},
	{
		offerId: 672200114455,
		title: 'Type-C 快充数据线 1m USB-C cable',
		imageUrl: 'https://cbu01.alicdn.com/img/ibank/O1CN01cable.jpg',
		sellerOpenId: SELLERS[2].sellerOpenId,
		specs: [spec('d3907c8e5b4da0c60718293a4b5c6d7e', 6300011122233n, '长度:1米', 450, 100000)],
	},
];

export function findSpec(offerId: bigint | number, specId: string | undefined): { offer: Offer; spec: Spec } | undefined {
	const offer = OFFERS.find((o) => BigInt(o.offerId) === BigInt(offerId));
	if (!offer) return undefined;
	const found = specId ? offer.specs.find((s) => s.specId === specId) : offer.specs.length === 1 ? offer.specs[0] : undefined;
	return found ? { offer, spec: found } : undefined;
}

export function sellerOf(sellerOpenId: string): Seller {
	const seller = SELLERS.find((s) => s.sellerOpenId === sellerOpenId);
	if (!seller) throw new Error(`unknown seller ${sellerOpenId}`);
	return seller;
}
