/**
 * What an n8n install fetched, read from its log: npm's `http fetch` lines and node-gyp's `http GET`
 * lines name every URL they download. An install must reach nothing but the npm registry.
 */
const FETCH_LINE = /\bhttp (?:fetch )?(?:GET|HEAD|POST)\b.*?\bhttps?:\/\/([^/\s'"]+)/;

export function foreignHosts(log: string, registry: string): string[] {
	const allowed = new URL(registry).host;
	const hosts = new Set<string>();
	for (const line of log.split('\n')) {
		const host = FETCH_LINE.exec(line)?.[1];
		if (host !== undefined && host !== allowed) hosts.add(host);
	}
	return [...hosts].sort();
}
