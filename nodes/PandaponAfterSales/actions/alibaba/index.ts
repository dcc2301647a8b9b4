import type { PlatformOperations } from '../../../shared/router';

export const alibaba: PlatformOperations = {
	platform: '1688',
	defaultOperation: '',
	operations: {},
	options: [],
};
