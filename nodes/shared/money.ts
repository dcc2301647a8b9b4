/** Amounts documented in fen stay integers in fen (decision D5); yuan is added beside, never instead. */
export function fenToYuan(fen: unknown): number | undefined {
	const n = typeof fen === 'string' && fen.trim() !== '' ? Number(fen) : fen;
	return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) / 100 : undefined;
}
