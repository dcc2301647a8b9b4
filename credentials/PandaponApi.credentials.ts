import type {
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL, signRequest } from '../nodes/shared/authenticate';
import { DEFAULT_SIGNING_TEMPLATE } from '../nodes/shared/signing';

const REFUSED_MESSAGE =
	'Pandapon answered but refused the call. Check the access key, access secret and user ID; if they are right, check the signing settings and this machine\'s clock.';

/** An envelope without data is a refusal even when it comes with HTTP 200: success needs an envelope with code 200 (README, *Where Pandapon's pages are silent*). */
const REFUSED_ENVELOPE_RULES: IAuthenticateRuleResponseSuccessBody[] = [
	{ type: 'responseSuccessBody', properties: { key: 'data', value: undefined, message: REFUSED_MESSAGE } },
	{ type: 'responseSuccessBody', properties: { key: 'data', value: null, message: REFUSED_MESSAGE } },
];

export class PandaponApi implements ICredentialType {
	name = 'pandaponApi';

	displayName = 'Pandapon API';

	icon: Icon = { light: 'file:../icons/pandapon.svg', dark: 'file:../icons/pandapon.dark.svg' };

	documentationUrl = 'https://doc-en.pandapon.com/doc-6055770';

	httpRequestNode = {
		name: 'Pandapon',
		docsUrl: 'https://doc-en.pandapon.com/doc-6055770',
		apiBaseUrlPlaceholder: DEFAULT_BASE_URL,
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			required: true,
			description: 'The AccessKey from the Pandapon console (AccessKey management)',
		},
		{
			displayName: 'Access Secret',
			name: 'accessSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Access Secret paired with the key. Resetting it in the console invalidates the old one.',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2100007341207',
			description: 'The sub-account the calls act for, sent as the user-id header',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description:
				'Pandapon has one environment and its data is real; point this at the local sandbox for tests. Must be https:// (plain http only for 127.0.0.1, localhost or ::1); redirects are never followed.',
		},
		{
			displayName: 'Custom Signing Rule',
			name: 'customSigning',
			type: 'boolean',
			default: false,
			description:
				'Whether to replace the default signing rule (MD5 of the sorted signed headers and the secret, upper-case). Only change it if Pandapon support gave you a different rule.',
		},
		{
			displayName: 'Signing Template',
			name: 'signingTemplate',
			type: 'string',
			default: DEFAULT_SIGNING_TEMPLATE,
			displayOptions: { show: { customSigning: [true] } },
			description:
				'The text that is digested. Placeholders: {accessKey}, {nonce}, {timestamp}, {userId}, {method}, {path}, {body}, {secret}. Must contain {nonce} and {timestamp}, and {secret} unless the digest is an HMAC keyed with the secret; a template without them is refused when used.',
		},
		{
			displayName: 'Digest',
			name: 'signingDigest',
			type: 'options',
			default: 'md5',
			displayOptions: { show: { customSigning: [true] } },
			options: [
				{ name: 'HMAC-MD5 (Keyed With the Secret)', value: 'hmacMd5' },
				{ name: 'HMAC-SHA256 (Keyed With the Secret)', value: 'hmacSha256' },
				{ name: 'MD5', value: 'md5' },
				{ name: 'SHA-256', value: 'sha256' },
			],
		},
		{
			displayName: 'Signature Case',
			name: 'signatureCase',
			type: 'options',
			default: 'upper',
			displayOptions: { show: { customSigning: [true] } },
			options: [
				{ name: 'Lower Case', value: 'lower' },
				{ name: 'Upper Case', value: 'upper' },
			],
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signRequest(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/alibaba/cart/list',
			method: 'GET',
			// The test request is signed too: it must not carry the headers to whatever host a redirect names.
			disableFollowRedirect: true,
		},
		// n8n checks every rule by its type; the two kinds are mixed on purpose, hence the cast.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Pandapon does not know this access key (or the user ID is not one of its sub-accounts). Copy both again from the Pandapon console (AccessKey management).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Pandapon knows the access key but refused the signature. Check the access secret (resetting it in the console invalidates the old one); if it is right, turn off Custom Signing Rule or fix its settings.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 412,
					message:
						'Pandapon refused the timestamp or nonce: this machine\'s clock is probably more than 600 seconds away from Pandapon\'s. Sync the clock (NTP) and try again.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The base URL answers, but not as the Pandapon API. Check the Base URL (e.g. https://api.pandapon.com).',
				},
			},
			...REFUSED_ENVELOPE_RULES,
		] as ICredentialTestRequest['rules'],
	};
}
