/**
 * JSON that keeps 19-digit ids exact. 1688 order ids exceed 2^53 - 1, so JSON.parse would round
 * them; a JS number must never hold one.
 */

const BIGINT_MARKER = '\u0000bigint:';

/**
 * Parses JSON text; every integer literal outside the safe range becomes a string of its exact
 * digits (or, with `asBigInt`, a bigint, so a caller can tell a bare integer from a quoted one).
 * Strings, fractions and safe integers are left as JSON.parse would give them.
 */
export function parseJsonBig(text: string, options: { asBigInt?: boolean } = {}): unknown {
	let out = '';
	let last = 0;
	let i = 0;
	const n = text.length;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === 34 /* " */) {
			i++;
			while (i < n) {
				const d = text.charCodeAt(i);
				if (d === 92 /* \ */) i += 2;
				else if (d === 34) break;
				else i++;
			}
			i++;
			continue;
		}
		if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
			const start = i;
			i++;
			while (i < n) {
				const d = text.charCodeAt(i);
				if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) i++;
				else break;
			}
			const token = text.slice(start, i);
			if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
				out += `${text.slice(last, start)}"${options.asBigInt ? '\\u0000bigint:' : ''}${token}"`;
				last = i;
			}
			continue;
		}
		i++;
	}
	const rewritten = last === 0 ? text : out + text.slice(last);
	if (!options.asBigInt || last === 0) return JSON.parse(rewritten);
	return JSON.parse(rewritten, (_key, v: unknown) =>
		typeof v === 'string' && v.startsWith(BIGINT_MARKER) ? BigInt(v.slice(BIGINT_MARKER.length)) : v,
	);
}

/**
 * Serialises a request body. `bigint` values are written as bare integer digits, which is how the
 * node sends fields the API types as integer ids without passing them through a JS number. It walks
 * the value itself rather than using a JSON.stringify replacer, because a host may patch
 * `BigInt.prototype.toJSON` (n8n does) and then a replacer only ever sees strings.
 */
export function stringifyJsonBig(value: unknown): string {
	return write(value) ?? '';
}

function write(value: unknown): string | undefined {
	switch (typeof value) {
		case 'bigint':
			return value.toString();
		case 'string':
			return JSON.stringify(value);
		case 'number':
			return Number.isFinite(value) ? String(value) : 'null';
		case 'boolean':
			return value ? 'true' : 'false';
		case 'object': {
			if (value === null) return 'null';
			if (Array.isArray(value)) return `[${value.map((v) => write(v) ?? 'null').join(',')}]`;
			const toJSON = (value as { toJSON?: () => unknown }).toJSON;
			if (typeof toJSON === 'function') return write(toJSON.call(value));
			const parts: string[] = [];
			for (const [key, v] of Object.entries(value)) {
				const written = write(v);
				if (written !== undefined) parts.push(`${JSON.stringify(key)}:${written}`);
			}
			return `{${parts.join(',')}}`;
		}
		default:
			return undefined;
	}
}

/** At most 19 digits and no leading zero, so the digits are also valid JSON integer syntax. */
const INTEGER_ID = /^(0|[1-9]\d{0,18})$/;

/**
 * Reads an integer id from user input, keeping its exact digits. Numbers are accepted only while
 * they are still exact: an unsafe JS number has already lost digits and is refused.
 */
export function toIdDigits(value: unknown): string | undefined {
	if (typeof value === 'bigint') return value >= 0n ? value.toString() : undefined;
	if (typeof value === 'number') {
		return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return INTEGER_ID.test(trimmed) ? trimmed : undefined;
}
