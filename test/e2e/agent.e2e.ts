/**
 * The sourcing-assistant template as a buyer runs it: n8n's own Chat Trigger, AI Agent and OpenAI
 * Chat Model nodes with this package's nodes as the agent's tools. Only the model is replaced: its
 * credential's Base URL points at a scripted OpenAI-compatible server that answers with the tool
 * calls a model would make. What reaches the sandbox is then exactly what the "model" chose, signed
 * by the package; what the agent answers is built from what the tools returned.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { queryDatabase, ROOT } from '../../scripts/host';
import { ownerEnv } from '../../scripts/start';
import { startSandbox } from '../../sandbox/server';
import type { LoggedRequest, Sandbox } from '../../sandbox/server';
import { runManually, saveWorkflow, signIn, startN8nServer } from './n8nServer';
import type { N8nServer, OwnerSession, WorkflowJson } from './n8nServer';
import { assert, assertEqual } from './runner';
import type { Case } from './runner';
import { startScriptedModel, textOf } from './scriptedModel';
import type { ChatRequest, ScriptedModel, Turn } from './scriptedModel';

const TRIGGER = 'When chat message received';
const EARRINGS = { offerId: '624981234567', firstSpec: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718' };

/** n8n names a node's tool after the node, with anything but letters, digits, _ and - made _. */
const toolName = (node: string) => node.replace(/[^a-zA-Z0-9_-]/g, '_');

const lastUserText = (request: ChatRequest) => textOf([...request.messages].reverse().find((m) => m.role === 'user')!);
const toolResults = (request: ChatRequest) => request.messages.filter((m) => m.role === 'tool').map(textOf);

function match(text: string, pattern: RegExp, what: string): string {
	const found = pattern.exec(text);
	if (!found) throw new Error(`no ${what} in ${text.slice(0, 400)}`);
	return found[1];
}

/**
 * What the scripted model does for each chat message: "buy 20 pearl earrings" searches, reads the
 * first offer, previews 20 of its first variant and creates that order, then reports what the create
 * tool answered; "preview 0 pearl earrings" asks for a preview of none and reports the tool's answer.
 */
