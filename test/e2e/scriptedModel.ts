/**
 * A chat model that follows a script: an OpenAI-compatible `/v1/chat/completions` endpoint (what
 * n8n's OpenAI Chat Model node calls when its credential's Base URL points here) whose next answer
 * is chosen by a function of the conversation so far — a tool call, or the final text. Every request
 * is kept, so a test can read the tools n8n offered and the tool results the agent passed back.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters?: unknown } }>;
	stream?: boolean;
}

/** What the script answers: call one tool with these arguments, or say this. */
export type Turn = { tool: string; args: Record<string, unknown> } | { say: string };

export interface ScriptedModel {
	/** The Base URL for n8n's OpenAI credential. */
	url: string;
	requests: ChatRequest[];
	close: () => Promise<void>;
}

/** The text of a message's content, whether a string or content parts. */
export function textOf(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	return (message.content ?? []).map((part) => part.text ?? '').join('');
}

/** A chat completion whose one choice is the turn: a tool call, or the final text. */
function completion(request: ChatRequest, turn: Turn, n: number) {
	const message =
		'tool' in turn
			? { role: 'assistant', content: null, tool_calls: [{ id: `call_${n}`, type: 'function', function: { name: turn.tool, arguments: JSON.stringify(turn.args) } }] }
			: { role: 'assistant', content: turn.say };
	return {
		id: `chatcmpl-${n}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: request.model,
		choices: [{ index: 0, message, finish_reason: 'tool' in turn ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

export async function startScriptedModel(script: (request: ChatRequest) => Turn): Promise<ScriptedModel> {
	const requests: ChatRequest[] = [];
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (d: Buffer) => (body += d.toString()));
		req.on('end', () => {
			if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `not scripted: ${req.method} ${req.url}` } }));
				return;
			}
			const request = JSON.parse(body) as ChatRequest;
			// n8n's OpenAI Chat Model asks with stream: false in these runs; a streaming request would be a change to notice.
			if (request.stream) {
				res.writeHead(400, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: 'not scripted: streaming' } }));
				return;
			}
			requests.push(request);
			let turn: Turn;
			try {
				turn = script(request);
			} catch (error) {
				res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `script failed: ${(error as Error).message}` } }));
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(completion(request, turn, requests.length)));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
