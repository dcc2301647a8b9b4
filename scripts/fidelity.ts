/**
 * How closely the package follows Pandapon's published pages (api/published.json). For every
 * published v1 page: is it implemented, does the catalogue row say documented with the same method
 * and path, does the sandbox contract (which every node request must pass) take only the published
 * fields in their published places and require what the page requires, and do the published units
 * agree with nodes/shared/units.ts. Prints a table, then one JSON line; exits 1 on any mismatch.
 * The sandbox's answers are held to the same pages as they are given: every answer is checked
 * against the page's response fields (`responseIssues`), and the engine tests fail on any departure.
 */
import { z } from 'zod';

import { ENDPOINTS } from '../nodes/shared/catalogue';
import type { EndpointKey } from '../nodes/shared/catalogue';
import { UNITS } from '../nodes/shared/units';
import { CONTRACT } from '../sandbox/contract/index';
import { PUBLISHED, publishedPage } from '../sandbox/contract/published';
import type { PublishedEndpoint, PublishedField } from '../sandbox/contract/published';

/** Where the mirrors disagree beyond what the fact sheet records; the node follows both. */
const MIRROR_VARIANTS: Partial<Record<EndpointKey, { field: string; reason: string }>> = {
	refund1688Get: { field: 'body.refundId', reason: 'one mirror shows refundId in the body, vnm in the query: both are sent (issue 13)' },
	product1688ImageSearch: { field: 'body.imageBase64', reason: 'the page flags imageBase64 required beside its alternative imageAddress (a URL); exactly one is sent' },
};

type Location = 'query' | 'path' | 'body';
const LOCATIONS: Array<[Location, 'query' | 'path_params' | 'body']> = [
	['query', 'query'],
	['path', 'path_params'],
	['body', 'body'],
];

/** The object schema under refinements, or undefined for a location the contract leaves out. */
function objectOf(schema: z.ZodTypeAny | undefined): z.AnyZodObject | undefined {
	let current: unknown = schema;
	while (current instanceof z.ZodEffects) current = current._def.schema;
	return current instanceof z.ZodObject ? current : undefined;
}

const topLevel = (name: string) => name.replace(/[.[].*$/, '');

function contractIssues(key: EndpointKey, page: PublishedEndpoint): string[] {
	const issues: string[] = [];
	const contract = CONTRACT[key] ?? {};
	const schemaExample = page.disagreements.some((d) => /example/.test(d));
	for (const [where, field] of LOCATIONS) {
		const published: PublishedField[] = page[field];
		const names = new Set(published.map((f) => topLevel(f.name)));
		if (where === 'body' && schemaExample) for (const name of Object.keys(page.example_values)) names.add(topLevel(name));
		const shape = objectOf(contract[where])?.shape ?? {};
		for (const name of Object.keys(shape)) {
			if (names.has(name) || MIRROR_VARIANTS[key]?.field === `${where}.${name}`) continue;
			issues.push(`${where}.${name} is not on the page`);
		}
		if (schemaExample) continue;
		for (const f of published.filter((p) => p.required === true && !p.name.includes('.') && !p.name.includes('['))) {
			const schema = shape[f.name] as z.ZodTypeAny | undefined;
			if ((!schema || schema.isOptional()) && MIRROR_VARIANTS[key]?.field !== `${where}.${f.name}`) issues.push(`${where}.${f.name} is required on the page`);
		}
	}
	return issues;
}

/** A published unit note as fen/yuan, when it states one plainly. */
function statedUnit(field: PublishedField | undefined): string | undefined {
	const unit = field?.unit ?? '';
	if (/^fen/.test(unit)) return 'fen';
	if (/^yuan/.test(unit)) return 'yuan';
	return undefined;
}

function unitIssues(key: EndpointKey, page: PublishedEndpoint): string[] {
	return UNITS.filter((u) => u.endpoint === key).flatMap((u) => {
		const [where, ...rest] = u.field.split('.');
		const name = rest.join('.');
		const list = where === 'body' ? page.body : where === 'query' ? page.query : page.response_data;
		const published = list.find((f) => f.name === (where === 'data' ? u.field : name));
		const stated = statedUnit(published);
		return stated && stated !== u.unit ? [`${u.field} is ${u.unit} in units.ts but ${stated} on the page`] : [];
	});
}

function main(): void {
	const rows: string[][] = [];
	let mismatches = 0;
	const v1 = PUBLISHED.filter((p) => p.version === 'v1');
	const keys = Object.keys(ENDPOINTS) as EndpointKey[];
	for (const page of v1) {
		const key = keys.find((k) => ENDPOINTS[k].method === page.method && ENDPOINTS[k].path === page.path);
		const issues = key
			? [
					...(ENDPOINTS[key].provenance === 'documented' ? [] : ['catalogue says inferred']),
					...(ENDPOINTS[key].inDevelopment === /开发中|in development/.test(page.status_note ?? '') ? [] : ['in-development flag differs']),
					...contractIssues(key, page),
					...unitIssues(key, page),
				]
			: ['not implemented'];
		mismatches += issues.length;
		const variant = key ? MIRROR_VARIANTS[key] : undefined;
		rows.push([`${page.method} ${page.path}`, key ?? '—', issues.length === 0 ? 'ok' : issues.join('; '), variant ? `variant: ${variant.reason}` : '']);
	}
	for (const key of keys.filter((k) => ENDPOINTS[k].provenance === 'documented' && !publishedPage(ENDPOINTS[k]))) {
		mismatches++;
		rows.push([`${ENDPOINTS[key].method} ${ENDPOINTS[key].path}`, key, 'documented in the catalogue, but no published page has this method and path', '']);
	}
	const inferred = keys.filter((k) => ENDPOINTS[k].provenance === 'inferred');
	console.log('| Published endpoint | Catalogue | Fidelity | Note |');
	console.log('| --- | --- | --- | --- |');
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
	console.log(`\nInferred (no published page): ${inferred.map((k) => `${ENDPOINTS[k].method} ${ENDPOINTS[k].path}`).join(', ')}`);
	console.log(
		JSON.stringify({
			published_endpoints: v1.length,
			implemented_published: v1.filter((p) => keys.some((k) => ENDPOINTS[k].method === p.method && ENDPOINTS[k].path === p.path)).length,
			mismatches,
			inferred: inferred.length,
			unit_fields: UNITS.length,
		}),
	);
	if (mismatches > 0) process.exitCode = 1;
}

main();
