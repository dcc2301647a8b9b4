import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../../../shared/catalogue';
import { imageFields, readImage } from '../../../shared/image';
import { forOperation } from '../../../shared/operation';
import { callPandapon } from '../../../shared/transport';

export const description: INodeProperties[] = forOperation('1688', 'uploadVoucher', imageFields('the voucher image (e.g. a photo of the damage)'));

export async function execute(this: IExecuteFunctions, i: number) {
	const body = await readImage(this, i);
	const { data, requestId } = await callPandapon.call(this, ENDPOINTS.refund1688Voucher, { itemIndex: i, body });
	return { ...((data ?? {}) as IDataObject), requestId };
}
