/**
 * What the product endpoints need beyond the order seeds: categories, translations, descriptions,
 * sales figures and search tags for the 1688 offers and Taobao items of `seed.ts` and
 * `taobao/seed.ts`, plus a "long tail" of phone-case listings so that a popular keyword has more
 * results than one page holds, as on the real sites.
 *
 * The long-tail listings can be read and searched; the cart and order state only know the seed
 * offers and items (see `findSpec` / `findTaobaoSku`).
 */
import { createHash } from 'node:crypto';

import { OFFERS, SELLERS } from './seed';
import type { Offer, Spec } from './seed';
import { TAOBAO_ITEMS } from './taobao/seed';
import type { TaobaoItem, TaobaoSku } from './taobao/seed';

export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Translated = Record<Language, string>;

// ---------------------------------------------------------------------------------------------
// 1688 categories (a slice of the real tree's shape: top level, second level, leaves)

export interface Category {
	categoryId: number;
	parentCateId: number;
	chineseName: string;
	names: Translated;
}

export const ROOT_CATEGORY: Category = {
	categoryId: 0,
	parentCateId: 0,
	chineseName: '全部类目',
	names: { en: 'All categories', vi: 'Tất cả danh mục' },
};

export const CATEGORIES: Category[] = [
	{ categoryId: 1813, parentCateId: 0, chineseName: '服饰配件、饰品', names: { en: 'Accessories & jewelry', vi: 'Phụ kiện & trang sức' } },
	{ categoryId: 124076001, parentCateId: 1813, chineseName: '耳饰', names: { en: 'Earrings', vi: 'Bông tai' } },
	{ categoryId: 124076002, parentCateId: 1813, chineseName: '钥匙扣', names: { en: 'Keychains', vi: 'Móc khóa' } },
	{ categoryId: 10166, parentCateId: 0, chineseName: '服装', names: { en: 'Apparel', vi: 'Quần áo' } },
	{ categoryId: 127380009, parentCateId: 10166, chineseName: 'T恤', names: { en: 'T-shirts', vi: 'Áo phông' } },
	{ categoryId: 7, parentCateId: 0, chineseName: '数码、电脑', names: { en: 'Digital & computers', vi: 'Kỹ thuật số & máy tính' } },
	{ categoryId: 1046, parentCateId: 7, chineseName: '手机配件', names: { en: 'Phone accessories', vi: 'Phụ kiện điện thoại' } },
	{ categoryId: 201294004, parentCateId: 1046, chineseName: '数据线', names: { en: 'Data cables', vi: 'Cáp dữ liệu' } },
	{ categoryId: 201294005, parentCateId: 1046, chineseName: '手机壳', names: { en: 'Phone cases', vi: 'Ốp lưng điện thoại' } },
];

export function findCategory(categoryId: number): Category | undefined {
	return categoryId === 0 ? ROOT_CATEGORY : CATEGORIES.find((c) => c.categoryId === categoryId);
}

export function childCategories(categoryId: number): Category[] {
	return CATEGORIES.filter((c) => c.parentCateId === categoryId && c.categoryId !== categoryId);
}

/** 0 for the root, 1 for top-level categories, and so on. */
export function categoryLevel(category: Category): number {
	let level = 0;
	for (let c: Category | undefined = category; c && c.categoryId !== 0; c = findCategory(c.parentCateId)) level++;
	return level;
}

// ---------------------------------------------------------------------------------------------
// Words of attributes and SKU values, as the API translates them

