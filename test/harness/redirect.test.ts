/**
 * Signed requests through n8n's real httpRequestWithAuthentication, against a base URL that
 * answers with a redirect to another host: the other host (a second local server that records
 * every request) must receive nothing, and the node's error must name where the redirect pointed.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PACKAGE, runWorkflow } from './engine';

let trap: Server;
let redirector: Server;
let reached: IncomingHttpHeaders[];
let status: number;

const portOf = (server: Server) => (server.address() as AddressInfo).port;

beforeEach(async () => {
	reached = [];
	trap = createServer((req, res) => {
		reached.push(req.headers);
		req.resume();
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"0","data":{}}');
	});
	// "localhost" is another origin than "127.0.0.1" for n8n's redirect rules, as a foreign host would be.
	redirector = createServer((req, res) => {
		req.resume();
		res.writeHead(status, { location: `http://localhost:${portOf(trap)}/collect${req.url ?? ''}` }).end();
	});
	await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
	await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
});

afterEach(async () => {
	await new Promise((r) => trap.close(r));
	await new Promise((r) => redirector.close(r));
});

const credentials = () => ({ accessKey: 'AK', accessSecret: 'SECRET', userId: 'U1', baseUrl: `http://127.0.0.1:${portOf(redirector)}` });

describe('signed requests never follow a redirect', () => {
	it.each([301, 302, 307, 308])('a %i on a read or a write is an error naming the target, and nothing reaches it', async (code) => {
		status = code;
		for (const node of [
			{ name: 'Get Order', type: `${PACKAGE}.pandaponOrder`, parameters: { platform: '1688', operation: 'get', orderId: '2542285634920880794' } },
			{ name: 'Cancel Order', type: `${PACKAGE}.pandaponOrder`, parameters: { platform: '1688', operation: 'cancel', orderId: '2542285634920880794', cancelReason: 'buyerCancel' } },
		]) {
			const run = await runWorkflow({ credentials: credentials(), nodes: [node] });
			expect(run.data.resultData.error?.message).toContain(`redirect to http://localhost:${portOf(trap)}/collect`);
		}
		expect(reached).toEqual([]);
	});

	it('an http:// base URL that is not loopback is refused before anything is sent', async () => {
		const run = await runWorkflow({
			credentials: { ...credentials(), baseUrl: `http://pandapon.invalid:${portOf(trap)}` },
			nodes: [{ name: 'Get Order', type: `${PACKAGE}.pandaponOrder`, parameters: { platform: '1688', operation: 'get', orderId: '2542285634920880794' } }],
		});
		expect(run.data.resultData.error?.message).toBe('Pandapon API credential: Base URL: http://pandapon.invalid:' + portOf(trap) + ' is not https: signed Pandapon requests go only over https (plain http only to 127.0.0.1, localhost or ::1)');
	});
});
