import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../shared/router';
import { operations } from './router';

export const properties: INodeProperties[] = [
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		noDataExpression: true,
		default: '1688',
		options: [{ name: '1688', value: '1688', description: 'Alibaba 1688 wholesale' }],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { platform: ['1688'] } },
		default: 'get',
		options: [{ name: 'Get', value: 'get', action: 'Get a 1688 order', description: 'Read one order with its lines and logistics' }],
	},
	...operationProperties(operations),
];
