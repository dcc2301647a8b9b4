import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

/** The translation languages Pandapon documents (`en`, `vi`). */
const LANGUAGES = ['en', 'vi'];

export const languageField: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	default: 'en',
	description: 'The language titles and names are translated into',
	options: [
		{ name: 'English', value: 'en' },
		{ name: 'Vietnamese', value: 'vi' },
	],
};

export function readLanguage(ctx: IExecuteFunctions, i: number): string {
	const language = ctx.getNodeParameter('language', i, 'en') as unknown;
	if (typeof language !== 'string' || !LANGUAGES.includes(language)) {
		throw inputError(ctx.getNode(), i, 'Language', `${JSON.stringify(language)} is not one of ${LANGUAGES.join(', ')}`);
	}
	return language;
}
