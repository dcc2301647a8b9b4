import type { IExecuteFunctions } from 'n8n-workflow';

import { toIdDigits } from './bigJson';
import { inputError } from './errors';

/**
 * Per-item parameter readers. Each validates before any request is built and throws a
 * NodeOperationError naming the parameter (by its display name) and the item.
 */

function describe(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number') return String(value);
	const text = String(value);
	return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

function idProblem(value: unknown): string {
	if (typeof value === 'number' && !Number.isSafeInteger(value)) {
		return `${value} is a number that has already lost digits; pass long IDs as text (this package outputs them as text)`;
	}
	return `${describe(value)} is not a numeric ID of at most 19 digits`;
}

/** One integer id (kept as exact digits, sent as a bare JSON integer via bigint). */
export function readId(ctx: IExecuteFunctions, name: string, label: string, i: number): bigint {
	return checkId(ctx, ctx.getNodeParameter(name, i) as unknown, label, i);
}

/** The id rule on a value already read (e.g. a resource locator's, see fields/locator.ts). */
export function checkId(ctx: IExecuteFunctions, raw: unknown, label: string, i: number): bigint {
	const digits = toIdDigits(raw);
	if (digits === undefined) {
		throw inputError(ctx.getNode(), i, label, idProblem(raw), 'Use the ID exactly as Pandapon returned it.');
	}
	return BigInt(digits);
}

/** An id the API types as a string; the same digits rule applies so typos fail early. */
export function readIdText(ctx: IExecuteFunctions, name: string, label: string, i: number): string {
	return readId(ctx, name, label, i).toString();
}

/** A list of ids from a comma/space separated string, a number, or an array (e.g. from an expression). */
export function readIdList(ctx: IExecuteFunctions, name: string, label: string, i: number): bigint[] {
	const raw = ctx.getNodeParameter(name, i) as unknown;
	const parts: unknown[] = Array.isArray(raw)
		? raw
		: typeof raw === 'string'
			? raw.split(/[\s,;]+/).filter((p) => p !== '')
			: raw === undefined || raw === null
				? []
				: [raw];
	if (parts.length === 0) {
		throw inputError(ctx.getNode(), i, label, 'at least one ID is required', 'Separate several IDs with commas.');
	}
	const ids: bigint[] = [];
	for (const part of parts) {
		const digits = toIdDigits(part);
		if (digits === undefined) {
			throw inputError(ctx.getNode(), i, label, idProblem(part), 'Separate several IDs with commas.');
		}
		ids.push(BigInt(digits));
	}
	return ids;
}

/** A whole number within bounds; fractions, negatives and text are refused rather than rounded. */
export function readInteger(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
	bounds: { min: number; max?: number; fallback?: number },
): number {
	const raw = (bounds.fallback === undefined ? ctx.getNodeParameter(name, i) : ctx.getNodeParameter(name, i, bounds.fallback)) as unknown;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < bounds.min || value > max) {
		throw inputError(
			ctx.getNode(),
			i,
			label,
			bounds.max === undefined
				? `${describe(raw)} is not a whole number of at least ${bounds.min}`
				: `${describe(raw)} is not a whole number from ${bounds.min} to ${max}`,
		);
	}
	return value;
}

/** Text that must be present (after trimming); objects from expressions are refused, not stringified. */
export function readText(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	i: number,
	options: { required?: boolean; maxLength?: number; fallback?: string } = {},
): string {
	const raw = ctx.getNodeParameter(name, i, options.fallback ?? '') as unknown;
	return checkText(ctx, raw, label, i, options);
}

export function checkText(
	ctx: IExecuteFunctions,
	raw: unknown,
	label: string,
	i: number,
	options: { required?: boolean; maxLength?: number } = {},
): string {
	if (raw !== undefined && raw !== null && typeof raw === 'object') {
		throw inputError(ctx.getNode(), i, label, 'expected text but the value is an object or a list');
	}
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (options.required && value === '') throw inputError(ctx.getNode(), i, label, 'is required');
	const max = options.maxLength ?? 500;
	if (value.length > max) {
		throw inputError(ctx.getNode(), i, label, `is ${value.length} characters long; at most ${max} are accepted`);
	}
	return value;
}

/** Drops empty optional fields so the body carries only what the user set. */
export function compact<T extends Record<string, unknown>>(fields: T): Partial<T> {
	const out: Partial<T> = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value !== undefined && value !== '' && value !== null) out[key as keyof T] = value as T[keyof T];
	}
	return out;
}
