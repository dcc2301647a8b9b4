/**
 * A tiny HTTP load balancer in front of n8n's webhook processors: round-robin over the backends.
 * With `spreadBy`, requests with the same key go to the backends in turn (first copies of messages
 * round-robin, each next copy of a message to the processor after the one its previous copy went
 * to), which is how the queue suite makes sure a re-sent callback lands on another processor.
 */
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Routed {
	backend: number;
	method: string;
	path: string;
	key?: string;
	status: number;
}

export interface RoundRobin {
	url: string;
	routed: Routed[];
	/** Sets (or clears) the key that spreads copies of one request over the backends. */
	spreadBy(key: ((body: Buffer) => string | undefined) | undefined): void;
	close(): Promise<void>;
}

export async function startRoundRobin(backends: number[]): Promise<RoundRobin> {
	let next = 0;
	const perKey = new Map<string, number>();
	let keyOf: ((body: Buffer) => string | undefined) | undefined;
	const routed: Routed[] = [];

	function pick(body: Buffer): { backend: number; key?: string } {
		const key = keyOf?.(body);
		if (key === undefined) return { backend: next++ % backends.length };
		const n = perKey.get(key) ?? next++;
		perKey.set(key, n + 1);
		return { backend: n % backends.length, key };
	}

	function forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
		const { backend, key } = pick(body);
		const upstream = request(
			{ host: '127.0.0.1', port: backends[backend], method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${backends[backend]}` } },
			(answer) => {
				routed.push({ backend, method: req.method ?? '', path: req.url ?? '', key, status: answer.statusCode ?? 0 });
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', (error) => {
			routed.push({ backend, method: req.method ?? '', path: req.url ?? '', key, status: 502 });
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
			res.end(`webhook processor ${backend} unreachable: ${error.message}`);
		});
		upstream.end(body);
	}

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => forward(req, res, Buffer.concat(chunks)));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		routed,
		spreadBy: (key) => {
			keyOf = key;
			perKey.clear();
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
