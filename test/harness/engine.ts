/**
 * Runs workflow JSON through n8n's real engine (n8n-core's WorkflowExecute) in-process: real
 * parameter and expression resolution, the real httpRequestWithAuthentication with this package's
 * credential `authenticate`, real error wrapping. HTTP goes to a sandbox over loopback; nothing is
 * mocked on our side of the wire.
 */
import { DataDeduplicationService, ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	IConnections,
	ICheckProcessedContextData,
	IDataDeduplicator,
} from 'n8n-workflow';

import { evidenceJson, recordEvidence } from '../../scripts/evidence';
import { PandaponApi } from '../../credentials/PandaponApi.credentials';
import { PandaponAfterSales } from '../../nodes/PandaponAfterSales/PandaponAfterSales.node';
import { PandaponCart } from '../../nodes/PandaponCart/PandaponCart.node';
import { PandaponLogistics } from '../../nodes/PandaponLogistics/PandaponLogistics.node';
import { PandaponOrder } from '../../nodes/PandaponOrder/PandaponOrder.node';
import { PandaponProduct } from '../../nodes/PandaponProduct/PandaponProduct.node';
import { PandaponTrigger } from '../../nodes/PandaponTrigger/PandaponTrigger.node';

export const PACKAGE = 'n8n-nodes-pandapon';

const NODE_TYPES: Record<string, INodeType> = {
	[`${PACKAGE}.pandaponCart`]: new PandaponCart(),
	[`${PACKAGE}.pandaponOrder`]: new PandaponOrder(),
	[`${PACKAGE}.pandaponProduct`]: new PandaponProduct(),
	[`${PACKAGE}.pandaponLogistics`]: new PandaponLogistics(),
	[`${PACKAGE}.pandaponAfterSales`]: new PandaponAfterSales(),
	// Its `execute` is what n8n runs at the start of the execution, with what its webhook returned.
	[`${PACKAGE}.pandaponTrigger`]: new PandaponTrigger(),
};

/**
 * The AI-tool variant n8n derives from an action node ("<name>Tool", cli tool-generation
 * convertNodeToAiTool): the same execute under a name ending in Tool, so its `@tool` display rules
 * and defaults apply. Kept on a main connection here, since this engine runs no agent.
 */
export const TOOL = (type: string) => `${type}Tool`;
for (const node of [new PandaponCart(), new PandaponOrder(), new PandaponProduct(), new PandaponLogistics(), new PandaponAfterSales()]) {
	const type = `${PACKAGE}.${node.description.name}`;
	node.description = { ...node.description, name: `${node.description.name}Tool` };
	NODE_TYPES[TOOL(type)] = node;
}

const nodeTypes: INodeTypes = {
	getByName: (type: string) => NODE_TYPES[type],
	getByNameAndVersion: (type: string, version?: number) =>
		NodeHelpers.getVersionedNodeType(NODE_TYPES[type], version),
	getKnownTypes: () => ({}),
} as INodeTypes;

const credentialType = new PandaponApi();

/** The test stand-in for the CLI's CredentialsHelper; `authenticate` is the credential's own. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, request: IHttpRequestOptions) {
		return await credentialType.authenticate(credentials, request);
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}
	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

/** n8n's de-duplication store, in memory: one set of entries per workflow (and node) scope. */
export const dedupStore = new Map<string, Set<string>>();
const scopeKey = (scope: string, data: ICheckProcessedContextData) =>
	scope === 'node' ? `${data.workflow.id}:${data.node?.id}` : data.workflow.id;
const deduplicator: IDataDeduplicator = {
	async checkProcessedAndRecord(items, scope, data) {
		const set = dedupStore.get(scopeKey(scope, data)) ?? new Set<string>();
		dedupStore.set(scopeKey(scope, data), set);
		const result = { new: [] as Array<string | number>, processed: [] as Array<string | number> };
		for (const item of items) {
			(set.has(String(item)) ? result.processed : result.new).push(item);
			set.add(String(item));
		}
		return result;
	},
	async removeProcessed(items, scope, data) {
		for (const item of items) dedupStore.get(scopeKey(scope, data))?.delete(String(item));
	},
	async clearAllProcessedItems(scope, data) {
		dedupStore.delete(scopeKey(scope, data));
	},
	async getProcessedDataCount(scope, data) {
		return dedupStore.get(scopeKey(scope, data))?.size ?? 0;
	},
};
void DataDeduplicationService.init(deduplicator);

