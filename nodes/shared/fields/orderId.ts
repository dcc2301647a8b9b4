import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { ENDPOINTS } from '../catalogue';
import type { Platform } from '../catalogue';
import { fenToYuan } from '../money';
import { callPandapon } from '../transport';
import { locatorField } from './locator';

/**
 * The Order ID of every operation that acts on one order, in every node that has one (Order,
 * After-Sales, Logistics): picked from the platform's Order › Get Many list or typed as an ID.
 * Each such node wires both search methods below into its own `methods.listSearch`.
 */

const SEARCH_METHOD: Record<Platform, string> = { '1688': 'searchOrders1688', taobao: 'searchTaobaoOrders' };

/** The Order ID parameter (ids are 19 digits: text, never numbers; read it with readLocatorId). */
export function orderIdField(platform: Platform, description?: string): INodeProperties {
	return locatorField({
		displayName: 'Order ID',
		name: 'orderId',
		example: platform === '1688' ? '2542285634920880794' : '4015593720611380219',
		searchMethod: SEARCH_METHOD[platform],
		description:
			description ??
			(platform === '1688' ? 'The 1688 order (19-digit ID, kept as text)' : 'The Taobao purchase order (19-digit ID, kept as text)'),
	});
}

/** Both platforms list at most 50 orders a page (the sandbox's contract and the Get Many operations). */
const PAGE_SIZE = 50;

/** "2542285634920880794 · waitbuyerpay · ¥64.00": enough to tell orders apart in the list. */
function entry(id: unknown, status: unknown, yuan: unknown): INodeListSearchItems | undefined {
	if (id === undefined || id === null || id === '') return undefined;
	const total = typeof yuan === 'number' ? yuan.toFixed(2) : typeof yuan === 'string' && yuan !== '' ? yuan : undefined;
	const name = [String(id), status === undefined ? undefined : String(status), total === undefined ? undefined : `¥${total}`]
		.filter((part) => part !== undefined)
		.join(' · ');
	return { name, value: String(id) };
}

/**
 * One page of entries, kept if they contain the typed filter: the list endpoints take no search
 * text, so the filter narrows the page the user scrolls through (by ID digits or status).
 */
function page(entries: Array<INodeListSearchItems | undefined>, filter: string | undefined, pageNo: number, more: boolean): INodeListSearchResult {
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = entries.filter((e): e is INodeListSearchItems => e !== undefined && e.name.toLowerCase().includes(wanted));
	return more ? { results, paginationToken: String(pageNo + 1) } : { results };
}

const pageNumber = (token?: string) => (token && /^\d{1,6}$/.test(token) ? Number(token) : 1);

/** From List of a 1688 Order ID: Order › Get Many's endpoint, newest first as 1688 answers. */
export async function searchOrders1688(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const pageNo = pageNumber(paginationToken);
	const { data } = await callPandapon.call(this, ENDPOINTS.order1688Page, { itemIndex: 0, body: { pageNo, pageSize: PAGE_SIZE } });
	const answer = (data ?? {}) as IDataObject;
	const rows = (Array.isArray(answer.data) ? answer.data : []) as IDataObject[];
	const entries = rows.map((row) => {
		const base = (row.baseInfo ?? {}) as IDataObject;
		// 1688's order list answers amounts in yuan (shared/units.ts), and the id as text beside the number.
		return entry(base.idOfStr ?? base.id, base.status, base.totalAmount);
	});
	const totalPage = Number(answer.totalPage);
	const more = Number.isFinite(totalPage) ? pageNo < totalPage : rows.length === PAGE_SIZE;
	return page(entries, filter, pageNo, more);
}

/** From List of a Taobao Order ID: Order › Get Many's endpoint; Taobao amounts are fen. */
export async function searchTaobaoOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const pageNo = pageNumber(paginationToken);
	const query = { pageNo: String(pageNo), pageSize: String(PAGE_SIZE) };
	const { data } = await callPandapon.call(this, ENDPOINTS.taobaoOrderPage, { itemIndex: 0, query });
	const answer = (data ?? {}) as IDataObject;
	const rows = (Array.isArray(answer.list) ? answer.list : []) as IDataObject[];
	const entries = rows.map((row) => entry(row.orderId, row.status, fenToYuan(row.totalAmount)));
	const total = Number(answer.total);
	const more = Number.isFinite(total) ? pageNo * PAGE_SIZE < total : rows.length === PAGE_SIZE;
	return page(entries, filter, pageNo, more);
}
