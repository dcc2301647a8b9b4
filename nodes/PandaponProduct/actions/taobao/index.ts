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
		{ name: 'Batch Check', value: 'batchCheck', action: 'Check many taobao items at once', description: 'Check whether items can be bought through Pandapon, with their cart IDs' },
		{ name: 'Get', value: 'get', action: 'Get a taobao item', description: 'Read one item with its SKUs and prices' },
		{ name: 'Get Source', value: 'getSource', action: 'Get the source of a taobao item', description: 'Read where an item comes from (Taobao or Tmall), translated' },
		{ name: 'Search', value: 'search', action: 'Search taobao items by keyword', description: 'Find items by keyword' },
		{ name: 'Search by Image', value: 'searchByImage', action: 'Search taobao items by image', description: 'Find items that look like a picture' },
		{ name: 'Search Shop', value: 'searchShop', action: 'Search a taobao shop', description: 'Find items within one shop' },
	],
};