export interface WorkflowSpec {
	nodes: Array<Omit<INode, 'id' | 'typeVersion' | 'position' | 'credentials'> & Partial<INode>>;
	connections?: IConnections;
	items?: INodeExecutionData[];
	credentials: ICredentialDataDecryptedObject;
	/**
	 * Same id = same de-duplication scope across runs, as for one saved workflow. Without one, each
	 * run is a workflow of its own, so no test sees another's keys by accident.
	 */
	workflowId?: string;
	/** The workflow's static data, shared across runs when the caller passes the same object. */
	staticData?: IDataObject;
}

/** Chains nodes in the given order when no connections are given. */
function chain(nodes: WorkflowSpec['nodes']): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

let unsavedWorkflows = 0;

export async function runWorkflow(spec: WorkflowSpec): Promise<IRun> {
	const workflowId = spec.workflowId ?? `wf-unsaved-${++unsavedWorkflows}`;
	const nodes: INode[] = spec.nodes.map((n, index) => ({
		id: String(index + 1),
		typeVersion: 1,
		position: [index * 200, 0],
		credentials: { pandaponApi: { id: 'cred-1', name: 'Pandapon sandbox' } },
		...n,
	}));
	const workflow = new Workflow({
		id: workflowId,
		staticData: spec.staticData,
		nodes,
		connections: spec.connections ?? chain(spec.nodes),
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: workflowId,
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const additionalData = {
		executionId: 'exec-1',
		hooks,
		credentialsHelper: new TestCredentialsHelper(spec.credentials),
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		variables: {},
		userId: 'user-1',
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used here');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used here');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	const first = nodes[0];
	await new WorkflowExecute(additionalData, 'manual', {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: first, data: { main: [spec.items ?? [{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: null,
		},
	} as never).processRunExecutionData(workflow);
	const run = await done;
	recordEvidence('harness', evidenceJson(run.data.resultData));
	return run;
}

/** The JSON items a node output (first run, first output). */
export function output(run: IRun, nodeName: string): IDataObject[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) return [];
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

/** The full items (with pairedItem) a node output. */
export function outputItems(run: IRun, nodeName: string): INodeExecutionData[] {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

export function sandboxCredentials(sandbox: { url: string; options: { accessKey: string; accessSecret: string; userId: string } }) {
	return {
		accessKey: sandbox.options.accessKey,
		accessSecret: sandbox.options.accessSecret,
		userId: sandbox.options.userId,
		baseUrl: sandbox.url,
	};
}

/**
 * The context the editor gives a node's load-options and list-search methods: no input item, the
 * typed parameters, the sandbox credential.
 */
function editorContext(sandbox: Parameters<typeof sandboxCredentials>[0], type: string, method: string, parameters: IDataObject) {
	const target: INode = {
		id: '1',
		name: 'Load Options',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { pandaponApi: { id: 'cred-1', name: 'Pandapon sandbox' } },
	};
	const workflow = new Workflow({ id: 'wf-load', nodes: [target], connections: {}, active: false, nodeTypes });
	const additionalData = {
		currentNodeParameters: parameters,
		credentialsHelper: new TestCredentialsHelper(sandboxCredentials(sandbox)),
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, target, additionalData, `parameters.${method}`);
}

/** Runs one of a node's load-options methods the way the editor does. */
export async function loadOptions(
	sandbox: Parameters<typeof sandboxCredentials>[0],
	type: string,
	method: string,
	parameters: IDataObject,
): Promise<INodePropertyOptions[]> {
	const methods = NODE_TYPES[type].methods?.loadOptions ?? {};
	return await methods[method].call(editorContext(sandbox, type, method, parameters));
}

/** Runs one of a node's list-search methods (a resource locator's From List) the way the editor does. */
export async function listSearch(
	sandbox: Parameters<typeof sandboxCredentials>[0],
	type: string,
	method: string,
	parameters: IDataObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const methods = NODE_TYPES[type].methods?.listSearch ?? {};
	if (!methods[method]) throw new Error(`${type} wires no listSearch method ${method}`);
	return await methods[method].call(editorContext(sandbox, type, method, parameters), filter, paginationToken);
}
