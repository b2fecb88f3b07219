/**
 * Check 4: a refused input shows its message. Each workflow of `refusedCases` is executed from the
 * editor; the Wan Video node must fail, and its error (in the node's output panel and the toast) must
 * name the field, the value and what is allowed.
 */
import type { Page } from 'playwright-core';

import { executeWorkflow, nodeOutcome, openNode, toasts } from './editor';
import type { Report } from './report';
import type { Shots } from './shots';
import type { RefusedCase } from './workflows';

const GROUP = 'refused input';

export async function refusedChecks(page: Page, report: Report, shots: Shots, cases: RefusedCase[], open: (refused: RefusedCase) => Promise<void>): Promise<void> {
	for (const refused of cases) {
		await report.check(GROUP, `${refused.title}: the node's error names ${refused.mustName.join(', ')}`, async () => {
			await open(refused);
			const nodeName = refused.workflow.nodes.find((node) => node.type.endsWith('.wanVideo'))!.name;
			const issuesBefore = await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"] [data-test-id="node-issues"]`).isVisible();
			await executeWorkflow(page);
			const outcome = await nodeOutcome(page, nodeName, 60_000).catch(() => 'no outcome' as const);
			const toastText = (await toasts(page)).join(' | ').replace(/\s+/g, ' ');
			const panel = await openNode(page, nodeName);
			const output = panel.getByTestId('output-panel');
			const message = await output.getByTestId('node-error-message').innerText({ timeout: 10_000 }).catch(() => '');
			const description = await output.getByTestId('node-error-description').innerText({ timeout: 2_000 }).catch(() => '');
			await shots.take(page, `refused-${refused.workflowId}`);
			const missing = refused.mustName.filter((word) => !message.includes(word));
			return {
				passed: outcome === 'error' && Boolean(message) && missing.length === 0,
				detail: [
					message ? `message "${message}"` : 'no error message in the output panel',
					description ? `description "${description.replace(/\s+/g, ' ')}"` : '',
					missing.length ? `lacks ${missing.join(', ')}` : '',
					issuesBefore ? 'the editor flagged the node before running' : '',
					toastText ? `toast "${toastText.slice(0, 160)}"` : '',
				]
					.filter(Boolean)
					.join('; '),
			};
		});
	}
}
