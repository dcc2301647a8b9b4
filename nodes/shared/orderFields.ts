import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, readText } from './params';

/**
 * The order options of 1688's create calls (flow, note, promotion, trade type); the create-from-cart
 * call also takes the sub-account and staff name.
 */
export function orderOptionFields(withStaff: boolean): INodeProperties[] {
	return [
	{
		displayName: 'Flow',
		name: 'flow',
		type: 'options',
		required: true,
		default: 'general',
		description: 'The 1688 order flow',
		options: [
			{ name: 'Distribution (Fenxiao)', value: 'fenxiaonew', description: 'Dropshipping (分销) orders' },
			{ name: 'General', value: 'general', description: 'Ordinary wholesale orders' },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Message to Seller',
				name: 'message',
				type: 'string',
				default: '',
				placeholder: 'e.g. Please pack each item separately',
				description: 'Order note the seller sees',
			},
			{
				displayName: 'Shop Promotion ID',
				name: 'shopPromotionId',
				type: 'string',
				default: '',
				description: 'A seller promotion to apply',
			},
			...(withStaff ? [STAFF_NAME] : []),
			{
				displayName: 'Trade Type',
				name: 'tradeType',
				type: 'string',
				default: '',
				placeholder: 'e.g. fxassure',
				description: 'The 1688 trade (payment) mode; empty lets the seller\'s default apply',
			},
			...(withStaff ? [USER_ID] : []),
		],
	},
	];
}

const STAFF_NAME: INodeProperties = {
	displayName: 'Staff Name',
	name: 'staffName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Li Lei',
	description: 'The employee placing the order, for your own records',
};

/** The order's sub-account, an Additional Field of every create-order operation that takes one (1688 and Taobao). */
export const USER_ID: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 2100007341207',
	description: 'The sub-account the order is placed for, if not the credential\'s',
};

/** Reads the order options of item `i` into body fields, leaving out the empty ones. */
export function readOrderOptions(ctx: IExecuteFunctions, i: number, withStaff = false): IDataObject {
	const field = (name: string, label: string) =>
		readText(ctx, `additionalFields.${name}`, label, i, { maxLength: name === 'message' ? 500 : 64 });
	return compact({
		flow: readText(ctx, 'flow', 'Flow', i, { required: true, maxLength: 32 }),
		message: field('message', 'Message to Seller'),
		shopPromotionId: field('shopPromotionId', 'Shop Promotion ID'),
		tradeType: field('tradeType', 'Trade Type'),
		...(withStaff ? { userId: field('userId', 'User ID'), staffName: field('staffName', 'Staff Name') } : {}),
	});
}