function script(request: ChatRequest): Turn {
	const results = toolResults(request);
	const ask = lastUserText(request);
	if (ask.startsWith('preview 0')) {
		if (results.length === 0) return { tool: toolName('Preview 1688 Order'), args: { offerId: EARRINGS.offerId, specId: EARRINGS.firstSpec, quantity: 0 } };
		return { say: `The preview tool said: ${results[0]}` };
	}
	switch (results.length) {
		case 0:
			return { tool: toolName('Search 1688 Offers'), args: { keyword: 'pearl earrings' } };
		case 1:
			return { tool: toolName('Get 1688 Offer'), args: { offerId: match(results[0], /"offerId":\s*"?(\d+)/, 'offer id') } };
		case 2:
		case 3: {
			const line = {
				offerId: match(results[1], /"offerId":\s*"?(\d+)/, 'offer id'),
				specId: match(results[1], /"specId":\s*"([0-9a-f]{32})"/, 'spec id'),
				quantity: 20,
			};
			return { tool: toolName(results.length === 2 ? 'Preview 1688 Order' : 'Create 1688 Order'), args: line };
		}
		default:
			return { say: `Create 1688 Order answered: ${results[3]}` };
	}
}

/** The editor's chat: a manual run from the Chat Trigger with the message as its output; status and stored data (where the agent's answer is). */
async function chat(session: OwnerSession, n8n: N8nServer, workflowId: string, message: string): Promise<{ status: string; data: string }> {
	const output = { json: { sessionId: randomUUID(), action: 'sendMessage', chatInput: message } };
	const run = await runManually(n8n, session, workflowId, {
		name: TRIGGER,
		data: { startTime: Date.now(), executionTime: 0, executionIndex: 0, source: [], data: { main: [[output]] } },
	});
	assertEqual(run.mode, 'manual', 'execution mode');
	return run;
}

interface Changes {
	/** The Create tool's Safety instead of the template's. */
	safety?: Record<string, unknown>;
	/** Parameters added to the Chat Trigger's, e.g. to make the chat public. */
	trigger?: Record<string, unknown>;
}

/** The template with the user's own model credential filled in, and the changes a builder would make. */
function template(credential: { id: string; name: string }, { safety, trigger }: Changes): WorkflowJson {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', 'sourcing-assistant.json'), 'utf8')) as WorkflowJson;
	for (const node of workflow.nodes) {
		if (node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi') node.credentials = { openAiApi: credential };
		if (node.name === TRIGGER) Object.assign(node, { webhookId: randomUUID(), parameters: { ...node.parameters, ...trigger } });
		if (node.name === 'Create 1688 Order' && safety) node.parameters.safety = safety;
	}
	return workflow;
}

interface Ctx {
	sandbox: Sandbox;
	model: ScriptedModel;
	n8n: N8nServer;
	session: OwnerSession;
	create: (changes?: Changes) => Promise<{ id: string; versionId: string; webhookId: string }>;
}

async function withAgent(run: (ctx: Ctx) => Promise<void>): Promise<void> {
	const sandbox = await startSandbox();
	const model = await startScriptedModel(script);
	const n8n = await startN8nServer(sandbox, [], ownerEnv());
	try {
		const session = await signIn(n8n);
		const saved = await session.post('/rest/credentials', { name: 'My chat model', type: 'openAiApi', data: { apiKey: 'sk-scripted-model', url: model.url, header: false } });
		const credential = ((await saved.json()) as { data?: { id?: string; name?: string } }).data;
		assert(saved.status === 200 && credential?.id, `saving the model credential failed: ${saved.status}`);
		const create = async (changes: Changes = {}) => {
			const workflow = template({ id: credential.id!, name: credential.name! }, changes);
			return { ...(await saveWorkflow(session, workflow)), webhookId: workflow.nodes.find((n) => n.name === TRIGGER)!.webhookId! };
		};
		await run({ sandbox, model, n8n, session, create });
	} finally {
		await n8n.stop();
		await model.close();
		await sandbox.close();
	}
}

const calls = (log: LoggedRequest[]) => log.map((e) => `${e.endpoint ?? e.path} ${e.status ?? ''}`.trim());
const bodyOf = (entry: LoggedRequest) => JSON.parse(entry.body) as Record<string, unknown>;

/** The sandbox's view of one "buy 20 pearl earrings" conversation: the four signed calls and their arguments. */
function assertPurchaseCalls(log: LoggedRequest[], what: string): void {
	assertEqual(calls(log), ['product1688Search 200', 'product1688Get 200', 'order1688Preview 200', 'order1688Preview 200'], `${what}: the calls the model chose, each signed and accepted`);
	assertEqual(bodyOf(log[0]).keyword, 'pearl earrings', `${what}: search keyword`);
	assert(log[1].body.includes(`"offerId":${EARRINGS.offerId}`) || log[1].body.includes(`"offerId":"${EARRINGS.offerId}"`), `${what}: offer read: ${log[1].body}`);
	for (const preview of log.slice(2)) {
		// The raw text: the 12-digit offer id goes out as a bare JSON number, exactly as the model wrote it.
		const lines = /"cargoParamList":(\[[^\]]*\])/.exec(preview.body)?.[1];
		assertEqual(lines, `[{"offerId":${EARRINGS.offerId},"quantity":20,"specId":"${EARRINGS.firstSpec}"}]`, `${what}: previewed line`);
	}
}

export const agentCases: Case[] = [
	{
		name: 'sourcing assistant: the agent searches, reads an offer, previews and creates as a Dry Run with the arguments the model chose; twice; a bad quantity reaches no API',
		run: async () =>
			await withAgent(async ({ sandbox, model, n8n, session, create }) => {
				const { id } = await create();

				const first = await chat(session, n8n, id, 'buy 20 pearl earrings');
				assertEqual(first.status, 'success', `run 1 ${first.data.slice(0, 600)}`);
				assertPurchaseCalls(sandbox.log, 'run 1');
				assertEqual(sandbox.state.orders.size, 0, 'a Dry Run creates nothing');

				const tools = new Map((model.requests[0].tools ?? []).map((t) => [t.function.name, t.function.description ?? '']));
				assertEqual([...tools.keys()].sort(), ['Create_1688_Order', 'Get_1688_Offer', 'Preview_1688_Order', 'Search_1688_Offers'], 'the tools n8n offered the model');
				assert(tools.get('Search_1688_Offers')!.startsWith('Search 1688 offers by keyword: '), `search tool description: ${tools.get('Search_1688_Offers')}`);
				assert(/Dry Run/.test(tools.get('Create_1688_Order')!) && /Max Total/.test(tools.get('Create_1688_Order')!), `create tool description names its safety: ${tools.get('Create_1688_Order')}`);

				const created = toolResults(model.requests.at(-1)!)[3];
				assert(/"dryRun":\s*true/.test(created) && /"totalFen":\s*\d+/.test(created), `the create tool answered with a Dry Run and its total: ${created}`);
				const total = match(created, /"totalFen":\s*(\d+)/, 'total');
				assert(first.data.includes('Create 1688 Order answered:') && first.data.includes(`totalFen`) && first.data.includes(total), "the agent's answer carries the create tool's result");

				const second = await chat(session, n8n, id, 'buy 20 pearl earrings');
				assertEqual(second.status, 'success', 'run 2');
				assertPurchaseCalls(sandbox.log.slice(4), 'run 2');
				assertEqual(sandbox.state.orders.size, 0, 'run 2 creates nothing either');

				const before = sandbox.log.length;
				const bad = await chat(session, n8n, id, 'preview 0 pearl earrings');
				assertEqual(bad.status, 'success', 'the agent answers even when a tool refuses');
				assertEqual(sandbox.log.length, before, 'a quantity of 0 reaches no API');
				assert(/Quantity/.test(toolResults(model.requests.at(-1)!)[0]), `the tool told the model what was wrong: ${toolResults(model.requests.at(-1)!)[0]}`);
			}),
	},
	{
		name: 'sourcing assistant with Dry Run turned off: refused without Max Total (nothing sent), creates one order under a Max Total',
		run: async () =>
			await withAgent(async ({ sandbox, model, n8n, session, create }) => {
				const { id: unlimited } = await create({ safety: { dryRun: false } });
				const refused = await chat(session, n8n, unlimited, 'buy 20 pearl earrings');
				assertEqual(refused.status, 'success', 'the agent answers the refusal');
				assertEqual(calls(sandbox.log), ['product1688Search 200', 'product1688Get 200', 'order1688Preview 200'], 'the create tool sent nothing');
				assert(/Max Total/.test(toolResults(model.requests.at(-1)!)[3]), `the refusal names Max Total: ${toolResults(model.requests.at(-1)!)[3]}`);
				assertEqual(sandbox.state.orders.size, 0, 'no order');

				const { id: capped } = await create({ safety: { dryRun: false, maxTotalFen: 50000 } });
				const bought = await chat(session, n8n, capped, 'buy 20 pearl earrings');
				assertEqual(bought.status, 'success', `run under a cap ${bought.data.slice(0, 600)}`);
				assertEqual(calls(sandbox.log.slice(3)), ['product1688Search 200', 'product1688Get 200', 'order1688Preview 200', 'order1688Preview 200', 'order1688Create 200'], 'preview for the cap, then one create');
				assertEqual(sandbox.state.orders.size, 1, 'one order');
				const orderId = [...sandbox.state.orders.keys()][0];
				assert(toolResults(model.requests.at(-1)!)[3].includes(orderId), `the agent was told the order id ${orderId}`);
			}),
	},
	{
		name: 'sourcing assistant published with a public chat: a production run over its chat URL answers with the Dry Run result',
		run: async () =>
			await withAgent(async ({ sandbox, n8n, session, create }) => {
				const { id, versionId, webhookId } = await create({ trigger: { public: true, mode: 'webhook' } });
				const published = await session.post(`/rest/workflows/${id}/activate`, { versionId });
				assertEqual(published.status, 200, `publishing: ${(await published.text()).slice(0, 400)}`);
				const send = async () =>
					await fetch(`${n8n.base}/webhook/${webhookId}/chat`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ action: 'sendMessage', sessionId: randomUUID(), chatInput: 'buy 20 pearl earrings' }),
					});
				for (const run of ['production run 1', 'production run 2']) {
					const before = sandbox.log.length;
					// Publishing answers before the production webhook is registered; an unregistered one runs nothing.
					let answer = await send();
					for (let wait = 0; answer.status === 404 && wait < 60; wait++) {
						await new Promise((r) => setTimeout(r, 500));
						answer = await send();
					}
					const text = await answer.text();
					assertEqual(answer.status, 200, `${run}: ${text.slice(0, 400)}`);
					assert(text.includes('Create 1688 Order answered:') && /dryRun/.test(text), `${run}: the chat answer carries the create tool's result: ${text.slice(0, 600)}`);
					assertPurchaseCalls(sandbox.log.slice(before), run);
				}
				assertEqual(sandbox.state.orders.size, 0, 'Dry Run in production too');
				const [mode] = queryDatabase(n8n.dir, `select count(*) as n from execution_entity where workflowId = '${id}' and mode = 'webhook' and status = 'success'`);
				assertEqual(Number(mode.n), 2, 'two successful production executions');
			}),
	},
];
