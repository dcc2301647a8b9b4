/**
 * No import circles among the package's own files: a circle makes what a module exports depend on
 * which file loads first, and says two files are one concern cut in the wrong place.
 */
import { join } from 'node:path';

import { findImportCycles, importSpecifiers, readImportGraph } from '../../scripts/importCycles';
import type { ImportGraph } from '../../scripts/importCycles';

const ROOT = join(__dirname, '..', '..', '..');

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('import circles', () => {
	it('reads every kind of import and re-export, type-only ones included', () => {
		const source = [
			"import { a } from './a';",
			"import type { B } from '../b';",
			'import {',
			'\tc,',
			'\td,',
			"} from './cd';",
			"export { e } from './e';",
			"export * from './f';",
			"import './g';",
			"const h = await import('./h');",
			"import { join } from 'node:path';",
			"const text = 'not an import';",
		].join('\n');
		expect(importSpecifiers(source)).toEqual(['./a', '../b', './cd', './e', './f', 'node:path', './g', './h']);
	});

	it('finds a circle of two, a longer one, and a file that imports itself, and nothing in a tree', () => {
		const graph = graphOf({
			'a.ts': ['b.ts'],
			'b.ts': ['a.ts', 'c.ts'],
			'c.ts': ['d.ts'],
			'd.ts': ['e.ts'],
			'e.ts': ['c.ts'],
			'f.ts': ['f.ts'],
			'g.ts': ['a.ts', 'c.ts'],
		});
		expect(findImportCycles(graph)).toEqual(
			expect.arrayContaining([
				['a.ts', 'b.ts', 'a.ts'],
				['c.ts', 'd.ts', 'e.ts', 'c.ts'],
				['f.ts', 'f.ts'],
			]),
		);
		expect(findImportCycles(graph)).toHaveLength(3);
		expect(findImportCycles(graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toEqual([]);
	});

	it('names every file of a group in some circle, so breaking one circle of it leaves the others seen', () => {
		const graph = graphOf({ 'hub.ts': ['x.ts', 'y.ts'], 'x.ts': ['hub.ts'], 'y.ts': ['hub.ts'] });
		expect(findImportCycles(graph)).toEqual([
			['hub.ts', 'x.ts', 'hub.ts'],
			['y.ts', 'hub.ts', 'y.ts'],
		]);
	});

	it('resolves the relative imports of sandbox/ and nodes/ to their files', () => {
		const graph = readImportGraph(ROOT, ['sandbox', 'nodes']);
		expect(graph.get('sandbox/server.ts')).toEqual(expect.arrayContaining(['sandbox/state.ts', 'nodes/shared/catalogue.ts']));
		expect([...graph.keys()].filter((file) => file.startsWith('nodes/')).length).toBeGreaterThan(50);
		const known = new Set(graph.keys());
		expect([...graph.values()].flat().filter((target) => !known.has(target))).toEqual([]);
	});

	it('sandbox/ and nodes/ import in no circle', () => {
		const circles = findImportCycles(readImportGraph(ROOT, ['sandbox', 'nodes'])).map((cycle) => cycle.join(' → '));
		expect(circles).toEqual([]);
	});
});
