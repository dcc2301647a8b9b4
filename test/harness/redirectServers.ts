/**
 * A base URL that answers every request with a redirect to another host, and that other host: a
 * second local server that records every request reaching it. Signed requests must never reach it.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RedirectServers {
	/** The redirecting base URL (loopback, so the https rule lets it through). */
	baseUrl: string;
	/** Where the redirects point: "localhost" is another origin than "127.0.0.1", as a foreign host would be. */
	trapUrl: string;
	/** Headers of every request that reached the other host. */
	reached: IncomingHttpHeaders[];
	/** The 3xx status the base URL answers with. */
	status: number;
	close: () => Promise<void>;
}

const listen = async (server: Server) => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
};

export async function startRedirectServers(status = 302): Promise<RedirectServers> {
	const reached: IncomingHttpHeaders[] = [];
	const trap = createServer((req, res) => {
		reached.push(req.headers);
		req.resume();
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"0","data":{}}');
	});
	const trapUrl = `http://localhost:${await listen(trap)}/collect`;
	const servers: RedirectServers = {
		baseUrl: '',
		trapUrl,
		reached,
		status,
		close: async () => {
			await new Promise((r) => trap.close(r));
			await new Promise((r) => redirector.close(r));
		},
	};
	const redirector = createServer((req, res) => {
		req.resume();
		res.writeHead(servers.status, { location: `${trapUrl}${req.url ?? ''}` }).end();
	});
	servers.baseUrl = `http://127.0.0.1:${await listen(redirector)}`;
	return servers;
}
