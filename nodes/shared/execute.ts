import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { errorItem } from './errors';

export type ItemResult = IDataObject | IDataObject[];

/** One operation's per-item work; it reads its own parameters for item `i`. */
export type ItemHandler = (this: IExecuteFunctions, i: number) => Promise<ItemResult>;

/**
 * Runs a handler for every input item and keeps n8n's contracts: output in input order, each
 * output item paired with the input item it came from, and with continueOnFail an error item
 * (paired too) instead of a failed node.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	handler: ItemHandler,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await handler.call(this, i);
			out.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), {
					itemData: { item: i },
				}),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				out.push({ json: errorItem(error), pairedItem: { item: i } });
				continue;
			}
			// Both constructors hand back an error of their own class unchanged.
			if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
	}
	return [out];
}
