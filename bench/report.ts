/** Prints a small table and, as the last line, one JSON object with the figures. */
export function report(title: string, rows: Array<[string, string | number]>, figures: Record<string, unknown>): void {
	const width = Math.max(...rows.map(([k]) => k.length));
	console.log(`\n${title}`);
	for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
	console.log(JSON.stringify(figures));
}
