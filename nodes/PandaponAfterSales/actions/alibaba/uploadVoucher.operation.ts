import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'uploadVoucher', [
	{
		displayName: 'Image Source',
		name: 'imageSource',
		type: 'options',
		default: 'binary',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'An image from an earlier node, such as a download or a form upload' },
			{ name: 'URL', value: 'url', description: 'An image on the web' },
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show: { imageSource: ['binary'] } },
		hint: 'The name of the input binary field containing the image',
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { imageSource: ['url'] } },
		placeholder: 'e.g. https://example.com/damaged-box.jpg',
	},
]);

async function imageBody(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	if (ctx.getNodeParameter('imageSource', i) === 'url') {
		const url = readText(ctx, 'imageUrl', 'Image URL', i, { required: true, maxLength: 1000 });
		if (!/^https?:\/\/\S+$/.test(url)) throw inputError(ctx.getNode(), i, 'Image URL', `"${url.slice(0, 40)}" is not an http(s) URL`);
		return { imageAddress: url };
	}
	const property = readText(ctx, 'binaryPropertyName', 'Input Binary Field', i, { required: true, maxLength: 200 });
	const binary = ctx.getInputData()[i]?.binary?.[property];
	if (!binary) {
		throw inputError(ctx.getNode(), i, 'Input Binary Field', `the item has no binary field "${property}"`, 'Check the binary tab of the previous node.');
	}
	if (!binary.mimeType.startsWith('image/')) {
		throw inputError(ctx.getNode(), i, 'Input Binary Field', `"${property}" is ${binary.mimeType}, not an image`);
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(i, property);
	if (buffer.length === 0) throw inputError(ctx.getNode(), i, 'Input Binary Field', `"${property}" is empty`);
	return { imageBase64: buffer.toString('base64') };
}

export async function execute(this: IExecuteFunctions, i: number) {
	const body = await imageBody(this, i);
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.refund1688Voucher, { itemIndex: i, body });
	return { ...((data ?? {}) as IDataObject), requestId };
}
