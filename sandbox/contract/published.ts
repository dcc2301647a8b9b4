import PUBLISHED_JSON from '../../api/published.json';
import { ENDPOINTS } from '../../nodes/shared/catalogue';
import type { Endpoint, EndpointKey } from '../../nodes/shared/catalogue';

/**
 * What Pandapon's published pages say, one record per page (api/published.json, a copy of
 * ../shared/pandapon-api-pages/endpoints.json that a unit test keeps equal to it). The catalogue,
 * the sandbox contract and the unit table are checked against it by `npm run fidelity`.
 */
export interface PublishedField {
	name: string;
	type: string;
	/** true/false as the page flags it; null when the page gives no flag. */
	required: boolean | null;
	unit?: string;
	note?: string;
}

export interface PublishedEndpoint {
	method: 'GET' | 'POST';
	path: string;
	version: 'v1' | 'v2';
	platform: string;
	group: string;
	title_en: string;
	sources: string[];
	status_note: string | null;
	query: PublishedField[];
	path_params: PublishedField[];
	body: PublishedField[];
	response_data: PublishedField[];
	example_values: Record<string, unknown>;
	disagreements: string[];
	provenance: string;
}

export const PUBLISHED = PUBLISHED_JSON as unknown as PublishedEndpoint[];

/** The published v1 page of a catalogue endpoint, matched by method and path. */
export function publishedPage(endpoint: Pick<Endpoint, 'method' | 'path'>): PublishedEndpoint | undefined {
	return PUBLISHED.find((p) => p.version === 'v1' && p.method === endpoint.method && p.path === endpoint.path);
}

/** Catalogue keys whose method and path a published page shows. */
export function publishedKeys(): EndpointKey[] {
	return (Object.keys(ENDPOINTS) as EndpointKey[]).filter((key) => publishedPage(ENDPOINTS[key]) !== undefined);
}

/**
 * The values at a published field path (`data.a[].b`), across list entries; undefined where the
 * last part is missing. A missing parent gives nothing: the parent's own field reports it.
 */
function valuesAt(root: unknown, path: string): unknown[] {
	const parts = path.split('.');
	let current: unknown[] = [root];
	parts.forEach((part, n) => {
		const list = part.endsWith('[]');
		const name = list ? part.slice(0, -2) : part;
		const last = n === parts.length - 1;
		current = current.flatMap((v) => {
			if (typeof v !== 'object' || v === null || !(name in v)) return last ? [undefined] : [];
			const next = (v as Record<string, unknown>)[name];
			if (!list) return [next];
			return Array.isArray(next) ? next : last ? [undefined] : [];
		});
	});
	return current;
}

function typeMatches(type: string, value: unknown): boolean {
	if (value === null) return /null/.test(type);
	if (/^boolean/.test(type)) return typeof value === 'boolean';
	if (/^string/.test(type)) return typeof value === 'string';
	if (/^(integer|int32|number)/.test(type)) return typeof value === 'number' || typeof value === 'bigint';
	if (/^array/.test(type)) return Array.isArray(value);
	if (/^object/.test(type)) return typeof value === 'object' && !Array.isArray(value);
	return true;
}

/**
 * How a sandbox answer departs from the page's published response fields: a published `data…`
 * field missing or of another type, or `data` present where the page documents only the bare
 * envelope. Truncated field lists ("…", "unknown") check only what they name.
 */
export function responseIssues(page: PublishedEndpoint, data: unknown): string[] {
	const fields = page.response_data.filter((f) => (f.name === 'data' || f.name.startsWith('data.')) && !f.name.includes('...') && f.type !== 'unknown');
	const bare = page.response_data.length > 0 && page.response_data.every((f) => !f.name.startsWith('data') && !f.name.includes('...'));
	if (bare) return data === undefined ? [] : ['data is answered where the page documents only the envelope'];
	const issues: string[] = [];
	for (const field of fields) {
		const path = field.name.replace(/\[\]$/, '');
		const values = valuesAt({ data }, path);
		const type = field.name.endsWith('[]') ? 'array' : field.type;
		for (const value of values) {
			if (value === undefined) {
				if (!/null/.test(field.type)) issues.push(`${field.name} is missing`);
			} else if (!typeMatches(type, value)) {
				issues.push(`${field.name} is not ${field.type}`);
			}
		}
	}
	return [...new Set(issues)];
}
