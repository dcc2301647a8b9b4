import type { PlatformOperations } from '../../../shared/router';
import * as get from './get.operation';

export const alibaba: PlatformOperations = {
	platform: '1688',
	defaultOperation: 'get',
	operations: { get },
	options: [
		{ name: 'Get', value: 'get', action: 'Get a 1688 order', description: 'Read one order with its lines and logistics' },
	],
};
