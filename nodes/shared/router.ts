import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { executePerItem } from './execute';
import type { OperationModule } from './operation';

export type OperationTable = Record<string, Record<string, OperationModule>>;

/** Dispatches on platform and operation (read once, as n8n nodes do) to the operation's handler. */
export async function routeOperation(
	this: IExecuteFunctions,
	operations: OperationTable,
): Promise<INodeExecutionData[][]> {
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

/** Every operation's fields, in table order. */
export function operationProperties(operations: OperationTable): INodeProperties[] {
	return Object.values(operations).flatMap((byOperation) =>
		Object.values(byOperation).flatMap((module) => module.description),
	);
}
