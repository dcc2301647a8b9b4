/**
 * The package as a Community Nodes user gets it: the `npm pack`ed tarball installed the way n8n's
 * installer does (scripts/communityPackage.ts), no N8N_CUSTOM_EXTENSIONS, and n8n's own type
 * endpoints listing every node, its tool variant, the credential and their icons.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { PACKAGE_NAME } from '../../scripts/communityPackage';
import { ROOT } from '../../scripts/host';
import type { N8nHost } from '../../scripts/host';
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/server';
import { signIn, startN8nServer } from './n8nServer';
import type { N8nServer, OwnerSession } from './n8nServer';
import { assert, assertEqual } from './runner';
import type { Case } from './runner';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

interface TypeDescription {
	name: string;
	displayName: string;
	icon?: string | { light: string; dark: string };
	iconUrl?: string | { light: string; dark: string };
	credentials?: Array<{ name: string }>;
}

/** `Foo.node.js` → the description name n8n registers (`foo`), read from the built class. */
function describedName(file: string): { name: string; usableAsTool: boolean } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(join(ROOT, file)) as Record<string, new () => { description: { name: string; usableAsTool?: boolean } }>;
	// n8n's loader takes the export named like the file (PandaponCart.node.js → PandaponCart).
	const instance = new exported[basename(file, '.node.js')]();
	return { name: instance.description.name, usableAsTool: instance.description.usableAsTool === true };
}

function iconUrls(type: TypeDescription): string[] {
	const url = type.iconUrl;
	if (!url) return [];
	return typeof url === 'string' ? [url] : [url.light, url.dark];
}

interface Session extends OwnerSession {
	sandbox: Sandbox;
	n8n: N8nServer;
}

/**
 * A running n8n with the package installed from the tarball and the owner signed in. The owner is
 * made through the first-run setup form, which every n8n of the compatibility matrix has.
 */
async function withSignedInN8n(run: (session: Session) => Promise<void>, host?: N8nHost): Promise<void> {
	const sandbox = await startSandbox();
	const n8n = await startN8nServer(sandbox, [], {}, host);
	try {
		await run({ sandbox, n8n, ...(await signIn(n8n, 'setup')) });
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
}

/**
 * Installed from the tarball like Community Nodes, n8n lists every node, its tool variant, the
 * credential and their icons: in the pinned n8n, or in the given install (the compatibility suite).
 */
export async function checkPackageLoads(host?: N8nHost): Promise<void> {
	await withSignedInN8n(async ({ n8n, get }) => {
		assert(!('N8N_CUSTOM_EXTENSIONS' in n8n.env), 'the package must load without N8N_CUSTOM_EXTENSIONS');
		const nodes = (await (await get('/types/nodes.json')).json()) as TypeDescription[];
		const ours = new Map(nodes.filter((n) => n.name.startsWith(`${PACKAGE_NAME}.`)).map((n) => [n.name, n]));
		const expected = manifest.n8n.nodes.flatMap((file) => {
			const { name, usableAsTool } = describedName(file);
			return usableAsTool ? [`${PACKAGE_NAME}.${name}`, `${PACKAGE_NAME}.${name}Tool`] : [`${PACKAGE_NAME}.${name}`];
		});
		assertEqual([...ours.keys()].sort(), expected.sort(), 'node types n8n registered from the package');

		const credentials = (await (await get('/types/credentials.json')).json()) as TypeDescription[];
		const ourCredentials = ['pandaponApi', 'pandaponCallbackApi'].map((name) => {
			const credential = credentials.find((c) => c.name === name);
			assert(credential, `credential type ${name} is not listed`);
			return credential;
		});

		for (const type of [...ours.values(), ...ourCredentials]) {
			const urls = iconUrls(type);
			assert(urls.length > 0, `${type.name} has no icon URL`);
			for (const url of urls) {
				const icon = await get(`/${url}`);
				assertEqual(icon.status, 200, `${type.name} icon ${url}`);
				assert(/svg/.test(icon.headers.get('content-type') ?? ''), `${type.name} icon ${url} is not an SVG`);
			}
		}
	}, host);
}

export const packageCases: Case[] = [
	{
		name: 'installed from the tarball like Community Nodes, n8n lists every node, tool, credential and icon',
		run: async () => await checkPackageLoads(),
	},
	{
		name: "n8n's credential test tells each failure apart, with our explanation (POST /rest/credentials/test)",
		run: async () =>
			withSignedInN8n(async ({ sandbox, post }) => {
				// A sandbox whose clock runs 700 s ahead stands in for this machine's clock being off.
				const skewed = await startSandbox({ clock: () => Date.now() + 700_000 });
				const good = { accessKey: sandbox.options.accessKey, accessSecret: sandbox.options.accessSecret, userId: sandbox.options.userId, baseUrl: sandbox.url };
				const cases: Array<[string, Record<string, string>, 'OK' | 'Error', RegExp]> = [
					['right credentials', good, 'OK', /Connection successful/],
					['wrong access secret', { ...good, accessSecret: 'not-the-secret' }, 'Error', /refused the signature\. Check the access secret/],
					['unknown access key', { ...good, accessKey: 'AK-unknown' }, 'Error', /does not know this access key/],
					['clock 700 s off', { ...good, baseUrl: skewed.url }, 'Error', /clock is probably more than 600 seconds away/],
					['base URL of something else', { ...good, baseUrl: `${sandbox.url}/not-pandapon` }, 'Error', /not as the Pandapon API/],
					['nothing listening', { ...good, baseUrl: 'http://127.0.0.1:9' }, 'Error', /ECONNREFUSED/],
				];
				try {
					// The endpoint tests a saved credential with the data the dialog sends in place of what is stored.
					for (const [what, data, status, message] of cases) {
						const res = await post('/rest/credentials/test', { credentials: { id: 'PandaponSandbox1', name: 'Pandapon sandbox', type: 'pandaponApi', data } });
						const body = (await res.json()) as { data?: { status: string; message: string } };
						assertEqual(body.data?.status, status, `${what}: status (${res.status} ${JSON.stringify(body)})`);
						assert(message.test(body.data?.message ?? ''), `${what}: message ${JSON.stringify(body.data?.message)} does not match ${message}`);
						assert(!(body.data?.message ?? '').includes(good.accessSecret), `${what}: the message shows the access secret`);
					}
				} finally {
					await skewed.close();
				}
			}),
	},
];
