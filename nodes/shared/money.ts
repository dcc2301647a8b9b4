/**
 * Yuan beside an amount already in fen (units.ts says which amounts are). Only a whole number of
 * fen is an amount in fen: anything else (a yuan decimal such as 6.15 read by mistake) gives
 * undefined instead of a wrong figure like ¥0.06.
 */
export function fenToYuan(fen: unknown): number | undefined {
	const n = typeof fen === 'string' && /^-?\d{1,15}$/.test(fen.trim()) ? Number(fen) : fen;
	return typeof n === 'number' && Number.isSafeInteger(n) ? n / 100 : undefined;
}
