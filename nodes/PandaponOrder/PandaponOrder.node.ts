import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeProperties, nodeSubtitle, routeOperation } from '../shared/router';
import { alibaba } from './actions/alibaba/index';
import { taobao } from './actions/taobao/index';
import { listSearch } from './methods/listSearch';

/** The node's operations, per platform: what its properties show and its execute dispatches to. */
export const platforms = [alibaba, taobao];

export class PandaponOrder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pandapon Order',
		name: 'pandaponOrder',
		icon: { light: 'file:../../icons/pandapon.svg', dark: 'file:../../icons/pandapon.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: nodeSubtitle(platforms),
		description: 'Create, pay, track and manage 1688 and Taobao orders through the Pandapon API',
		defaults: { name: 'Pandapon Order' },
		usableAsTool: true,
		// n8n before 1.85 (n8n-workflow 1.80) has no NodeConnectionTypes; its connection is the same 'main'.
		inputs: [NodeConnectionTypes?.Main ?? 'main'],
		outputs: [NodeConnectionTypes?.Main ?? 'main'],
		credentials: [{ name: 'pandaponApi', required: true }],
		properties: nodeProperties(platforms, 'Order'),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation.call(this, platforms);
	}
}
