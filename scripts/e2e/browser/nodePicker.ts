/**
 * Check 1: the node picker finds the package's nodes. In a new workflow (the "What triggers this
 * workflow?" panel) and after a trigger (the "What happens next?" panel), each search term must list
 * the nodes named beside it. n8n 2.41's search skips nodes whose codex category is "AI" unless
 * `subcategories.AI` holds "Root Nodes" (nodes/Wan*\/Wan*.node.json).
 */
import type { Page } from 'playwright-core';

import type { Report } from './report';
import type { Shots } from './shots';

const VIDEO = 'Wan Video';
const IMAGE = 'Wan Image';

/** Search term → the nodes it must list. */
export const SEARCHES: Record<string, string[]> = {
	wan: [VIDEO, IMAGE],
	'Wan Video': [VIDEO],
	video: [VIDEO],
	image: [IMAGE],
	alibaba: [VIDEO, IMAGE],
	evolink: [VIDEO, IMAGE],
	apixo: [VIDEO, IMAGE],
	'kie.ai': [VIDEO, IMAGE],
	dashscope: [VIDEO, IMAGE],
	wavespeed: [VIDEO, IMAGE],
};

async function results(page: Page, term: string): Promise<string[]> {
	const bar = page.getByTestId('node-creator-search-bar');
	await bar.fill(term);
	// The list re-renders as the term changes: wait until it settles.
	let previous = '';
	for (let i = 0; i < 20; i++) {
		await page.waitForTimeout(150);
		const now = (await page.getByTestId('node-creator').getByTestId('item-iterator-item').allInnerTexts()).join('|');
		if (now === previous) break;
		previous = now;
	}
	const items = await page.getByTestId('node-creator').getByTestId('item-iterator-item').allInnerTexts();
	return items.map((text) => text.split('\n')[0].trim());
}

async function searchAll(page: Page, report: Report, shots: Shots, where: string): Promise<void> {
	for (const [term, expected] of Object.entries(SEARCHES)) {
		await report.check('node picker', `${where}: "${term}" lists ${expected.join(' and ')}`, async () => {
			const found = await results(page, term);
			const missing = expected.filter((name) => !found.includes(name));
			if (term === 'wan' || missing.length) await shots.take(page, `picker-${where.replace(/\W+/g, '-')}-${term.replace(/\W+/g, '-')}`);
			return {
				passed: missing.length === 0,
				detail: missing.length ? `missing ${missing.join(', ')}; listed: ${found.slice(0, 8).join(', ') || 'nothing'}` : `rank ${expected.map((name) => found.indexOf(name) + 1).join(', ')} of ${found.length}`,
			};
		});
	}
	await page.getByTestId('node-creator-search-bar').fill('');
	await page.keyboard.press('Escape');
}

export async function nodePickerChecks(page: Page, report: Report, shots: Shots, openTriggerOnly: () => Promise<void>, openNew: () => Promise<void>): Promise<void> {
	// A new, empty workflow: the picker opens on "What triggers this workflow?".
	await openNew();
	await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').waitFor();
	await searchAll(page, report, shots, 'first step');

	// A workflow with a Manual Trigger: the canvas's + opens the picker on "What happens next?".
	await openTriggerOnly();
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').waitFor();
	await searchAll(page, report, shots, 'next step');
}