const WORDS: Record<string, Translated> = {
	颜色: { en: 'Color', vi: 'Màu sắc' },
	白色: { en: 'White', vi: 'Trắng' },
	金色: { en: 'Gold', vi: 'Vàng' },
	黑色: { en: 'Black', vi: 'Đen' },
	透明: { en: 'Transparent', vi: 'Trong suốt' },
	尺码: { en: 'Size', vi: 'Kích cỡ' },
	款式: { en: 'Style', vi: 'Kiểu dáng' },
	圆形: { en: 'Round', vi: 'Tròn' },
	长度: { en: 'Length', vi: 'Chiều dài' },
	'1米': { en: '1 m', vi: '1 m' },
	材质: { en: 'Material', vi: 'Chất liệu' },
	S925银: { en: 'S925 silver', vi: 'Bạc S925' },
	不锈钢: { en: 'Stainless steel', vi: 'Thép không gỉ' },
	纯棉: { en: 'Cotton', vi: 'Cotton' },
	TPE: { en: 'TPE', vi: 'TPE' },
	硅胶: { en: 'Silicone', vi: 'Silicon' },
	货源类别: { en: 'Supply type', vi: 'Loại nguồn hàng' },
	现货: { en: 'In stock', vi: 'Có sẵn' },
	产地: { en: 'Origin', vi: 'Xuất xứ' },
	浙江义乌: { en: 'Yiwu, Zhejiang', vi: 'Nghĩa Ô, Chiết Giang' },
	广东广州: { en: 'Guangzhou, Guangdong', vi: 'Quảng Châu, Quảng Đông' },
	广东深圳: { en: 'Shenzhen, Guangdong', vi: 'Thâm Quyến, Quảng Đông' },
	适用型号: { en: 'Compatible model', vi: 'Mẫu tương thích' },
};

/** A word as the API would translate it; sizes, models and other codes stay as they are. */
export function translateWord(word: string, language: Language): string {
	return WORDS[word]?.[language] ?? word;
}

// ---------------------------------------------------------------------------------------------
// 1688 sellers and offers

export interface SellerProfile {
	sellerOpenId: string;
	companyName: string;
	/** The Wangwang (旺旺) login the encrypted sellerOpenId stands for. */
	loginId: string;
	shopUrl: string;
	province: string;
	city: string;
}

export const SELLER_PROFILES: SellerProfile[] = [
	{ sellerOpenId: SELLERS[0].sellerOpenId, companyName: '义乌市优品饰品厂', loginId: 'yiwuyoupin88', shopUrl: 'https://yiwuyoupin88.1688.com', province: '浙江', city: '金华' },
	{ sellerOpenId: SELLERS[1].sellerOpenId, companyName: '广州潮流服饰有限公司', loginId: 'gzchaoliu2019', shopUrl: 'https://gzchaoliu2019.1688.com', province: '广东', city: '广州' },
	{ sellerOpenId: SELLERS[2].sellerOpenId, companyName: '深圳数码配件批发', loginId: 'szshuma_pf', shopUrl: 'https://szshuma-pf.1688.com', province: '广东', city: '深圳' },
];

export function sellerProfile(sellerOpenId: string): SellerProfile | undefined {
	return SELLER_PROFILES.find((s) => s.sellerOpenId === sellerOpenId);
}

/** Search tags of 1688's `filter` parameter that the sandbox knows. */
export const OFFER_FILTERS = ['certifiedFactory', 'isOnePsale', 'noReason7DReturn', 'shipIn24Hours', 'shipInToday'] as const;
export type OfferFilter = (typeof OFFER_FILTERS)[number];

export interface CatalogueOffer extends Offer {
	categoryId: number;
	subjectTrans: Translated;
	description: string;
	/** Product attributes as [name, value] in Chinese; translated on the way out. */
	attributes: Array<[string, string]>;
	extraImages: string[];
	minOrderQuantity: number;
	/** Price breaks on the offer's lowest price: [start quantity, price in fen]. */
	priceRanges: Array<[number, number]>;
	unit: string;
	monthSold: number;
	/** Share of buyers who bought again, 0–1. */
	repurchaseRate: number;
	tags: OfferFilter[];
	weightGrams: number;
}

