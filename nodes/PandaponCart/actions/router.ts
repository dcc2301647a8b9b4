import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import { alibaba } from './alibaba/index';
import { taobao } from './taobao/index';

export const platforms = [alibaba, taobao];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, platforms);
}
