/**
 * One call to the Pandapon Trigger's webhook as n8n makes it, without n8n: the request, the
 * response, the workflow's static data (a copy loaded at the start, saved whole at the end), the
 * credentials the node may read and the log. Records which credentials were read, in order, so a
 * test can tell that a refused call cost no decryption.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** Static data as n8n handles it for a webhook call: a copy loaded at the start, saved whole at the end. */
export class StaticDataRow {
	saved: IDataObject = {};
	load(): IDataObject {
		return JSON.parse(JSON.stringify(this.saved)) as IDataObject;
	}
}

export interface CallSpec {
	body?: string;
	method?: string;
	query?: IDataObject;
	headers?: Record<string, string>;
	/** Credential data by type; a type left out is "not set on the node" (n8n throws). */
	credentials?: Record<string, IDataObject>;
	/** Credential types whose read fails as when n8n's database pool times out. */
	unreadable?: string[];
	row?: StaticDataRow;
	workflowId?: string;
}

export interface Call {
	ctx: IWebhookFunctions;
	/** Status and JSON of the answer the node wrote itself; 0 while n8n is to answer. */
	answer: { status: number; body?: IDataObject };
	/** Credential types read, in order. */
	reads: string[];
	logs: string[];
	/** n8n stored the execution (when one ran), saved the static data and answered 200. */
	save: () => void;
	ran: (result: IWebhookResponseData) => boolean;
}

export function webhookCall(spec: CallSpec): Call {
	const row = spec.row ?? new StaticDataRow();
	const data = row.load();
	const body = spec.body ?? '';
	let finished: (() => void) | undefined;
	const answer: Call['answer'] = { status: 0 };
	const reads: string[] = [];
	const logs: string[] = [];
	const response = {
		get statusCode() {
			return answer.status;
		},
		status: (status: number) => ({
			json: (json: IDataObject) => {
				answer.status = status;
				answer.body = json;
			},
		}),
		once: (_event: 'finish', listener: () => void) => (finished = listener),
	};
	const log = (level: string) => (message: string) => logs.push(`${level}: ${message}`);
	const ctx = {
		getRequestObject: () => ({
			method: spec.method ?? 'POST',
			rawBody: Buffer.from(body),
			body: body === '' ? {} : (JSON.parse(body) as unknown),
			path: '/webhook/x/pandapon',
			headers: spec.headers ?? {},
		}),
		getResponseObject: () => response,
		getQueryData: () => spec.query ?? {},
		getNodeParameter: (name: string, fallback: unknown) => (name === 'events' ? ['*'] : name === 'platform' ? 'all' : fallback),
		getWorkflowStaticData: () => ((data.node ??= {}) as IDataObject),
		getWorkflow: () => ({ id: spec.workflowId ?? 'wf1' }),
		// Credentials are referenced by id, as n8n stores them on the node: one id per distinct data, so cached reads stay apart.
		getNode: () => ({
			id: 'trigger1',
			name: 'Pandapon Trigger',
			credentials: Object.fromEntries(Object.entries(spec.credentials ?? {}).map(([type, data]) => [type, { id: `${type}:${JSON.stringify(data)}`, name: type }])),
		}),
		getCredentials: async (type: string) => {
			reads.push(type);
			if (spec.unreadable?.includes(type)) throw new Error('operation timed out for an unknown reason');
			const found = spec.credentials?.[type];
			if (!found) throw new Error(`Node "Pandapon Trigger" does not have any credentials of type "${type}" set`);
			return { ...found };
		},
		logger: { warn: log('warn'), error: log('error'), info: log('info'), debug: log('debug') },
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
	return {
		ctx,
		answer,
		reads,
		logs,
		save: () => {
			row.saved = data;
			if (answer.status === 0) answer.status = 200;
			finished?.();
		},
		ran: (result) => result.workflowData !== undefined,
	};
}