const SEED_FACTS: Record<number, Omit<CatalogueOffer, keyof Offer>> = {
	624981234567: {
		categoryId: 124076001,
		subjectTrans: { en: 'Korean simple pearl earrings S925 silver needle', vi: 'Bông tai ngọc trai đơn giản kiểu Hàn kim bạc S925' },
		description: '<p>S925银针，防过敏。淡水珍珠，每一颗形状略有不同。</p><p><img src="https://cbu01.alicdn.com/img/ibank/O1CN01pearl_d1.jpg"/></p>',
		attributes: [['材质', 'S925银'], ['货源类别', '现货'], ['产地', '浙江义乌']],
		extraImages: ['https://cbu01.alicdn.com/img/ibank/O1CN01pearl_2.jpg', 'https://cbu01.alicdn.com/img/ibank/O1CN01pearl_3.jpg'],
		minOrderQuantity: 2,
		priceRanges: [[2, 290], [100, 270], [1000, 250]],
		unit: '对',
		monthSold: 3120,
		repurchaseRate: 0.31,
		tags: ['isOnePsale', 'shipIn24Hours', 'noReason7DReturn'],
		weightGrams: 8,
	},
	631247789012: {
		categoryId: 124076002,
		subjectTrans: { en: 'Stainless steel keychain', vi: 'Móc khóa thép không gỉ' },
		description: '<p>304不锈钢，可激光刻字，支持来图定制。</p>',
		attributes: [['材质', '不锈钢'], ['货源类别', '现货'], ['产地', '浙江义乌']],
		extraImages: [],
		minOrderQuantity: 10,
		priceRanges: [[10, 150], [500, 130]],
		unit: '个',
		monthSold: 8450,
		repurchaseRate: 0.42,
		tags: ['isOnePsale', 'shipInToday', 'shipIn24Hours', 'certifiedFactory'],
		weightGrams: 15,
	},
	655310028877: {
		categoryId: 127380009,
		subjectTrans: { en: 'Pure cotton loose short-sleeve T-shirt', vi: 'Áo phông ngắn tay rộng cotton' },
		description: '<p>200克重磅纯棉，宽松版型，男女同款。</p><p>尺码表：M 胸围108cm，L 胸围112cm。</p>',
		attributes: [['材质', '纯棉'], ['货源类别', '现货'], ['产地', '广东广州']],
		extraImages: ['https://cbu01.alicdn.com/img/ibank/O1CN01tshirt_back.jpg'],
		minOrderQuantity: 1,
		priceRanges: [[1, 1790], [50, 1690]],
		unit: '件',
		monthSold: 1560,
		repurchaseRate: 0.18,
		tags: ['isOnePsale', 'noReason7DReturn'],
		weightGrams: 230,
	},
	672200114455: {
		categoryId: 201294004,
		subjectTrans: { en: 'Type-C fast charging data cable 1m', vi: 'Cáp sạc nhanh Type-C 1m' },
		description: '<p>3A快充，TPE线身，1米长度。</p>',
		attributes: [['材质', 'TPE'], ['长度', '1米'], ['产地', '广东深圳']],
		extraImages: [],
		minOrderQuantity: 5,
		priceRanges: [[5, 450], [200, 400], [2000, 360]],
		unit: '条',
		monthSold: 25400,
		repurchaseRate: 0.37,
		tags: ['isOnePsale', 'shipInToday', 'shipIn24Hours', 'certifiedFactory', 'noReason7DReturn'],
		weightGrams: 30,
	},
};

const hex32 = (seed: string) => createHash('md5').update(seed).digest('hex');

const PHONE_MODELS = ['iPhone 15', 'iPhone 15 Pro', 'iPhone 14', 'Galaxy S24', 'Redmi Note 13', 'Huawei P60'];
const CASE_KINDS: Array<{ cn: string; en: string; vi: string; material: string }> = [
	{ cn: '硅胶防摔', en: 'Shockproof silicone', vi: 'Silicon chống sốc', material: '硅胶' },
	{ cn: '透明气囊', en: 'Clear airbag', vi: 'Túi khí trong suốt', material: 'TPE' },
	{ cn: '磨砂肤感', en: 'Matte skin-feel', vi: 'Nhám mềm', material: 'TPE' },
	{ cn: '磁吸', en: 'Magnetic', vi: 'Từ tính', material: '硅胶' },
	{ cn: '卡通印花', en: 'Cartoon print', vi: 'In hoạt hình', material: 'TPE' },
];

