import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, errorItem } from './errors';

export type ItemResult = IDataObject | IDataObject[];

/** One operation's per-item work; it reads its own parameters for item `i`. */
export type ItemHandler = (this: IExecuteFunctions, i: number) => Promise<ItemResult>;

/** Work over all items at once; it must pair every output item and honour continueOnFail itself. */
export type BatchHandler = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

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
			throw asNodeError(this.getNode(), error, i);
		}
	}
	return [out];
}
