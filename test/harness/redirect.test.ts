/**
 * Signed requests through n8n's real httpRequestWithAuthentication, against a base URL that
 * answers with a redirect to another host: the other host (a second local server that records
 * every request) must receive nothing, and the node's error must name where the redirect pointed.
 */
import { PACKAGE, runWorkflow } from './engine';
import { startRedirectServers } from './redirectServers';
import type { RedirectServers } from './redirectServers';

let servers: RedirectServers;
beforeEach(async () => {
	servers = await startRedirectServers();
});
afterEach(async () => {
	await servers.close();
});

const credentials = () => ({ accessKey: 'AK', accessSecret: 'SECRET', userId: 'U1', baseUrl: servers.baseUrl });
const getOrder = { name: 'Get Order', type: `${PACKAGE}.pandaponOrder`, parameters: { resource: '1688', operation: 'get', orderId: '2542285634920880794' } };
const cancelOrder = { name: 'Cancel Order', type: `${PACKAGE}.pandaponOrder`, parameters: { resource: '1688', operation: 'cancel', orderId: '2542285634920880794', cancelReason: 'buyerCancel' } };

describe('signed requests never follow a redirect', () => {
	it.each([301, 302, 307, 308])('a %i on a read or a write is an error naming the target, and nothing reaches it', async (code) => {
		servers.status = code;
		for (const node of [getOrder, cancelOrder]) {
			const run = await runWorkflow({ credentials: credentials(), nodes: [node] });
			expect(run.data.resultData.error?.message).toContain(`redirect to ${servers.trapUrl}`);
		}
		expect(servers.reached).toEqual([]);
	});

	it('an http:// base URL that is not loopback is refused before anything is sent', async () => {
		const run = await runWorkflow({ credentials: { ...credentials(), baseUrl: 'http://pandapon.invalid:4010' }, nodes: [getOrder] });
		expect(run.data.resultData.error?.message).toBe(
			'Pandapon API credential: Base URL: http://pandapon.invalid:4010 is not https: signed Pandapon requests go only over https (plain http only to 127.0.0.1, localhost or ::1)',
		);
	});
});
