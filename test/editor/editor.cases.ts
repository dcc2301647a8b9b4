/**
 * The editor as a user meets it, in a real Chromium against the real n8n (`npm run e2e:editor`):
 * sign-in, the node panel, every operation's form, the credential dialog and a run of the demo
 * workflow. The same run takes the README's screenshots.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { ICredentialTestRequest, INodePropertyOptions } from 'n8n-workflow';

import { ROOT } from '../../scripts/host';
import type { Demo } from '../../scripts/start';
import { DEMO_LOGIN } from '../../scripts/start';
import { assert, assertEqual } from '../e2e/runner';
import { placeOrder } from '../harness/placeOrder';
import type { Case } from '../e2e/runner';
import type { ConsoleWatch } from './browser';
import { expectedFields, loadNodes, operationsOf, unreachableFields } from './expectations';
import type { NodeUnderTest } from './expectations';

export interface EditorSession {
	demo: Demo;
	context: BrowserContext;
	watch: ConsoleWatch;
	screenshots: string;
}

const DEMO_WORKFLOW = { id: 'PandaponDemo0001', name: 'Pandapon demo: 1688 cart to order' };
const ICON_PATH = '/icons/n8n-nodes-pandapon/dist/icons/pandapon.svg';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Polls until `check` returns true, or fails with `what`. */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check().catch(() => false)) return;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** The message our credential test gives for an HTTP status, read from the built credential. */
function credentialRuleMessage(status: number): string {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { PandaponApi } = require(join(ROOT, 'dist', 'credentials', 'PandaponApi.credentials.js')) as {
		PandaponApi: new () => { test: ICredentialTestRequest };
	};
	const rule = new PandaponApi().test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === status);
	if (!rule || rule.type !== 'responseCode') throw new Error(`the credential has no rule for HTTP ${status}`);
	return rule.properties.message;
}

