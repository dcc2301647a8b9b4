/**
 * `npm run security` (part of `npm test`, after jest): the attacks of issue 16 against the package
 * as it is, without a real n8n. Callbacks go through the trigger's webhook with n8n's request and
 * response shapes (test/harness/webhookCall.ts); signed requests through n8n's real engine and HTTP
 * helper (test/harness/engine.ts) to a local server that redirects to a second one, which records
 * whatever reaches it. Prints a table, then the last line
 * {"cases":N,"failed":0,"leaked_headers":0,"forged_accepted":0}; exits non-zero on any failure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { checkNonce, handleCallback, MAX_NONCES } from '../../nodes/PandaponTrigger/callback';
import { classifyDelivery, MAX_IN_FLIGHT, MAX_REMEMBERED, memoryOf, newMemory, settleDelivery } from '../../nodes/PandaponTrigger/redelivery';
import { signingRuleOf, signRequest } from '../../nodes/shared/authenticate';
import { DEFAULT_SIGNING_RULE, signedHeaders } from '../../nodes/shared/signing';
import { PACKAGE, runWorkflow } from '../harness/engine';
import { startRedirectServers } from '../harness/redirectServers';
import { webhookCall } from '../harness/webhookCall';
import type { CallSpec } from '../harness/webhookCall';

const TOKEN = 'security-suite-callback-token-Hq3Zt8Wm';
const API = { accessKey: 'AK', accessSecret: 'SECRET', userId: 'U1' };
const SIGNED_HEADERS = ['access-key', 'nonce-str', 'timestamp', 'signature', 'user-id'];

const totals = { forgedAccepted: 0, leakedHeaders: 0 };

function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

const shipped = (n: number) =>
	JSON.stringify({
		messageType: '1688_ORDER_BUYER_VIEW_ORDER_SELLER_SEND',
		messageBody: { baseInfo: { idOfStr: String(2542285634920880794n + BigInt(n)), buyerFeedback: 'Shopify #1001' } },
		messagePlatform: 1,
		timestamp: String(Date.now()),
	});

let workflows = 0;
async function callback(spec: CallSpec, options: IDataObject = {}) {
	const call = webhookCall({ workflowId: `wf-security-${++workflows}`, ...spec });
	const result = await handleCallback.call(call.ctx, options);
	return { ...call, accepted: call.ran(result) };
}

/** A forged call must be refused; an accepted one counts, whatever the case expected. */
async function forged(spec: CallSpec, options: IDataObject = {}): Promise<number> {
	const call = await callback(spec, options);
	if (call.accepted) totals.forgedAccepted++;
	check(!call.accepted && call.answer.status === 401, `accepted or not 401: ${call.answer.status} ${JSON.stringify(call.answer.body)}`);
	return call.answer.status;
}

/** The trigger of the Shopify template, with what its importer would set. */
function templateTrigger(): IDataObject {
	const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'shipped-to-shopify.json'), 'utf8')) as { nodes: Array<{ type: string; parameters: IDataObject }> };
	return (workflow.nodes.find((n) => n.type.endsWith('.pandaponTrigger'))?.parameters.options ?? {}) as IDataObject;
}

interface Case {
	name: string;
	run: () => Promise<string>;
}

