/**
 * Import circles among the package's own TypeScript files. A circle makes a module's exports
 * depend on load order (one of its files sees the other half-initialised) and means two files are
 * one concern split in two; test/unit/importCycles.test.ts keeps sandbox/ and nodes/ free of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** File → the files it imports, both relative to the graph's root folder, '/' separated. */
export type ImportGraph = Map<string, string[]>;

/**
 * Every module path a TypeScript source imports or re-exports (`import … from`, `export … from`,
 * `import 'x'`, `import('x')`), type-only imports included: they tie the files together too.
 */
export function importSpecifiers(source: string): string[] {
	const found: string[] = [];
	const patterns = [
		/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
		/\bimport\s*['"]([^'"]+)['"]/g,
		/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
	];
	for (const pattern of patterns) {
		for (const match of source.matchAll(pattern)) found.push(match[1]);
	}
	return found;
}

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return tsFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The file a relative specifier names: `./x` is `x.ts` or `x/index.ts`; anything else is not ours. */
function resolveTs(from: string, specifier: string, files: Set<string>): string | undefined {
	const base = resolve(dirname(from), specifier);
	return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => files.has(candidate));
}

/** The relative .ts imports among the files under `folders` (paths relative to `root`). */
export function readImportGraph(root: string, folders: string[]): ImportGraph {
	const files = folders.flatMap((folder) => tsFiles(join(root, folder)));
	const known = new Set(files);
	const name = (path: string) => relative(root, path).split('\\').join('/');
	const graph: ImportGraph = new Map();
	for (const file of files) {
		const targets = importSpecifiers(readFileSync(file, 'utf8'))
			.filter((specifier) => specifier.startsWith('.'))
			.map((specifier) => resolveTs(file, specifier, known))
			.filter((target): target is string => target !== undefined)
			.map(name);
		graph.set(name(file), [...new Set(targets)].sort());
	}
	return graph;
}

/**
 * The import circles, each as the path that walks it and returns to its start, e.g.
 * `['a.ts', 'b.ts', 'a.ts']`; a file importing itself is a circle too. Files that reach each other
 * form one group (Tarjan's strongly connected components); every file of a group appears in at
 * least one reported circle, so a fix that breaks one circle of a group still sees the others.
 */
export function findImportCycles(graph: ImportGraph): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const groups: string[][] = [];
	const edges = (file: string) => (graph.get(file) ?? []).filter((target) => graph.has(target));

	const visit = (file: string) => {
		index.set(file, index.size);
		low.set(file, index.get(file)!);
		stack.push(file);
		onStack.add(file);
		for (const target of edges(file)) {
			if (!index.has(target)) {
				visit(target);
				low.set(file, Math.min(low.get(file)!, low.get(target)!));
			} else if (onStack.has(target)) {
				low.set(file, Math.min(low.get(file)!, index.get(target)!));
			}
		}
		if (low.get(file) !== index.get(file)) return;
		const group: string[] = [];
		let member: string;
		do {
			member = stack.pop()!;
			onStack.delete(member);
			group.push(member);
		} while (member !== file);
		if (group.length > 1 || edges(file).includes(file)) groups.push(group);
	};
	for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);

	return groups.flatMap((group) => {
		const cycles: string[][] = [];
		for (const start of [...group].sort()) {
			if (!cycles.some((cycle) => cycle.includes(start))) cycles.push(cycleThrough(start, group, edges));
		}
		return cycles;
	});
}

/** A shortest walk from `start` back to it, staying inside its group. */
function cycleThrough(start: string, group: string[], edges: (file: string) => string[]): string[] {
	const members = new Set(group);
	const cameFrom = new Map<string, string>();
	const queue = [start];
	for (let i = 0; i < queue.length; i++) {
		for (const target of edges(queue[i])) {
			if (!members.has(target)) continue;
			if (target === start) {
				const path = [start];
				for (let at = queue[i]; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
				return [...path, start];
			}
			if (!cameFrom.has(target)) {
				cameFrom.set(target, queue[i]);
				queue.push(target);
			}
		}
	}
	throw new Error(`${start} is in no import circle`);
}
