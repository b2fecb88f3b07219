/**
 * What the browser test does in n8n's editor (2.41), in words of the editor's own test ids
 * (`data-test-id`): open a workflow, open a node's panel, read the visible parameters and the
 * values a dropdown offers, pick a value, run the workflow.
 *
 * Navigation between workflows goes through the editor's own router (one full page load is about
 * 15 s on two cores; a route change about 1 s).
 */
import type { Locator, Page } from 'playwright-core';

const LOAD_TIMEOUT_MS = 90_000;

/** WAN_BROWSER_DEBUG=1 prints how long each step in the editor takes. */
function debug(line: string): void {
	if (process.env.WAN_BROWSER_DEBUG) console.log(`  [debug] ${line}`);
}

/** The first full page load of the editor: the canvas of a new workflow. */
export async function loadEditor(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/new`, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
	await page.getByTestId('canvas-plus-button').or(page.getByTestId('canvas-add-button')).first().waitFor({ timeout: LOAD_TIMEOUT_MS });
}

/** n8n asks before leaving a workflow with unsaved changes: leave without saving. */
async function leaveWithoutSaving(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: /leave without saving/i });
	if (await button.isVisible().catch(() => false)) await button.click();
}

/** Opens a stored workflow by id (router push inside the loaded editor; a page load otherwise). */
export async function openWorkflow(page: Page, baseUrl: string, id: string, name: string): Promise<void> {
	await closeNodePanel(page);
	const pushed = await page.evaluate((path) => {
		// Runs in the page: n8n's Vue app on #app, and its router.
		type VueApp = { config: { globalProperties: { $router?: { push: (to: string) => Promise<unknown> } } } };
		const doc = (globalThis as unknown as { document: { querySelector: (selector: string) => { __vue_app__?: VueApp } | null } }).document;
		const app = doc.querySelector('#app')?.__vue_app__;
		const router = app?.config.globalProperties.$router;
		if (!router) return false;
		void router.push(path);
		return true;
	}, `/workflow/${id}`);
	if (!pushed) await page.goto(`${baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
	const t = Date.now();
	const deadline = Date.now() + LOAD_TIMEOUT_MS;
	while (Date.now() < deadline) {
		await leaveWithoutSaving(page);
		const title = await page.title();
		if (page.url().includes(`/workflow/${id}`) && title.includes(name)) break;
		await page.waitForTimeout(200);
	}
	if (!(await page.title()).includes(name)) throw new Error(`workflow ${id} ("${name}") did not open (title "${await page.title()}")`);
	await page.getByTestId('canvas-node').first().waitFor({ timeout: LOAD_TIMEOUT_MS });
	debug(`openWorkflow(${id}) ${Date.now() - t} ms`);
}

export function ndv(page: Page): Locator {
	return page.getByTestId('ndv');
}

export async function openNode(page: Page, nodeName: string): Promise<Locator> {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
	const panel = ndv(page);
	await panel.getByTestId('node-parameters').waitFor();
	return panel;
}

export async function closeNodePanel(page: Page): Promise<void> {
	if (!(await ndv(page).isVisible().catch(() => false))) return;
	// Escape only blurs a focused input; the panel's own close button closes it.
	const close = page.getByTestId('ndv-close-button').or(page.getByTestId('back-to-canvas')).first();
	if (await close.isVisible().catch(() => false)) await close.click();
	else await page.keyboard.press('Escape');
	await ndv(page).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** The labels of the visible parameters of the Parameters tab, top to bottom (Credential first). */
export async function visibleLabels(panel: Locator): Promise<string[]> {
	const credential = (await panel.getByTestId('credentials-label').allInnerTexts()).map((t) => t.split('\n')[0].trim());
	const items = await panel.locator('[data-test-id="parameter-item"]:visible [data-test-id="input-label"]').allInnerTexts();
	// The label text is followed by the Fixed/Expression toggle's words.
	return [...credential, ...items.map((t) => t.split('\n')[0].trim())].filter(Boolean);
}

export interface Offered {
	kind: 'options' | 'number';
	/** Dropdown: each option's name (first line) and description (second line, e.g. a model id). */
	names: string[];
	descriptions: string[];
	/** Number field: its bounds. */
	min?: number;
	max?: number;
	/** The value shown now (the option's name, or the typed text). */
	value: string;
}

/** What a parameter offers: a dropdown's options (opened and closed again) or a number field's bounds; undefined when not shown. */
export async function offered(page: Page, panel: Locator, name: string): Promise<Offered | undefined> {
	const t = Date.now();
	try {
		return await offeredInner(page, panel, name);
	} finally {
		debug(`offered(${name}) ${Date.now() - t} ms`);
	}
}

/** Opens a dropdown and reads its options' texts; `close` hides it again (Escape, then waits). */
async function openDropdown(page: Page, combobox: Locator): Promise<{ options: Locator; texts: string[]; close: () => Promise<void> }> {
	const listId = await combobox.getAttribute('aria-controls');
	await combobox.click();
	const options = page.locator(`[id="${listId}"] [role="option"]`);
	await options.first().waitFor({ timeout: 5000 }).catch(() => undefined);
	const close = async () => {
		if (await page.locator(`[id="${listId}"]`).isVisible().catch(() => false)) await page.keyboard.press('Escape');
		await page.locator(`[id="${listId}"]`).waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
	};
	return { options, texts: await options.allInnerTexts(), close };
}

const firstLine = (text: string) => text.split('\n')[0].trim();

async function offeredInner(page: Page, panel: Locator, name: string): Promise<Offered | undefined> {
	const container = panel.getByTestId(`parameter-input-${name}`);
	if (!(await container.isVisible().catch(() => false))) return undefined;
	const combobox = container.locator('input[role="combobox"]').first();
	if (await combobox.count()) {
		const value = await combobox.inputValue();
		const { texts, close } = await openDropdown(page, combobox);
		await close();
		const lines = texts.map((t) => t.split('\n').map((line) => line.trim()).filter(Boolean));
		return { kind: 'options', names: lines.map((l) => l[0] ?? ''), descriptions: lines.map((l) => l[1] ?? ''), value };
	}
	const number = container.locator('input[role="spinbutton"]').first();
	if (await number.count()) {
		const attr = async (a: string) => {
			const v = await number.getAttribute(a);
			return v === null || v === '' ? undefined : Number(v);
		};
		return { kind: 'number', names: [], descriptions: [], min: await attr('aria-valuemin'), max: await attr('aria-valuemax'), value: await number.inputValue() };
	}
	return undefined;
}

/** Picks the option whose name (first line) is `label` in a parameter's dropdown. */
export async function pick(page: Page, panel: Locator, name: string, label: string): Promise<void> {
	const combobox = panel.getByTestId(`parameter-input-${name}`).locator('input[role="combobox"]').first();
	const { options, texts, close } = await openDropdown(page, combobox);
	const names = texts.map(firstLine);
	const index = names.indexOf(label);
	if (index < 0) {
		await close();
		throw new Error(`"${label}" is not among ${name}'s options (${names.join(', ')})`);
	}
	await options.nth(index).click();
	await close();
}

/** The entries the "Add Option" dropdown of a collection parameter offers. */
export async function collectionEntries(page: Page, panel: Locator, name: string): Promise<string[] | undefined> {
	const item = panel.locator('[data-test-id="parameter-item"]:visible').filter({ has: page.locator(`[data-parameter-path="parameters.${name}"], [data-test-id="collection-parameter-add"]`) });
	const add = item.getByTestId('collection-parameter-add').first();
	if (!(await add.isVisible().catch(() => false))) return undefined;
	const { texts, close } = await openDropdown(page, add.locator('input[role="combobox"]').first());
	await close();
	return texts.map(firstLine);
}

/** The value a parameter shows now, or undefined when it is not shown. */
export async function shownValue(panel: Locator, name: string): Promise<string | undefined> {
	const container = panel.getByTestId(`parameter-input-${name}`);
	if (!(await container.isVisible().catch(() => false))) return undefined;
	return await container.locator('input, textarea').first().inputValue();
}

/** Clicks Execute Workflow on the canvas. */
export async function executeWorkflow(page: Page): Promise<void> {
	await closeNodePanel(page);
	await page.getByTestId('execute-workflow-button').click();
}

/**
 * Waits until the canvas node `nodeName` shows how its run ended: `success` (the green check) or
 * `error` (the red mark). The simulator's tasks take seconds; the run polls every second.
 */
export async function nodeOutcome(page: Page, nodeName: string, timeoutMs = 120_000): Promise<'success' | 'error'> {
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
	const success = node.getByTestId('canvas-node-status-success');
	const error = node.getByTestId('canvas-node-status-mark-error').or(node.getByTestId('node-issues'));
	await success.or(error).first().waitFor({ timeout: timeoutMs });
	return (await success.isVisible()) ? 'success' : 'error';
}

/** The texts of the notifications (toasts) shown now. */
export async function toasts(page: Page): Promise<string[]> {
	return await page.locator('.el-notification:visible').allInnerTexts();
}