const cases: Case[] = [
	{
		name: 'forged template call, no Callback credential, no token',
		run: async () => `${await forged({ body: shipped(1), credentials: { pandaponApi: API } }, templateTrigger())}`,
	},
	{
		name: 'forged template call with the old placeholder token',
		run: async () => {
			const placeholder = 'change-me-long-random-token';
			return `${await forged({ body: shipped(2), query: { token: placeholder }, credentials: { pandaponCallbackApi: { callbackToken: placeholder } } }, templateTrigger())}`;
		},
	},
	{
		name: 'forged template call, short token set and sent',
		run: async () => `${await forged({ body: shipped(3), headers: { 'x-pandapon-token': 'short-token-1234' }, credentials: { pandaponCallbackApi: { callbackToken: 'short-token-1234' } } }, templateTrigger())}`,
	},
	{
		name: 'forged template call, wrong token (query and header)',
		run: async () => {
			const credentials = { pandaponCallbackApi: { callbackToken: TOKEN } };
			await forged({ body: shipped(4), query: { token: `${TOKEN}x` }, credentials }, templateTrigger());
			return `${await forged({ body: shipped(4), headers: { 'x-pandapon-token': TOKEN.slice(1) }, credentials }, templateTrigger())}`;
		},
	},
	{
		name: 'forged signed call under another access key (Required)',
		run: async () => {
			const headers = { ...signedHeaders({ ...API, accessKey: 'SOMEONE-ELSE', rule: DEFAULT_SIGNING_RULE }, { method: 'POST', path: '/webhook/x/pandapon', body: shipped(5) }) };
			return `${await forged({ body: shipped(5), headers, credentials: { pandaponApi: API } }, { signatureCheck: 'required' })}`;
		},
	},
	{
		name: 'control: the right token is accepted, Verify ping 200',
		run: async () => {
			const credentials = { pandaponCallbackApi: { callbackToken: TOKEN } };
			const genuine = await callback({ body: shipped(6), headers: { 'x-pandapon-token': TOKEN }, credentials }, templateTrigger());
			check(genuine.accepted, `the genuine call was not accepted: ${JSON.stringify(genuine.answer)}`);
			const ping = await callback({ method: 'GET', query: { token: TOKEN }, credentials });
			check(ping.answer.status === 200, `ping answered ${ping.answer.status}`);
			return 'accepted, 200';
		},
	},
	...[301, 302, 307, 308].map(
		(status): Case => ({
			name: `${status} redirect to another host (read and write)`,
			run: async () => {
				const servers = await startRedirectServers(status);
				try {
					const credentials = { ...API, baseUrl: servers.baseUrl };
					for (const parameters of [
						{ resource: '1688', operation: 'get', orderId: '2542285634920880794' },
						{ resource: '1688', operation: 'cancel', orderId: '2542285634920880794', cancelReason: 'buyerCancel' },
					]) {
						const run = await runWorkflow({ credentials, nodes: [{ name: 'Order', type: `${PACKAGE}.pandaponOrder`, parameters }] });
						check(run.data.resultData.error?.message.includes(`redirect to ${servers.trapUrl}`), `error does not name the target: ${run.data.resultData.error?.message}`);
					}
					totals.leakedHeaders += servers.reached.reduce((n, headers) => n + SIGNED_HEADERS.filter((h) => headers[h] !== undefined).length, 0);
					check(servers.reached.length === 0, `${servers.reached.length} request(s) reached the other host`);
					return 'error names target; other host got 0 requests';
				} finally {
					await servers.close();
				}
			},
		}),
	),
	{
		name: 'http:// base URL (not loopback) refused',
		run: async () => {
			const run = await runWorkflow({
				credentials: { ...API, baseUrl: 'http://api.pandapon.com' },
				nodes: [{ name: 'Order', type: `${PACKAGE}.pandaponOrder`, parameters: { resource: '1688', operation: 'get', orderId: '2542285634920880794' } }],
			});
			check(/is not https/.test(run.data.resultData.error?.message ?? ''), `not refused: ${run.data.resultData.error?.message}`);
			let refused = false;
			try {
				signRequest(API, { url: 'http://evil.example/steal' });
			} catch {
				refused = true;
			}
			check(refused, 'an HTTP Request node URL over http was signed');
			return 'refused before sending';
		},
	},
	{
		name: 'bad signing templates refused',
		run: async () => {
			const bad: Array<[string, string]> = [
				['{accessKey}{nonce}{timestamp}', 'md5'],
				['{accessKey}{nonce}{timestamp}', 'sha256'],
				['{accessKey}{timestamp}{secret}', 'md5'],
				['{accessKey}{nonce}{secret}', 'hmacSha256'],
				['{body}', 'hmacMd5'],
			];
			for (const [signingTemplate, signingDigest] of bad) {
				let refused = false;
				try {
					signingRuleOf({ ...API, customSigning: true, signingTemplate, signingDigest, signatureCase: 'upper' });
				} catch {
					refused = true;
				}
				check(refused, `${signingDigest} ${signingTemplate} was accepted`);
			}
			return `${bad.length} of ${bad.length} refused`;
		},
	},
	{
		name: 'flood: in-flight copies capped, 503 and a log line',
		run: async () => {
			const credentials = { pandaponCallbackApi: { callbackToken: TOKEN } };
			const workflowId = 'wf-security-flood';
			const statuses: Record<number, number> = {};
			let ctx;
			let logged = 0;
			for (let n = 0; n < MAX_IN_FLIGHT + 500; n++) {
				const call = await callback({ workflowId, body: shipped(10_000 + n), query: { token: TOKEN }, credentials });
				const status = call.accepted ? 200 : call.answer.status;
				statuses[status] = (statuses[status] ?? 0) + 1;
				logged += call.logs.filter((l) => l.includes('answered 503')).length;
				ctx = call.ctx;
			}
			const memory = memoryOf(ctx!);
			check(statuses[200] === MAX_IN_FLIGHT && statuses[503] === 500, `answers ${JSON.stringify(statuses)}`);
			check(memory.starting.size === MAX_IN_FLIGHT && memory.taken.size <= MAX_REMEMBERED, `memory grew: ${memory.starting.size} starting, ${memory.taken.size} taken`);
			check(logged === 500, `${logged} log lines for 500 refusals`);
			return `${statuses[200]} taken, ${statuses[503]} × 503, logged`;
		},
	},
	{
		name: 'flood: redelivery memory stays at MAX_REMEMBERED',
		run: async () => {
			// The trigger's own bookkeeping for each call n8n answered 200, without the static-data merge a real call adds.
			const memory = newMemory();
			const now = Date.now();
			for (let n = 0; n < MAX_REMEMBERED + 5_000; n++) {
				const id = n.toString(16).padStart(16, '0').padEnd(32, '0');
				check(classifyDelivery(memory, {}, id, now) === 'new', `message ${n} was not new`);
				settleDelivery(memory, id, 200, now);
			}
			check(memory.taken.size === MAX_REMEMBERED && memory.starting.size === 0, `memory ${memory.taken.size} taken, ${memory.starting.size} starting`);
			return `${MAX_REMEMBERED + 5_000} messages, ${memory.taken.size} fingerprints kept`;
		},
	},
	{
		name: 'flood: nonce store full answers "full", never forgets a live nonce',
		run: async () => {
			const at = Date.now() + 10 * 86_400_000;
			for (let n = 0; n < MAX_NONCES; n++) checkNonce(`flood-${n}`, at, 600_000);
			check(checkNonce('one-more', at, 600_000) === 'full', 'a nonce past the cap was taken');
			check(checkNonce('flood-0', at, 600_000) === 'reused', 'the oldest live nonce was forgotten (replay possible)');
			return `${MAX_NONCES} kept, then full`;
		},
	},
];

async function main(): Promise<void> {
	const rows: Array<[string, string, string, string]> = [];
	let failed = 0;
	const started = Date.now();
	for (const c of cases) {
		const t0 = Date.now();
		try {
			const detail = await c.run();
			rows.push([c.name, 'ok', String(Date.now() - t0), detail]);
		} catch (error) {
			failed++;
			rows.push([c.name, 'FAILED', String(Date.now() - t0), (error as Error).message]);
		}
	}
	const width = Math.max(...rows.map((r) => r[0].length));
	console.log(`${'case'.padEnd(width)} | result | ms    | detail`);
	console.log(`${'-'.repeat(width)}-|--------|-------|-------`);
	for (const [name, result, ms, detail] of rows) console.log(`${name.padEnd(width)} | ${result.padEnd(6)} | ${ms.padStart(5)} | ${detail}`);
	console.log(`${cases.length} cases in ${Date.now() - started} ms`);
	console.log(JSON.stringify({ cases: cases.length, failed, leaked_headers: totals.leakedHeaders, forged_accepted: totals.forgedAccepted }));
	if (failed > 0 || totals.leakedHeaders > 0 || totals.forgedAccepted > 0) process.exitCode = 1;
}

void main().then(() => process.exit());
