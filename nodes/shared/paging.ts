import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Endpoint } from './catalogue';
import { readLimit } from './listing';
import { callPandapon } from './transport';

export interface Paging {
	/** 1688 keyword-style searches count pages in `beginPage`, the others in `pageNo`. */
	pageField: 'beginPage' | 'pageNo';
	/** The largest `pageSize` the endpoint takes. */
	pageMax: number;
}

/** A request body; integer ids in it are bigint (see bigJson). */
export type Body = Record<string, unknown>;

/** A page of a list (§1.7): `data[]` with `totalPage`. */
interface ListPage {
	totalPage?: unknown;
	data?: unknown;
}

/**
 * The results item `i` asks for (Return All / Limit), one page request after another. Pages are
 * numbered in units of the page size, so every request uses the same size: a smaller last request
 * would shift the numbering and repeat results. The surplus of the last page is dropped.
 */
export async function fetchList(
	this: IExecuteFunctions,
	i: number,
	endpoint: Endpoint,
	paging: Paging,
	body: Body,
): Promise<IDataObject[]> {
	const limit = readLimit(this, i);
	const pageSize = Math.min(limit, paging.pageMax);
	const results: IDataObject[] = [];
	for (let page = 1; results.length < limit; page++) {
		const { data } = await callPandapon.call(this, endpoint, {
			itemIndex: i,
			body: { ...body, [paging.pageField]: page, pageSize },
		});
		const list = (data ?? {}) as ListPage;
		const rows = Array.isArray(list.data) ? (list.data as IDataObject[]) : [];
		results.push(...rows);
		const totalPage = Number(list.totalPage);
		const lastPage = Number.isFinite(totalPage) ? page >= totalPage : rows.length < pageSize;
		if (rows.length === 0 || lastPage) break;
	}
	return results.slice(0, limit);
}
