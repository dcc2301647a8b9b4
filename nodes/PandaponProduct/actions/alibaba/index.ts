import type { PlatformOperations } from '../../../shared/router';
import * as get from './get.operation';
import * as getCategory from './getCategory.operation';
import * as getRecommendations from './getRecommendations.operation';
import * as getRelated from './getRelated.operation';
import * as getWangwangUrl from './getWangwangUrl.operation';
import * as search from './search.operation';
import * as searchByImage from './searchByImage.operation';
import * as searchStore from './searchStore.operation';

export const alibaba: PlatformOperations = {
	platform: '1688',
	defaultOperation: 'search',
	operations: { get, getCategory, getRecommendations, getRelated, getWangwangUrl, search, searchByImage, searchStore },
	options: [
		{ name: 'Get', value: 'get', action: 'Get 1688 offer', description: 'Read one 1688 offer by its Offer ID, with its SKUs, prices and seller' },
		{ name: 'Get Category', value: 'getCategory', action: 'Get 1688 category', description: 'Read a 1688 category and its subcategories, translated' },
		{ name: 'Get Recommendations', value: 'getRecommendations', action: 'Get recommended 1688 offers', description: 'List offers 1688 recommends' },
		{ name: 'Get Related', value: 'getRelated', action: 'Get related 1688 offers', description: 'List 1688 offers similar to one offer' },
		{ name: 'Get Wangwang URL', value: 'getWangwangUrl', action: 'Get 1688 seller Wangwang link', description: 'Turn a 1688 seller or offer into a Wangwang chat link' },
		{ name: 'Search', value: 'search', action: 'Search 1688 offers by keyword', description: 'Find 1688 offers by keyword, price and category' },
		{ name: 'Search by Image', value: 'searchByImage', action: 'Search 1688 offers by image', description: 'Find 1688 offers that look like a picture (binary or URL)' },
		{ name: 'Search Store', value: 'searchStore', action: 'Search 1688 seller store', description: 'Find offers within one 1688 seller\'s store' },
	],
};
