import type { PlatformOperations } from '../../../shared/router';
import * as batchCheck from './batchCheck.operation';
import * as get from './get.operation';
import * as getSource from './getSource.operation';
import * as search from './search.operation';
import * as searchByImage from './searchByImage.operation';
import * as searchShop from './searchShop.operation';

export const taobao: PlatformOperations = {
	platform: 'taobao',
	defaultOperation: 'search',
	operations: { batchCheck, get, getSource, search, searchByImage, searchShop },
	options: [
		{ name: 'Batch Check', value: 'batchCheck', action: 'Check Taobao items in batch', description: 'Check whether Taobao items can be bought through Pandapon, with the MP IDs the cart needs' },
		{ name: 'Get', value: 'get', action: 'Get Taobao item', description: 'Read one Taobao item by its item ID, with its SKUs and prices' },
		{ name: 'Get Source', value: 'getSource', action: 'Get Taobao item source', description: 'Read where a Taobao item comes from (Taobao or Tmall), translated' },
		{ name: 'Search', value: 'search', action: 'Search Taobao items by keyword', description: 'Find Taobao items by keyword' },
		{ name: 'Search by Image', value: 'searchByImage', action: 'Search Taobao items by image', description: 'Find Taobao items that look like a picture (binary or URL)' },
		{ name: 'Search Shop', value: 'searchShop', action: 'Search Taobao shop', description: 'Find items within one Taobao shop' },
	],
};
