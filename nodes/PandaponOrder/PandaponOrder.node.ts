import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { properties } from './actions/description';
import { router } from './actions/router';

export class PandaponOrder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pandapon Order',
		name: 'pandaponOrder',
		icon: { light: 'file:../../icons/pandapon.svg', dark: 'file:../../icons/pandapon.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["platform"] + ": " + $parameter["operation"]}}',
		description: 'Read and manage 1688 orders through the Pandapon API',
		defaults: { name: 'Pandapon Order' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'pandaponApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
