import type { PlatformOperations } from '../../../shared/router';

export const taobao: PlatformOperations = {
	platform: 'taobao',
	defaultOperation: '',
	operations: {},
	options: [],
};
