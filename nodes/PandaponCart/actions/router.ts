import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executePerItem } from '../../shared/execute';
import type { OperationModule } from '../../shared/operation';
import * as addItem from './alibaba/addItem.operation';
import * as createOrder from './alibaba/createOrder.operation';
import * as getMany from './alibaba/getMany.operation';
import * as previewOrder from './alibaba/previewOrder.operation';
import * as removeItems from './alibaba/removeItems.operation';
import * as updateQuantity from './alibaba/updateQuantity.operation';

export const operations: Record<string, Record<string, OperationModule>> = {
	'1688': { addItem, createOrder, getMany, previewOrder, removeItems, updateQuantity },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const platform = this.getNodeParameter('platform', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operations[platform]?.[operation];
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported on platform "${platform}"`,
		);
	}
	return await executePerItem.call(this, module.execute);
}
