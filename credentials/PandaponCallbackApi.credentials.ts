import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret a Pandapon callback must carry. It lives in a credential, encrypted like every other,
 * so it never appears in workflow JSON, exports, history or n8n's public API.
 */
export class PandaponCallbackApi implements ICredentialType {
	name = 'pandaponCallbackApi';

	displayName = 'Pandapon Callback API';

	icon: Icon = { light: 'file:../icons/pandapon.svg', dark: 'file:../icons/pandapon.dark.svg' };

	documentationUrl = 'https://doc-en.pandapon.com/doc-6055770';

	properties: INodeProperties[] = [
		{
			displayName: 'Callback Token',
			name: 'callbackToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A random secret of at least 24 characters (e.g. from a password generator). Pandapon must send it with every callback: add ?token=&lt;this value&gt; to the callback URL in the Pandapon console, or send it as the header x-pandapon-token. Placeholders such as change-me are refused.',
		},
	];
}