/** The phone-case long tail of seller C, enough for a search to run over two pages. */
export const LONG_TAIL_OFFER_COUNT = 60;

function longTailOffer(n: number): CatalogueOffer {
	const model = PHONE_MODELS[n % PHONE_MODELS.length];
	const kind = CASE_KINDS[n % CASE_KINDS.length];
	const offerId = 701000000000 + n * 104729;
	const basePrice = 390 + ((n * 53) % 700);
	const colours = n % 2 === 0 ? ['黑色', '透明'] : ['黑色'];
	const specs: Spec[] = colours.map((colour, k) => ({
		specId: hex32(`offer-${offerId}-spec-${k}`),
		skuId: 6400000000000n + BigInt(n * 10 + k),
		attributes: `颜色:${colour}`,
		priceFen: basePrice + k * 20,
		stock: (n * 397 + k * 11) % 5 === 0 ? 0 : 500 + ((n * 131) % 4000),
	}));
	return {
		offerId,
		title: `${model} 手机壳 ${kind.cn} ${kind.en} phone case`,
		imageUrl: `https://cbu01.alicdn.com/img/ibank/O1CN01case${String(n).padStart(3, '0')}.jpg`,
		sellerOpenId: SELLERS[2].sellerOpenId,
		specs,
		categoryId: 201294005,
		subjectTrans: { en: `${kind.en} phone case for ${model}`, vi: `Ốp lưng ${kind.vi.toLowerCase()} cho ${model}` },
		description: `<p>适用于${model}，${kind.cn}设计，精准开孔。</p>`,
		attributes: [['材质', kind.material], ['适用型号', model], ['产地', '广东深圳']],
		extraImages: [],
		minOrderQuantity: 2,
		priceRanges: [[2, basePrice], [200, basePrice - 40]],
		unit: '个',
		monthSold: (n * 977) % 12000,
		repurchaseRate: ((n * 37) % 50) / 100,
		tags: n % 3 === 0 ? ['isOnePsale', 'shipInToday', 'shipIn24Hours'] : ['isOnePsale', 'shipIn24Hours'],
		weightGrams: 35,
	};
}

/** Every 1688 offer the product endpoints know: the seed offers first, then the long tail. */
export const CATALOGUE_OFFERS: CatalogueOffer[] = [
	...OFFERS.map((offer) => ({ ...offer, ...SEED_FACTS[offer.offerId] })),
	...Array.from({ length: LONG_TAIL_OFFER_COUNT }, (_, n) => longTailOffer(n)),
];

export function findCatalogueOffer(offerId: bigint | number | string): CatalogueOffer | undefined {
	const wanted = String(offerId);
	return CATALOGUE_OFFERS.find((o) => String(o.offerId) === wanted);
}

// ---------------------------------------------------------------------------------------------
// Taobao items

export interface CatalogueItem extends TaobaoItem {
	titleTrans: Translated;
	description: string;
	itemType: 'taobao' | 'tmall';
	categoryPath: string;
	productUnit: string;
	beginAmount: number;
	/** Units sold in the last 30 days. */
	sales: number;
	/** Commission rate offered to promoters, percent (Taobao's `tk_rate`). */
	tkRate: number;
	/** Shown on the item page: where the seller ships from. */
	location: string;
}

const TAOBAO_FACTS: Record<string, Omit<CatalogueItem, keyof TaobaoItem>> = {
	'681234567890': {
		titleTrans: { en: 'Summer breathable running shoes', vi: 'Giày chạy bộ thoáng khí mùa hè' },
		description: '<p>飞织鞋面，透气轻便；EVA缓震中底。</p>',
		itemType: 'tmall',
		categoryPath: '运动鞋new>跑步鞋',
		productUnit: '双',
		beginAmount: 1,
		sales: 4300,
		tkRate: 6.5,
		location: '福建 泉州',
	},
	'690011223344': {
		titleTrans: { en: 'Ceramic mug 350ml', vi: 'Cốc sứ 350ml' },
		description: '<p>景德镇高温白瓷，350毫升，可进微波炉。</p>',
		itemType: 'taobao',
		categoryPath: '餐饮具>杯子>马克杯',
		productUnit: '个',
		beginAmount: 1,
		sales: 980,
		tkRate: 10,
		location: '江西 景德镇',
	},
};

