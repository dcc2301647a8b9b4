/** Taobao data the item seed does not carry: shop postage and the carriers sellers ship with. */

/** Postage per shop and order, in fen; shops not listed ship free. */
export const TAOBAO_SHOP_POSTAGE_FEN: Record<number, number> = {
	57300112: 0,
	61800045: 600,
};

/** Domestic carriers in the order sellers use them. */
export const TAOBAO_CARRIERS: Array<{ code: string; name: string }> = [
	{ code: 'ZTO', name: '中通快递' },
	{ code: 'YUNDA', name: '韵达快递' },
	{ code: 'SF', name: '顺丰速运' },
];
