/**
 * The trigger's webhook end to end without n8n: which credential is read when, what each refusal
 * answers, and that a flood is answered 503 and logged instead of growing memory.
 */
import type { IDataObject } from 'n8n-workflow';

import { handleCallback } from '../../nodes/PandaponTrigger/callback';
import { PandaponTrigger } from '../../nodes/PandaponTrigger/PandaponTrigger.node';
import { MAX_IN_FLIGHT } from '../../nodes/PandaponTrigger/redelivery';
import { DEFAULT_SIGNING_RULE, signedHeaders } from '../../nodes/shared/signing';
import { webhookCall } from '../harness/webhookCall';
import type { CallSpec } from '../harness/webhookCall';

const TOKEN = 'security-test-callback-token-Zk4Pq9';
const api = { accessKey: 'AK', accessSecret: 'SECRET', userId: 'U' };
const message = (n: number) =>
	JSON.stringify({ messageType: '1688_ORDER_BUYER_VIEW_ORDER_PAY_SUCCESS', messageBody: { baseInfo: { idOfStr: String(2542285634920880794n + BigInt(n)) } }, messagePlatform: 1, timestamp: '1795977671231' });

let workflows = 0;
async function send(spec: CallSpec, options: IDataObject = {}) {
	const call = webhookCall({ workflowId: `wf-security-${++workflows}`, credentials: { pandaponCallbackApi: { callbackToken: TOKEN }, pandaponApi: api }, ...spec });
	const result = await handleCallback.call(call.ctx, options);
	return { ...call, result };
}

describe('Pandapon Trigger webhook security', () => {
	it('checks the token before reading the API credential: a forged signed call costs no decryption', async () => {
		const signed = signedHeaders({ ...api, rule: DEFAULT_SIGNING_RULE }, { method: 'POST', path: '/webhook/x/pandapon', body: message(1) });
		const forged = await send({ body: message(1), headers: signed, query: { token: 'guess' } });
		expect(forged.answer).toEqual({ status: 401, body: { received: false, error: 'missing or wrong token' } });
		expect(forged.reads).toEqual(['pandaponCallbackApi']);
		const genuine = await send({ body: message(1), headers: { ...signed, 'x-pandapon-token': TOKEN } });
		expect(genuine.ran(genuine.result)).toBe(true);
		// The token was read a moment ago and is cached; only a signed call that passed it reads the API credential.
		expect(genuine.reads).toEqual(['pandaponApi']);
	});

	it('reads the callback credential once per TOKEN_CACHE_MS, not once per call', async () => {
		const credentials = { pandaponCallbackApi: { callbackToken: `${TOKEN}-cache` } };
		const reads: string[] = [];
		for (let n = 0; n < 50; n++) reads.push(...(await send({ body: message(1), query: { token: 'forged' }, credentials })).reads);
		expect(reads).toEqual(['pandaponCallbackApi']);
	});

	it('a callback credential that cannot be read (n8n busy) is answered 503 and not remembered as "no token"', async () => {
		const credentials = { pandaponCallbackApi: { callbackToken: `${TOKEN}-busy` }, pandaponApi: api };
		const busy = await send({ body: message(3), query: { token: `${TOKEN}-busy` }, credentials, unreadable: ['pandaponCallbackApi'] });
		expect(busy.answer.status).toBe(503);
		expect(busy.answer.body?.error).toMatch(/^the Callback Token could not be read \(operation timed out for an unknown reason\)/);
		expect(busy.ran(busy.result)).toBe(false);
		expect(busy.logs.join('\n')).toMatch(/^warn: Pandapon Trigger: the Callback Token could not be read/);
		const next = await send({ body: message(3), query: { token: `${TOKEN}-busy` }, credentials });
		expect(next.ran(next.result)).toBe(true);
	});

	it('without a Pandapon Callback API credential, or with a placeholder token, answers 401 and says why in the log', async () => {
		for (const credentials of [{ pandaponApi: api } as Record<string, IDataObject>, { pandaponCallbackApi: { callbackToken: 'change-me-long-random-token' }, pandaponApi: api }]) {
			const call = await send({ body: message(2), credentials, query: { token: 'change-me-long-random-token' } });
			expect(call.answer.status).toBe(401);
			expect(call.ran(call.result)).toBe(false);
			expect(call.logs.join('\n')).toMatch(/^warn: Pandapon Trigger refused a call: trigger not secured/);
			expect(call.reads).not.toContain('pandaponApi');
		}
	});

	it('answers the console\'s Verify 200 when the token is right, by query or header', async () => {
		for (const spec of [{ method: 'GET', query: { token: TOKEN } }, { body: '{}', headers: { 'x-pandapon-token': TOKEN } }]) {
			const call = await send(spec, { signatureCheck: 'required' });
			expect(call.answer).toEqual({ status: 200, body: { received: true, ping: true } });
		}
	});

	it('answers 503 and logs it once MAX_IN_FLIGHT messages are being started, instead of remembering more', async () => {
		const workflowId = 'wf-flood';
		for (let n = 0; n < MAX_IN_FLIGHT; n++) {
			const call = await send({ workflowId, body: message(1000 + n), query: { token: TOKEN } });
			expect(call.ran(call.result)).toBe(true);
		}
		const over = await send({ workflowId, body: message(99_999), query: { token: TOKEN } });
		expect(over.answer).toEqual({ status: 503, body: { received: false, error: `${MAX_IN_FLIGHT} messages are being started at once; send it again later` } });
		expect(over.logs).toEqual([`warn: Pandapon Trigger: ${MAX_IN_FLIGHT} messages are being started at once; answered 503 so Pandapon sends the message again later`]);
	});

	it('a custom signing rule without a secret is refused at use: 500 and an error in the log, nothing runs', async () => {
		const weak = { ...api, customSigning: true, signingTemplate: '{accessKey}{nonce}{timestamp}', signingDigest: 'md5', signatureCase: 'upper' };
		const call = await send({ body: message(3), query: { token: TOKEN }, credentials: { pandaponCallbackApi: { callbackToken: TOKEN }, pandaponApi: weak } }, { signatureCheck: 'required' });
		expect(call.answer.status).toBe(500);
		expect(call.logs.join('\n')).toMatch(/^error: Pandapon Trigger: The custom signing template must contain \{secret\}/);
	});

	it('the Pandapon Callback API credential\'s test refuses placeholders and short tokens', async () => {
		const test = (callbackToken: string) =>
			new PandaponTrigger().methods.credentialTest.callbackTokenTest.call({} as never, { id: '', name: '', type: 'pandaponCallbackApi', data: { callbackToken } });
		expect(await test(TOKEN)).toMatchObject({ status: 'OK' });
		expect(await test('change-me-long-random-token')).toMatchObject({ status: 'Error', message: expect.stringContaining('placeholder') });
		expect(await test('short')).toMatchObject({ status: 'Error', message: expect.stringContaining('shorter than 24') });
	});

	it('the token is no node parameter any more: workflow JSON can\'t carry it', () => {
		const options = new PandaponTrigger().description.properties.find((p) => p.name === 'options');
		expect((options?.options ?? []).map((o) => o.name)).not.toContain('token');
		expect(new PandaponTrigger().description.credentials).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'pandaponCallbackApi', required: true })]));
	});
});