/** The phone-case shop of the Taobao long tail. */
export const TAOBAO_CASE_SHOP = { shopId: 73500981, shopName: '数码潮品专营店', userNick: 'digital_trend' };
export const TAOBAO_LONG_TAIL_COUNT = 45;

function longTailItem(n: number): CatalogueItem {
	const model = PHONE_MODELS[n % PHONE_MODELS.length];
	const kind = CASE_KINDS[n % CASE_KINDS.length];
	const itemId = String(700200300400 + n * 7);
	const price = 1590 + ((n * 71) % 2000);
	const skus: TaobaoSku[] = (n % 2 === 0 ? ['黑色', '透明'] : ['黑色']).map((colour, k) => ({
		skuId: String(5300000000000 + n * 10 + k),
		mpSkuId: `MPSKU${5300000000000 + n * 10 + k}`,
		properties: [{ propId: '1627207', propName: '颜色', valueId: String(28320 + k), valueName: colour }],
		priceFen: price,
		promotionPriceFen: price - 300,
		quantity: (n + k) % 7 === 0 ? 0 : 200 + ((n * 53) % 800),
	}));
	return {
		itemId,
		mpId: `MP${itemId}`,
		title: `${model} 手机壳 ${kind.cn} ${kind.en} phone case`,
		picUrls: [`https://img.alicdn.com/imgextra/case${String(n).padStart(3, '0')}.jpg`],
		...TAOBAO_CASE_SHOP,
		categoryId: 50024187,
		categoryName: '手机保护套',
		skus,
		titleTrans: { en: `${kind.en} phone case for ${model}`, vi: `Ốp lưng ${kind.vi.toLowerCase()} cho ${model}` },
		description: `<p>适用于${model}，${kind.cn}。</p>`,
		itemType: 'taobao',
		categoryPath: '3C数码配件>手机保护套',
		productUnit: '个',
		beginAmount: 1,
		sales: (n * 613) % 9000,
		tkRate: 5 + (n % 10) * 1.5,
		location: '广东 深圳',
	};
}

/** Every Taobao item the product endpoints know: the seed items first, then the long tail. */
export const CATALOGUE_ITEMS: CatalogueItem[] = [
	...TAOBAO_ITEMS.map((item) => ({ ...item, ...TAOBAO_FACTS[item.itemId] })),
	...Array.from({ length: TAOBAO_LONG_TAIL_COUNT }, (_, n) => longTailItem(n)),
];

export function findCatalogueItem(itemId: string): CatalogueItem | undefined {
	return CATALOGUE_ITEMS.find((i) => i.itemId === itemId);
}

// ---------------------------------------------------------------------------------------------
// Keyword matching shared by the 1688 and Taobao searches

const HAN = /\p{Script=Han}/u;

const WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Whether every term of a keyword occurs in one of the texts, case-insensitively: a plain word as
 * the start of a word ("earring" finds "Pearl earrings", "case" does not find "bookcase"); Chinese
 * terms (Chinese titles have no spaces) and terms such as "type-c" as substrings.
 */
export function matchesKeyword(keyword: string, texts: string[]): boolean {
	const terms = keyword.trim().toLowerCase().split(/\s+/).filter((t) => t !== '');
	const haystack = texts.join(' ').toLowerCase();
	const words = haystack.split(/[^\p{L}\p{N}]+/u);
	return terms.every((term) =>
		WORD.test(term) && !HAN.test(term) ? words.some((w) => w.startsWith(term)) : haystack.includes(term),
	);
}
