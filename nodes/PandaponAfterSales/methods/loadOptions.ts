import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { toIdDigits } from '../../shared/bigJson';
import { ENDPOINTS } from '../../shared/catalogue';
import { locatorValue } from '../../shared/fields/locator';
import { callPandapon } from '../../shared/transport';
import { requestReasons } from '../actions/alibaba/refund';
import { requestRender } from '../actions/taobao/refund';

/**
 * Dropdowns loaded from the API. Load options have no input item, so they read the fields the list
 * depends on as typed; an expression there cannot be resolved yet, and the message says so.
 * While those fields are still empty (a freshly opened form) the list is simply empty: failing
 * then made n8n show "Error fetching options" before the user typed anything, and the field's hint
 * already says what the list needs.
 */

/** A field as typed; a resource locator (Order ID) gives the value inside it, whatever its mode. */
const current = (ctx: ILoadOptionsFunctions, name: string) => locatorValue(ctx.getCurrentNodeParameter(name));

function typedYet(ctx: ILoadOptionsFunctions, ...names: string[]): boolean {
	return names.every((name) => {
		const raw = current(ctx, name);
		return !(raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0));
	});
}

function needed(ctx: ILoadOptionsFunctions, label: string): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Enter ${label} as a fixed value to load this list, or set this field with an expression`,
	);
}

function currentIds(ctx: ILoadOptionsFunctions, name: string, label: string): string[] {
	const raw = current(ctx, name);
	const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,;]+/).filter((p) => p !== '') : [raw];
	const ids = parts.map((part) => toIdDigits(part));
	if (ids.length === 0 || ids.some((id) => id === undefined)) throw needed(ctx, label);
	return ids as string[];
}

function currentCode(ctx: ILoadOptionsFunctions, name: string, label: string): 1 | 2 {
	const value = Number(ctx.getCurrentNodeParameter(name));
	if (value !== 1 && value !== 2) throw needed(ctx, label);
	return value;
}

function option(name: string, value: number, description?: string): INodePropertyOptions {
	return description ? { name, value, description } : { name, value };
}

export async function getRefundReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!typedYet(this, 'orderId', 'orderEntryIds')) return [];
	const [orderId] = currentIds(this, 'orderId', 'the Order ID');
	const orderEntryIds = currentIds(this, 'orderEntryIds', 'the Sub-Order IDs');
	const goodsStatus = this.getCurrentNodeParameter('goodsStatus');
	if (typeof goodsStatus !== 'string' || goodsStatus.startsWith('=')) throw needed(this, 'the Goods Status');
	const { reasons } = await requestReasons.call(this, 0, {
		orderId: BigInt(orderId),
		orderEntryIds: orderEntryIds.map((id) => BigInt(id)),
		goodsStatus,
	});
	return reasons.map((r) => option(r.name, Number(r.id), r.needVoucher === true ? 'Needs a voucher' : (r.tip as string) || undefined));
}

export async function getTaobaoRefundReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!typedYet(this, 'subOrderId')) return [];
	const [subOrderId] = currentIds(this, 'subOrderId', 'the Sub-Order ID');
	const { template } = await requestRender.call(this, 0, {
		subOrderId,
		refundType: currentCode(this, 'refundType', 'the Refund Type'),
		goodsStatus: currentCode(this, 'goodsStatus', 'the Goods Status'),
	});
	return template.refundReasons.map((r) => option(r.reasonDesc, Number(r.reasonId), r.tips || undefined));
}

export async function getReturnCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!typedYet(this, 'refundId')) return [];
	const [refundId] = currentIds(this, 'refundId', 'the Refund ID');
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoReturnRender, { itemIndex: 0, query: { refundId } });
	const companies = ((data as IDataObject | null)?.logisticsCompanies ?? []) as IDataObject[];
	return companies.map((c) => ({ name: `${String(c.companyName)} (${String(c.companyCode)})`, value: String(c.companyCode) }));
}
