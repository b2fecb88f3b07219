/**
 * Check 3: the imported example 01-text-to-video-save-file runs from the editor. Execute Workflow,
 * wait for the Wan Video node's success, then its output: the JSON item (taskId, status succeeded)
 * and the Binary view (the file `<taskId>.mp4` with View and Download buttons); and the Read/Write
 * Files node's file on disk, inside N8N_RESTRICT_FILE_ACCESS_TO.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import { kindOfType, type WorkflowJson } from '../providers';
import { executeWorkflow, nodeOutcome, openNode, toasts } from './editor';
import type { Report } from './report';
import type { Shots } from './shots';

const GROUP = 'example runs';

export async function exampleChecks(page: Page, report: Report, shots: Shots, workflow: WorkflowJson, filesDir: string, open: () => Promise<void>): Promise<void> {
	const wan = workflow.nodes.find((node) => kindOfType(node.type) === 'video');
	if (!wan) {
		report.record(GROUP, `${workflow.name}: has a Wan Video node`, false);
		return;
	}
	let outcome: 'success' | 'error' | undefined;
	const ran = await report.check(GROUP, `${workflow.name}: Execute Workflow ends in success`, async () => {
		await open();
		await executeWorkflow(page);
		outcome = await nodeOutcome(page, wan.name);
		// The last node writes the file after the Wan node; give the run a moment to finish.
		const last = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.readWriteFile');
		if (outcome === 'success' && last) outcome = await nodeOutcome(page, last.name, 30_000);
		await shots.take(page, 'example-01-executed-canvas');
		return { passed: outcome === 'success', detail: outcome === 'success' ? 'every node succeeded' : `ended in an error; toasts: ${(await toasts(page)).join(' | ')}` };
	});
	if (!ran) return;

	const panel = await openNode(page, wan.name);
	const output = panel.getByTestId('output-panel');
	let taskId = '';
	await report.check(GROUP, `${wan.name} output JSON: taskId and status "succeeded"`, async () => {
		await output.getByTestId('radio-button-json').click();
		await output.getByTestId('ndv-data-container').waitFor();
		await page.waitForTimeout(300);
		const text = await output.getByTestId('ndv-data-container').innerText();
		taskId = /"taskId":\s*"([^"]+)"/.exec(text)?.[1] ?? '';
		const status = /"status":\s*"([^"]+)"/.exec(text)?.[1] ?? '';
		await shots.take(page, 'example-01-output-json');
		return { passed: Boolean(taskId) && status === 'succeeded', detail: `taskId "${taskId}", status "${status}"` };
	});
	await report.check(GROUP, `${wan.name} output Binary: <taskId>.mp4 with View and Download`, async () => {
		await output.getByTestId('radio-button-binary').click();
		const card = output.getByTestId('ndv-binary-data_0');
		await card.waitFor();
		const text = await card.innerText();
		const fileName = /File Name:\s*(\S+)/.exec(text)?.[1] ?? '';
		const mime = /Mime Type:\s*(\S+)/.exec(text)?.[1] ?? '';
		const view = await output.getByTestId('ndv-view-binary-data').isVisible();
		const download = await output.getByTestId('ndv-download-binary-data').isVisible();
		await shots.take(page, 'example-01-output-binary');
		return {
			passed: Boolean(taskId) && fileName === `${taskId}.mp4` && mime === 'video/mp4' && view && download,
			detail: `file "${fileName}", ${mime}, View ${view ? 'shown' : 'missing'}, Download ${download ? 'shown' : 'missing'}`,
		};
	});
	await report.check(GROUP, `the video preview opens (View)`, async () => {
		await output.getByTestId('ndv-view-binary-data').click();
		const video = page.locator('video');
		await video.first().waitFor({ timeout: 10_000 });
		const source = await video.first().evaluate((el) => {
			const media = el as unknown as { currentSrc: string; querySelector: (s: string) => { getAttribute: (a: string) => string | null } | null };
			return media.currentSrc || media.querySelector('source')?.getAttribute('src') || '';
		});
		await page.waitForTimeout(500);
		await shots.take(page, 'example-01-binary-preview');
		await page.keyboard.press('Escape');
		return { passed: Boolean(source), detail: `a <video> element playing ${source.replace(/^https?:\/\/[^/]+/, '').slice(0, 80)}` };
	});
	await report.check(GROUP, `the Read/Write Files node wrote ${taskId || '<taskId>'}.mp4 into the files folder`, async () => {
		const file = path.join(filesDir, `${taskId}.mp4`);
		const exists = Boolean(taskId) && fs.existsSync(file);
		return { passed: exists && fs.statSync(file).size > 0, detail: exists ? `${fs.statSync(file).size} bytes` : `no ${file}` };
	});
}
