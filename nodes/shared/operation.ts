import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { BatchHandler, ItemHandler } from './execute';

/**
 * One operation file's exports, in the Airtable-v2 style: its fields and its work, either per item
 * (`execute`) or, for operations the API can batch, over all items at once (`executeBatch`).
 */
export type OperationModule =
	| { description: INodeProperties[]; execute: ItemHandler; executeBatch?: undefined; sequential?: undefined }
	| {
			description: INodeProperties[];
			executeBatch: BatchHandler;
			execute?: undefined;
			/**
			 * True for a batch operation that sends its calls one after the other (one call for all
			 * items, or chunks in order): Request Options › Concurrency has no effect there, so it is hidden.
			 */
			sequential?: boolean;
	  };

/**
 * Shows fields only for one platform's operation. The platform is n8n's `resource` parameter: the
 * editor's node panel and AI-tool generator only know operations through a property of that name.
 */
export function showFor(platform: string, operation: string): IDisplayOptions {
	return { show: { resource: [platform], operation: [operation] } };
}

/** Attaches the display options to every field of an operation. */
export function forOperation(
	platform: string,
	operation: string,
	fields: INodeProperties[],
): INodeProperties[] {
	const displayOptions = showFor(platform, operation);
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, ...displayOptions.show },
		},
	}));
}
