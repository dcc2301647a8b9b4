/**
 * The small part of YAML our GitHub workflow files use: block maps, block lists (of scalars or
 * maps), plain or quoted scalars and `#` comments. Enough for the release test to read
 * `.github/workflows/*.yml` without a YAML dependency; anything else is an error, so the files
 * stay in a shape this reader (and a person) can follow.
 */
export type Yaml = string | null | Yaml[] | { [key: string]: Yaml };

interface Line {
	indent: number;
	text: string;
	number: number;
}

function stripComment(text: string): string {
	let quote: string | undefined;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quote) {
			if (c === quote) quote = undefined;
		} else if (c === '"' || c === "'") {
			quote = c;
		} else if (c === '#' && (i === 0 || text[i - 1] === ' ')) {
			return text.slice(0, i).trimEnd();
		}
	}
	return text.trimEnd();
}

function scalar(raw: string, line: Line): string {
	const text = raw.trim();
	if (/^(["']).*\1$/.test(text)) return text.slice(1, -1);
	if (/^[[{|>&*!]/.test(text)) throw new Error(`line ${line.number}: "${text}" is YAML this reader does not handle`);
	return text;
}

function parseBlock(lines: Line[], start: number, indent: number): [Yaml, number] {
	if (lines[start].text.startsWith('- ') || lines[start].text === '-') {
		const list: Yaml[] = [];
		let i = start;
		while (i < lines.length && lines[i].indent === indent && lines[i].text.startsWith('-')) {
			const rest = lines[i].text.slice(1).trimStart();
			if (/^[^'"]*?:( |$)/.test(rest)) {
				// "- key: value" opens a map whose other keys sit two columns further in.
				const inner: Line[] = [{ indent: indent + 2, text: rest, number: lines[i].number }];
				let j = i + 1;
				while (j < lines.length && lines[j].indent > indent) inner.push(lines[j++]);
				list.push(parseBlock(inner, 0, indent + 2)[0]);
				i = j;
			} else {
				list.push(scalar(rest, lines[i]));
				i++;
			}
		}
		return [list, i];
	}
	const map: { [key: string]: Yaml } = {};
	let i = start;
	while (i < lines.length && lines[i].indent === indent) {
		const line = lines[i];
		const match = /^([^'"]*?|'[^']*'|"[^"]*"):(?: (.*))?$/.exec(line.text);
		if (!match) throw new Error(`line ${line.number}: expected "key: value", got "${line.text}"`);
		const key = scalar(match[1], line);
		if (key in map) throw new Error(`line ${line.number}: duplicate key ${key}`);
		if (match[2] !== undefined && match[2].trim() !== '') {
			map[key] = scalar(match[2], line);
			i++;
		} else if (i + 1 < lines.length && lines[i + 1].indent > indent) {
			[map[key], i] = parseBlock(lines, i + 1, lines[i + 1].indent);
		} else {
			map[key] = null;
			i++;
		}
	}
	if (i < lines.length && lines[i].indent > indent) throw new Error(`line ${lines[i].number}: unexpected indentation`);
	return [map, i];
}

export function parseYaml(source: string): Yaml {
	const lines: Line[] = source
		.split('\n')
		.map((raw, index) => ({ indent: raw.length - raw.trimStart().length, text: stripComment(raw.trim()), number: index + 1 }))
		.filter((line) => line.text !== '');
	if (lines.some((line) => line.text.includes('\t'))) throw new Error('tabs are not YAML indentation');
	if (lines.length === 0) return null;
	const [value, end] = parseBlock(lines, 0, lines[0].indent);
	if (end !== lines.length) throw new Error(`line ${lines[end].number}: unexpected indentation`);
	return value;
}
