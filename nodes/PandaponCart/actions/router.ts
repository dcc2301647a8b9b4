import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import type { OperationTable } from '../../shared/router';
import * as addItem from './alibaba/addItem.operation';
import * as createOrder from './alibaba/createOrder.operation';
import * as getMany from './alibaba/getMany.operation';
import * as previewOrder from './alibaba/previewOrder.operation';
import * as removeItems from './alibaba/removeItems.operation';
import * as updateQuantity from './alibaba/updateQuantity.operation';

export const operations: OperationTable = {
	'1688': { addItem, createOrder, getMany, previewOrder, removeItems, updateQuantity },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, operations);
}
