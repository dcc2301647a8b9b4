import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { inputError } from '../../../shared/errors';
import { forOperation } from '../../../shared/operation';
import { compact, readId, readText } from '../../../shared/params';
import { callPandapon } from '../../../shared/transport';
import { idText } from './orderView';
import { orderIdField } from './orderId';

/** Base64 grows a file by a third; this keeps the request under the API's 1 MiB body limit. */
const MAX_IMAGE_BYTES = 700 * 1024;

export const description: INodeProperties[] = forOperation('taobao', 'uploadPaymentVoucher', [
	orderIdField,
	{
		displayName: 'Image Source',
		name: 'imageSource',
		type: 'options',
		default: 'binary',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'An image in a binary property of the input item' },
			{ name: 'URL', value: 'url', description: 'A public link to the image' },
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show: { imageSource: ['binary'] } },
		hint: 'The name of the input binary field holding the voucher image',
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { imageSource: ['url'] } },
		placeholder: 'e.g. https://example.com/transfer-slip.jpg',
	},
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bank transfer 2026-05-14, ref 88231',
		description: 'A note for whoever checks the payment',
	},
]);

async function readImage(ctx: IExecuteFunctions, i: number): Promise<{ imageBase64?: string; imageAddress?: string }> {
	if (ctx.getNodeParameter('imageSource', i) === 'url') {
		const url = readText(ctx, 'imageUrl', 'Image URL', i, { required: true, maxLength: 1000 });
		if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) {
			throw inputError(ctx.getNode(), i, 'Image URL', `"${url}" is not an http(s) link`);
		}
		return { imageAddress: url };
	}
	const property = readText(ctx, 'binaryPropertyName', 'Input Binary Field', i, { required: true, maxLength: 100 });
	const binary = ctx.helpers.assertBinaryData(i, property);
	if (!binary.mimeType.startsWith('image/')) {
		throw inputError(ctx.getNode(), i, 'Input Binary Field', `"${property}" holds ${binary.mimeType}, not an image`);
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(i, property);
	if (buffer.length > MAX_IMAGE_BYTES) {
		throw inputError(
			ctx.getNode(),
			i,
			'Input Binary Field',
			`the image is ${Math.ceil(buffer.length / 1024)} KB; at most ${MAX_IMAGE_BYTES / 1024} KB are accepted`,
			'Resize or compress the image first (e.g. with the Edit Image node).',
		);
	}
	return { imageBase64: buffer.toString('base64') };
}

export async function execute(this: IExecuteFunctions, i: number) {
	const orderId = readId(this, 'orderId', 'Order ID', i);
	const image = await readImage(this, i);
	const remark = readText(this, 'remark', 'Remark', i, { maxLength: 200 });
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.taobaoOrderVoucher, {
		itemIndex: i,
		body: compact({ orderId, ...image, remark }),
	});
	const answer = (data ?? {}) as IDataObject;
	return {
		uploaded: true,
		orderId: idText(answer.orderId) ?? orderId.toString(),
		voucherUrl: answer.voucherUrl,
		voucherCount: answer.voucherCount,
		requestId,
	};
}
