import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { OperationTable } from '../../shared/router';
import * as get from './alibaba/get.operation';

export const operations: OperationTable = {
	'1688': { get },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, operations);
}