export function editorCases(session: () => EditorSession): Case[] {
	const nodes = loadNodes();
	let page: Page | undefined;

	/** Every case starts on a fresh tab of the signed-in browser, so a failed case leaves nothing open for the next. */
	async function freshPage(): Promise<Page> {
		if (page) await page.close();
		page = await session().context.newPage();
		return page;
	}

	async function shoot(name: string, target?: Locator): Promise<void> {
		const path = join(session().screenshots, name);
		// Finish CSS transitions (a closing dropdown, a sliding panel) so the picture is the settled screen.
		const options = { path, animations: 'disabled' as const, caret: 'hide' as const };
		if (target) await target.screenshot(options);
		else await page!.screenshot(options);
	}

	/** Runs a check and fails it when the browser logged an error meanwhile. */
	async function withoutConsoleErrors(where: string, check: () => Promise<void>): Promise<void> {
		const { watch } = session();
		const mark = watch.mark();
		await check();
		// Errors are often logged just after the action that caused them.
		await new Promise((r) => setTimeout(r, 500));
		const problems = watch.since(mark);
		assert(
			problems.length === 0,
			`browser errors during ${where}:\n${problems.map((p) => `  [${p.kind}] ${p.text}${p.url ? ` (${p.url})` : ''}`).join('\n')}`,
		);
	}

	async function openCanvas(path: string): Promise<Page> {
		const p = await freshPage();
		await p.goto(`${session().demo.base}${path}`);
		await p.getByTestId('canvas').waitFor();
		return p;
	}

	async function searchNodePanel(p: Page): Promise<Locator> {
		await p.getByTestId('node-creator-plus-button').first().click();
		const search = p.getByTestId('node-creator-search-bar');
		const items = p.getByTestId('node-creator').getByTestId('item-iterator-item');
		// Typing while the panel still slides in can be lost (seen under load): type again until the results are ours.
		await until(async () => {
			if ((await search.inputValue()) !== 'Pandapon') await search.fill('Pandapon');
			return /^Pandapon/.test((await items.first().getByTestId('node-creator-item-name').innerText({ timeout: 2000 })).trim());
		}, 'the node panel to show the results for "Pandapon"');
		return items;
	}

	/** Picks an entry of an options field of the open node by its visible name. */
	async function choose(p: Page, ndv: Locator, parameter: string, optionName: string): Promise<void> {
		const field = ndv.locator(`[data-test-id="parameter-input-${parameter}"]:visible`).first();
		const input = field.locator('input').first();
		if ((await input.inputValue()) === optionName) return;
		await field.click();
		const headline = p.locator('.option-headline', { hasText: new RegExp(`^${escapeRegExp(optionName)}$`) });
		await p.locator('.el-select-dropdown__item:visible').filter({ has: headline }).first().click();
		await until(async () => (await input.inputValue()) === optionName, `${parameter} = ${optionName}`);
	}

	/** Labels of the fields the Parameters tab shows now: [field name, label text]. */
	async function visibleLabels(ndv: Locator): Promise<Array<[string, string]>> {
		return await ndv
			.getByTestId('node-parameters')
			.locator('label[for]:visible')
			.evaluateAll((labels) => labels.map((l) => [l.getAttribute('for') ?? '', (l.textContent ?? '').trim()] as [string, string]));
	}

	/** Checks one platform + operation against the description; returns the mismatches. */
	async function checkForm(node: NodeUnderTest, ndv: Locator, choices: Record<string, string>, label: string): Promise<string[]> {
		const expected = expectedFields(node, choices);
		const problems: string[] = [];
		const labelFor = (name: string) => ndv.getByTestId('node-parameters').locator(`label[for="${name}"]:visible`);
		try {
			await until(async () => {
				for (const field of expected.mustShow) if ((await labelFor(field.name).count()) === 0) return false;
				return true;
			}, 'the fields to render', 15_000);
		} catch {
			// reported field by field below
		}
		const labels = await visibleLabels(ndv);
		for (const field of expected.mustShow) {
			const shown = labels.find(([name]) => name === field.name);
			if (!shown) problems.push(`${label}: "${field.displayName}" (${field.name}) is not shown`);
			else if (!shown[1].startsWith(field.displayName)) problems.push(`${label}: ${field.name} is labelled "${shown[1]}", expected "${field.displayName}"`);
		}
		const topLevel = new Set(node.description.properties.map((p) => p.name));
		for (const [name, text] of labels) {
			if (topLevel.has(name) && !expected.mayShow.has(name)) problems.push(`${label}: "${text}" (${name}) is shown but its displayOptions do not match`);
		}
		return problems;
	}

	/** Adds the node through the node panel, as a user would, and waits for its form. */
	async function addNode(p: Page, node: NodeUnderTest): Promise<Locator> {
		const items = await searchNodePanel(p);
		await items.filter({ has: p.getByTestId('node-creator-item-name').getByText(node.panelName, { exact: true }) }).first().click();
		const ndv = p.getByTestId('ndv');
		const opened = await ndv.getByTestId('node-parameters').waitFor({ timeout: 8000 }).then(() => true, () => false);
		// n8n names a node inserted from an action after that action (n8n-workflow makeNodeName).
		let expectedName = String(node.description.defaults.name);
		if (!opened) {
			// A node with actions opens its action list first: take the first platform's default operation.
			const first = node.platforms[0];
			const operation = operationsOf(node.description, first?.value);
			const option = (operation?.options as INodePropertyOptions[] | undefined)?.find((o) => o.value === operation?.default);
			const actions = p.getByTestId('node-creator').getByTestId('item-iterator-item');
			if (option) {
				await actions.filter({ hasText: option.action ?? option.name }).first().click();
				if (option.action) expectedName = option.action;
			} else await actions.first().click();
		}
		await ndv.getByTestId('node-parameters').waitFor();
		const title = await ndv.getByTestId('node-title-container').innerText();
		assert(title.includes(expectedName), `the form opened is "${title}", not ${node.description.displayName} named "${expectedName}"`);
		return ndv;
	}

	/**
	 * Finds an action the way a user does: "Pandapon" in the node panel, the node, then the action's
	 * name in the node's action list; inserts it and returns its form.
	 */
	async function insertAction(p: Page, node: NodeUnderTest, action: string, screenshot?: string): Promise<Locator> {
		const items = await searchNodePanel(p);
		await items.filter({ has: p.getByTestId('node-creator-item-name').getByText(node.panelName, { exact: true }) }).first().click();
		// Only a search bar on show can be typed into; the node's action view may show none.
		const search = p.locator('[data-test-id="node-creator-search-bar"]:visible').last();
		const listed = p.getByTestId('node-creator').getByTestId('item-iterator-item');
		const match = listed.filter({ hasText: action });
		if (screenshot) {
			// Tall enough for the whole list, both platforms' actions in one picture.
			const size = p.viewportSize()!;
			await p.setViewportSize({ width: size.width, height: 1800 });
			await listed.first().waitFor();
			await new Promise((r) => setTimeout(r, 500));
			await shoot(screenshot, p.getByTestId('node-creator'));
			await p.setViewportSize(size);
		}
		await until(async () => {
			// Narrow the list by the action's name where the view offers a search bar; either way the action must be listed.
			if ((await search.count()) > 0 && (await search.inputValue()) !== action) await search.fill(action);
			return (await match.count()) > 0;
		}, `${node.panelName}'s action list to offer "${action}"`).catch(async (error: Error) => {
			throw new Error(`${error.message}; it lists ${JSON.stringify(await listed.allInnerTexts())}`);
		});
		await match.first().click();
		const ndv = p.getByTestId('ndv');
		await ndv.getByTestId('node-parameters').waitFor();
		return ndv;
	}

	/** Per action node and platform: its first action, found in the panel, selects platform and operation and names the node. */
	const actionCases: Case[] = nodes
		.filter((node) => !node.isTrigger)
		.map((node) => ({
			name: `${node.description.displayName}: a 1688 and a Taobao action found in the node panel insert their platform, operation and name`,
			run: async () => {
				await withoutConsoleErrors(`${node.description.displayName} actions`, async () => {
					for (const platform of node.platforms) {
						const operation = platform.operations[0];
						const action = operation.action ?? operation.name;
						const p = await openCanvas('/workflow/new');
						// The README shows one node's action list, both platforms' actions in it.
						const screenshot = node.description.name === 'pandaponOrder' && platform === node.platforms[0] ? 'node-actions.png' : undefined;
						const ndv = await insertAction(p, node, action, screenshot);
						const title = await ndv.getByTestId('node-title-container').innerText();
						assert(title.includes(action), `inserting "${action}" opened "${title}", not a node named after the action`);
						const value = async (parameter: string) =>
							await ndv.locator(`[data-test-id="parameter-input-${parameter}"]:visible`).first().locator('input').first().inputValue();
						assertEqual(await value(node.platformParameter), platform.name, `Platform after inserting "${action}"`);
						assertEqual(await value('operation'), operation.name, `Operation after inserting "${action}"`);
					}
				});
			},
		}));

	const nodeCases: Case[] = nodes.map((node) => ({
		name: node.isTrigger
			? `${node.description.displayName}: every Platform choice (${node.platforms.map((pl) => pl.name).join(', ')}) shows its fields, without browser errors`
			: `${node.description.displayName}: every operation of ${node.platforms.map((pl) => pl.name).join(' and ')} shows its fields, without browser errors`,
		run: async () => {
			const p = await openCanvas('/workflow/new');
			await withoutConsoleErrors(`${node.description.displayName}`, async () => {
				const ndv = await addNode(p, node);
				const problems: string[] = [...unreachableFields(node)];
				let checked = 0;
				for (const platform of node.platforms) {
					await choose(p, ndv, node.platformParameter, platform.name);
					if (platform.operations.length === 0) {
						// The trigger has a Platform filter but no operations.
						problems.push(...(await checkForm(node, ndv, { [node.platformParameter]: platform.value }, platform.name)));
						checked++;
					}
					for (const operation of platform.operations) {
						await choose(p, ndv, 'operation', operation.name);
						const choices = { [node.platformParameter]: platform.value, operation: String(operation.value) };
						problems.push(...(await checkForm(node, ndv, choices, `${platform.name} › ${operation.name}`)));
						checked++;
						if (node.className === 'PandaponOrder' && platform.value === '1688' && operation.value === 'create') {
							await shoot('order-node-form.png');
						}
					}
				}
				assert(problems.length === 0, `${problems.length} form problem(s):\n  ${problems.join('\n  ')}`);
				const expectedChecks = node.platforms.reduce((n, pl) => n + Math.max(1, pl.operations.length), 0);
				assertEqual(checked, expectedChecks, 'operations checked');
			});
		},
	}));

	return [
		{
			name: `sign in as the owner created from the environment (${DEMO_LOGIN.email})`,
			run: async () => {
				const p = await freshPage();
				await p.goto(`${session().demo.base}/signin`);
				await p.getByTestId('emailOrLdapLoginId').locator('input').fill(DEMO_LOGIN.email);
				await p.getByTestId('password').locator('input').fill(DEMO_LOGIN.password);
				await p.getByTestId('form-submit-button').click();
				await p.waitForURL((url) => !url.pathname.startsWith('/signin'));
				await p.getByTestId('main-sidebar-settings').waitFor();
			},
		},
		{
			name: 'the node panel lists all six Pandapon nodes for "Pandapon", each with our icon',
			run: async () => {
				const p = await openCanvas('/workflow/new');
				await withoutConsoleErrors('the node panel search', async () => {
					const items = await searchNodePanel(p);
					await until(async () => (await items.count()) >= nodes.length, `${nodes.length} results`);
					const names = (await items.getByTestId('node-creator-item-name').allInnerTexts()).map((t) => t.trim());
					assertEqual([...names].sort(), nodes.map((n) => n.panelName).sort(), 'nodes listed for "Pandapon"');
					for (const node of nodes) {
						const item = items.filter({ has: p.getByTestId('node-creator-item-name').getByText(node.panelName, { exact: true }) });
						const icon = item.locator('img').first();
						const src = await icon.getAttribute('src');
						assert(src?.endsWith(ICON_PATH), `${node.panelName}: icon ${src ?? '(none: n8n shows its fallback)'} is not ours`);
						await until(async () => await icon.evaluate((img) => { const i = img as unknown as { complete: boolean; naturalWidth: number }; return i.complete && i.naturalWidth > 0; }), `${node.panelName}'s icon to load`);
					}
					await shoot('node-panel.png');
				});
			},
		},
		...nodeCases,
		...actionCases,
		{
			name: 'Order ID "From List" lists the account\'s orders from Pandapon, and picking one fills the field',
			run: async () => {
				const orderId = placeOrder(session().demo.sandbox).id.toString();
				const p = await openCanvas('/workflow/new');
				await withoutConsoleErrors('the Order ID list', async () => {
					const ndv = await insertAction(p, nodes.find((n) => n.className === 'PandaponOrder')!, 'Get 1688 order');
					const field = ndv.getByTestId('resource-locator-orderId');
					await field.getByTestId('rlc-input').click();
					const entry = p.getByTestId('rlc-item').filter({ hasText: orderId });
					await until(async () => (await entry.count()) > 0, `order ${orderId} in the Order ID list`);
					await shoot('order-id-from-list.png', ndv);
					await entry.first().click();
					// The field shows the picked entry's name, in an input or as text depending on n8n's version.
					const shown = async () => await field.evaluate((el) => [...el.querySelectorAll('input')].map((i) => i.value).join(' ') + ' ' + (el as unknown as { innerText: string }).innerText);
					await until(async () => (await shown()).includes(orderId), `the picked order ${orderId} in the field`).catch(async (error: Error) => {
						throw new Error(`${error.message}; it shows "${await shown()}"`);
					});
				});
			},
		},
		{
			name: 'credential dialog: the sandbox values test successfully; a wrong secret gets our explanation',
			run: async () => {
				const { sandbox } = session().demo;
				const p = await freshPage();
				await p.goto(`${session().demo.base}/home/credentials`);
				await withoutConsoleErrors('the credential dialog', async () => {
					await p.getByTestId('add-resource-credential').click();
					await p.getByTestId('new-credential-type-select').locator('input').fill('Pandapon');
					await p.getByTestId('new-credential-type-select-option').filter({ hasText: 'Pandapon API' }).first().click();
					await p.getByTestId('new-credential-type-button').click();
					const modal = p.getByTestId('editCredential-modal');
					const fill = async (name: string, value: string) => {
						const input = modal.getByTestId(`parameter-input-${name}`).locator('input');
						await input.fill(value);
						await until(async () => (await input.inputValue()) === value, `${name} to be filled`);
					};
					await fill('accessKey', sandbox.options.accessKey);
					await fill('accessSecret', sandbox.options.accessSecret);
					await fill('userId', sandbox.options.userId);
					await fill('baseUrl', sandbox.url);
					const before = sandbox.log.length;
					await modal.getByTestId('credential-save-button').click();
					await modal.getByText('Connection tested successfully').waitFor();
					assert(
						sandbox.log.slice(before).some((e) => e.status === 200 && e.headers.signature),
						'the success was not a signed call the sandbox accepted',
					);
					// For the picture only: the save button is drawn blank for a moment after saving (its text is
					// already in the DOM, so there is nothing to wait for); 2 s were always enough here.
					await new Promise((r) => setTimeout(r, 2000));
					await shoot('credential-dialog.png');

					await fill('accessSecret', `${sandbox.options.accessSecret}-wrong`);
					const beforeWrong = sandbox.log.length;
					await modal.getByTestId('credential-save-button').click();
					await modal.getByText(/Couldn.t connect with these settings/).waitFor();
					const details = modal.getByText('More details');
					if (await details.isVisible()) await details.click();
					const explanation = credentialRuleMessage(403);
					await modal.getByText(explanation).waitFor();
					assert(sandbox.log.slice(beforeWrong).some((e) => e.status === 403), 'the sandbox did not refuse a signature');
					await shoot('credential-dialog-wrong-secret.png');
				});
			},
		},
		{
			name: `"${DEMO_WORKFLOW.name}" runs from the editor and shows the order in its output table`,
			run: async () => {
				const { sandbox } = session().demo;
				const p = await openCanvas(`/workflow/${DEMO_WORKFLOW.id}`);
				// Orders earlier cases placed are not this run's.
				const earlier = new Set(sandbox.state.orders.keys());
				await withoutConsoleErrors('the demo run', async () => {
					const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', 'demo-cart-to-order.json'), 'utf8')) as { nodes: unknown[] };
					const nodeCount = workflow.nodes.length;
					await until(async () => (await p.getByTestId('canvas-node').count()) === nodeCount, `${nodeCount} nodes on the canvas`);
					await p.getByTestId('execute-workflow-button').click();
					await until(
						async () => (await p.getByTestId('canvas-node-status-success').count()) === nodeCount,
						'every node to succeed',
						120_000,
					);
					assertEqual(await p.getByTestId('canvas-node-status-error').count(), 0, 'nodes with errors');
					await p.getByTestId('logs-overview-header').click();
					await until(async () => /Success/.test(await p.getByTestId('logs-overview-status').innerText()), 'the run to be reported as a success');
					const created = [...sandbox.state.orders.keys()].filter((id) => !earlier.has(id));
					assert(created.length > 0, 'the sandbox created no order');
					const output = p.getByTestId('log-details-output');
					const showNode = async (name: string) => {
						await p.getByTestId('logs-overview-body').getByText(name, { exact: true }).click();
						await until(async () => (await p.getByTestId('log-details-header').innerText()).includes(name), `${name}'s output`);
						await output.getByTestId('radio-button-table').click();
					};
					await showNode('Create Order');
					await output.locator('th', { hasText: /^outcome$/ }).first().waitFor();
					assert((await output.locator('tbody').first().innerText()).includes('unknown'), 'Create Order\'s table lacks outcome "unknown"');
					await showNode('Get Order');
					await output.locator('th', { hasText: /^orderId$/ }).first().waitFor();
					const ordersText = await output.locator('tbody').first().innerText();
					for (const id of created) assert(ordersText.includes(id), `Get Order's table lacks order ${id}`);
					await shoot('demo-executed.png');
				});
			},
		},
		...readdirSync(join(ROOT, 'examples'))
			.filter((f) => f.endsWith('.json'))
			.map((file): Case => {
				const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as {
					id: string;
					name: string;
					nodes: Array<{ name: string; type: string }>;
				};
				return {
					name: `template "${workflow.name}" opens on the canvas with our nodes and icons`,
					run: async () => {
						const p = await openCanvas(`/workflow/${workflow.id}`);
						await withoutConsoleErrors(`the template ${file}`, async () => {
							const named = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
							for (const node of named) {
								await p.getByTestId('canvas-node').filter({ hasText: node.name }).first().waitFor();
							}
							const ours = named.filter((n) => n.type.startsWith('n8n-nodes-pandapon.')).length;
							await until(
								async () => (await p.getByTestId('canvas').locator(`img[src$="${ICON_PATH}"]`).count()) >= ours,
								`${ours} Pandapon icons on the canvas`,
							);
							// The logs panel stays open once the demo run opened it; a template has no run to show.
							if (await p.getByText('Nothing to display yet').isVisible()) await p.getByTestId('logs-overview-header').click();
							await p.getByTestId('zoom-to-fit').click();
							await new Promise((r) => setTimeout(r, 800));
							await shoot(`template-${basename(file, '.json')}.png`);
						});
					},
				};
			}),
	];
}
