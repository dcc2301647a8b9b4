import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { handleCallback, tokenProblem } from './callback';
import { TRIGGER_EVENT_OPTIONS, TRIGGER_SUBTITLE } from './events';
import { startRun } from './run';

export class PandaponTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pandapon Trigger',
		name: 'pandaponTrigger',
		icon: { light: 'file:../../icons/pandapon.svg', dark: 'file:../../icons/pandapon.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: TRIGGER_SUBTITLE,
		description: 'Starts the workflow when Pandapon pushes an order message (price, status, shipment, refund)',
		defaults: { name: 'Pandapon Trigger' },
		inputs: [],
		// n8n before 1.85 (n8n-workflow 1.80) has no NodeConnectionTypes; its connection is the same 'main'.
		outputs: [NodeConnectionTypes?.Main ?? 'main'],
		credentials: [
			// The Callback Token: without it (or Signature Check Required) every call is refused.
			{ name: 'pandaponCallbackApi', required: true, testedBy: 'callbackTokenTest' },
			// Signature checks and Fetch Order.
			{ name: 'pandaponApi', required: false },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// An empty response data makes n8n answer with our webhookResponse (see shared/n8n-runtime.md).
				responseData: '',
				path: 'pandapon',
			},
			{
				// The console's Verify may open the URL with a GET: answered 200 (token still checked), nothing runs.
				name: 'setup',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				responseData: '',
				path: 'pandapon',
			},
		],
		properties: [
			{
				displayName:
					'Pandapon has no API to register callbacks. Copy the Production URL above, add <code>?token=</code> and the Callback Token of the Pandapon Callback API credential, paste it into the Pandapon console → Message service → callback URL, click Verify, then save. The workflow must be active.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'Every call is refused (401) until the Pandapon Callback API credential holds a random Callback Token of at least 24 characters, unless Signature Check is Required. Pandapon may send the token as <code>?token=</code> or as the header <code>x-pandapon-token</code>.',
				name: 'securityNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['priceModified', 'statusChanged'],
				options: TRIGGER_EVENT_OPTIONS,
				description: 'The messages that start the workflow',
			},
			{
				displayName: 'Platform',
				name: 'platform',
				type: 'options',
				default: 'all',
				options: [
					{ name: '1688', value: '1688' },
					{ name: 'All', value: 'all' },
					{ name: 'Taobao', value: 'taobao' },
				],
				description: 'Which platform\'s messages start the workflow',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Fetch Order',
						name: 'fetchOrder',
						type: 'boolean',
						default: false,
						description:
							'Whether to read the order from the Pandapon API (needs the Pandapon API credential) as the workflow starts and attach it as "order" (messages can arrive out of order). The callback is answered first. An Order › Get node after the trigger does the same and shows its own errors.',
					},
					{
						displayName: 'Ignore Redeliveries',
						name: 'ignoreRedeliveries',
						type: 'boolean',
						default: true,
						description:
							'Whether a message Pandapon sends again (it re-sends every 30 minutes, up to 5 times, when it saw no 200) runs nothing the second time',
					},
					{
						displayName: 'Include Raw Request',
						name: 'includeRaw',
						type: 'boolean',
						default: false,
						description: 'Whether to add the request headers and the raw body to the output. Secrets and headers that repeat the URL (and so the token) are left out.',
					},
					{
						displayName: 'Signature Check',
						name: 'signatureCheck',
						type: 'options',
						default: 'ifPresent',
						options: [
							{ name: 'If Present', value: 'ifPresent', description: 'Verify signed calls, accept unsigned ones' },
							{ name: 'Off', value: 'off', description: 'Never verify' },
							{ name: 'Required', value: 'required', description: 'Refuse calls without a valid signature' },
						],
						description: 'Verify signature headers with the Pandapon API credential\'s signing rule; the call must carry its access key (Pandapon does not document signed callbacks)',
					},
					{
						displayName: 'Timestamp Window (Seconds)',
						name: 'windowSeconds',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 3600, numberPrecision: 0 },
						default: 600,
						description: 'How far a signed call\'s timestamp may be from this server\'s clock (at most 3,600)',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			// Nothing to call: the dialog's test says whether the token is strong enough to protect the trigger.
			async callbackTokenTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const problem = tokenProblem(String(credential.data?.callbackToken ?? ''));
				return problem
					? { status: 'Error', message: `Refused: ${problem}. Every callback would be answered 401.` }
					: { status: 'OK', message: 'The Callback Token is long enough and not a placeholder' };
			},
		},
	};

	webhookMethods = {
		default: {
			// Pandapon has no callback registration API: the user pastes the URL into its web console by hand.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await startRun.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleCallback.call(this, this.getNodeParameter('options', {}) as IDataObject);
	}
}
