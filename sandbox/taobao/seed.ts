/** A small Taobao catalogue (prices in fen). Item ids are numeric strings, as the v1 API types them. */

export interface TaobaoSku {
	skuId: string;
	mpSkuId: string;
	properties: Array<{ propId: string; propName: string; valueId: string; valueName: string }>;
	priceFen: number;
	promotionPriceFen: number;
	quantity: number;
}

export interface TaobaoItem {
	itemId: string;
	mpId: string;
	title: string;
	picUrls: string[];
	shopId: number;
	shopName: string;
	userNick: string;
	categoryId: number;
	categoryName: string;
	skus: TaobaoSku[];
}

export const TAOBAO_ITEMS: TaobaoItem[] = [
	{
		itemId: '681234567890',
		mpId: 'MP681234567890',
		title: '夏季透气运动鞋 Breathable running shoes',
		picUrls: ['https://img.alicdn.com/imgextra/shoes1.jpg'],
		shopId: 57300112,
		shopName: '跑者之家旗舰店',
		userNick: 'runner_home',
		categoryId: 50012043,
		categoryName: '运动鞋',
		skus: [
			{
				skuId: '4961234500001',
				mpSkuId: 'MPSKU4961234500001',
				properties: [{ propId: '20549', propName: '尺码', valueId: '28383', valueName: '42' }],
				priceFen: 15900,
				promotionPriceFen: 12900,
				quantity: 300,
			},
			{
				skuId: '4961234500002',
				mpSkuId: 'MPSKU4961234500002',
				properties: [{ propId: '20549', propName: '尺码', valueId: '28384', valueName: '43' }],
				priceFen: 15900,
				promotionPriceFen: 12900,
				quantity: 0,
			},
		],
	},
	{
		itemId: '690011223344',
		mpId: 'MP690011223344',
		title: '陶瓷马克杯 Ceramic mug 350ml',
		picUrls: ['https://img.alicdn.com/imgextra/mug1.jpg'],
		shopId: 61800045,
		shopName: '景德镇陶艺坊',
		userNick: 'jdz_ceramic',
		categoryId: 50008163,
		categoryName: '杯子',
		skus: [
			{
				skuId: '5012233445501',
				mpSkuId: 'MPSKU5012233445501',
				properties: [{ propId: '1627207', propName: '颜色', valueId: '28341', valueName: '白色' }],
				priceFen: 3500,
				promotionPriceFen: 2990,
				quantity: 1000,
			},
		],
	},
];

export function findTaobaoSku(itemId: string, skuId: string): { item: TaobaoItem; sku: TaobaoSku } | undefined {
	const item = TAOBAO_ITEMS.find((i) => i.itemId === itemId);
	const sku = item?.skus.find((s) => s.skuId === skuId);
	return item && sku ? { item, sku } : undefined;
}
