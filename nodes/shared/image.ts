import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from './errors';
import { readText } from './params';

/**
 * Image searches and vouchers send the picture itself (`imageBase64`) or its address
 * (`imageAddress`). Pandapon documents no size limit; 3 MB keeps the request well within what
 * image services take, and larger photos gain nothing.
 */
export const MAX_IMAGE_BYTES = 3 * 1024 * 1024;

/** Image Source (binary or URL), the binary field and the URL; `what` names the image in the hints. */
export function imageFields(what = 'the image'): INodeProperties[] {
	return [
	{
		displayName: 'Image Source',
		name: 'imageSource',
		type: 'options',
		noDataExpression: true,
		default: 'binary',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'An image in a binary field of the input item' },
			{ name: 'Image URL', value: 'url', description: 'The public address of an image' },
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show: { imageSource: ['binary'] } },
		hint: `The name of the input binary field containing ${what} (JPEG, PNG, GIF or WEBP, at most 3 MB)`,
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://cbu01.alicdn.com/img/ibank/O1CN01pearl.jpg',
		displayOptions: { show: { imageSource: ['url'] } },
		description: `A public http(s) address of ${what}`,
	},
	];
}

export type ImageParam = { imageBase64: string } | { imageAddress: string };

/** The image of item `i`, checked before any request: present, an image, not empty, not too large. */
export async function readImage(ctx: IExecuteFunctions, i: number): Promise<ImageParam> {
	const node = ctx.getNode();
	if (ctx.getNodeParameter('imageSource', i) === 'url') {
		const address = readText(ctx, 'imageUrl', 'Image URL', i, { required: true, maxLength: 2000 });
		if (!/^https?:\/\/\S+$/i.test(address)) {
			throw inputError(node, i, 'Image URL', `"${address}" is not an http(s) address`);
		}
		return { imageAddress: address };
	}

	const label = 'Input Binary Field';
	const name = readText(ctx, 'binaryPropertyName', label, i, { required: true, maxLength: 200 });
	const binaries = ctx.getInputData()[i]?.binary ?? {};
	const binary = binaries[name];
	if (!binary) {
		const present = Object.keys(binaries);
		throw inputError(
			node,
			i,
			label,
			`the input item has no binary field "${name}"`,
			present.length > 0
				? `Binary fields of this item: ${present.join(', ')}.`
				: 'This item carries no binary data; read the image first (e.g. with an HTTP Request or Read File node) or use Image URL.',
		);
	}
	if (binary.mimeType && !binary.mimeType.startsWith('image/')) {
		throw inputError(node, i, label, `"${name}" is ${binary.mimeType}, not an image`);
	}
	const bytes = await ctx.helpers.getBinaryDataBuffer(i, name);
	if (bytes.length === 0) throw inputError(node, i, label, `"${name}" is empty`);
	if (bytes.length > MAX_IMAGE_BYTES) {
		throw inputError(
			node,
			i,
			label,
			`"${name}" is ${bytes.length} bytes; at most ${MAX_IMAGE_BYTES} are accepted`,
			'Resize the image first (e.g. with the Edit Image node).',
		);
	}
	return { imageBase64: bytes.toString('base64') };
}
