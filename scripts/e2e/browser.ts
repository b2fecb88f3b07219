/**
 * `npm run test:browser`: n8n's editor in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) with this package installed as a community package, against the provider
 * simulator.
 *
 *   1. n8n 2.41.1 on node 24 from the e2e cache (installed once; see install.ts), this package packed
 *      and installed into a temporary user folder, the simulator, one credential per provider, the
 *      examples and the test's own workflows imported, `n8n start` on a free port, the owner account
 *      (browser/setup.ts)
 *   2. the checks, each printing `ok`/`FAIL` on one line:
 *        picker   the node picker's search lists Wan Video / Wan Image (browser/nodePicker.ts)
 *        fields   the panel per provider × mode: Mode, Model, and issue 10's model-aware
 *                 Resolution / Aspect Ratio / Duration and Get Task fields (browser/fields.ts)
 *        example  examples/01 executed from the editor, its JSON and binary output (browser/example.ts)
 *        refused  a refused input shows the node's message (browser/refused.ts)
 *   3. screenshots (and fields.json) in browser-output/, then `N passed, N failed`
 *
 * Options: --only <picker|fields|example|refused> (repeatable), --provider <id> (repeatable, fields),
 * --skip-build, --keep (keep the temporary folder and n8n's log).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { launchBrowser, type Browser } from './browser/chromium';
import { loadEditor, openWorkflow } from './browser/editor';
import { exampleChecks } from './browser/example';
import { fieldChecks } from './browser/fields';
import { nodePickerChecks } from './browser/nodePicker';
import { refusedChecks } from './browser/refused';
import { Report } from './browser/report';
import { argumentsOf, flag } from './cli';
import { setUp, type Setup } from './browser/setup';
import { Shots } from './browser/shots';
import { TRIGGER_ONLY, fieldCases, refusedCases, workflowsToImport } from './browser/workflows';

const GROUPS = ['picker', 'fields', 'example', 'refused'] as const;
type Group = (typeof GROUPS)[number];

const t0 = performance.now();
const elapsed = (since = t0) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[browser ${elapsed()}] ${line}`);

async function main(): Promise<number> {
	const only = argumentsOf('only') as Group[];
	for (const group of only) if (!GROUPS.includes(group)) throw new Error(`--only ${group}: one of ${GROUPS.join(', ')}`);
	const runs = (group: Group) => only.length === 0 || only.includes(group);
	const providerFilter = argumentsOf('provider');
	const keep = flag('keep');
	const report = new Report();
	const shots = new Shots();

	let setup: Setup | undefined;
	let browser: Browser | undefined;
	try {
		setup = await setUp({ build: !flag('skip-build'), simulatedTaskMs: 2000, say });
		const { n8n, providers, filesDir } = setup;
		browser = await launchBrowser(n8n.url, n8n.cookie);
		const { page } = browser;
		const loadStarted = performance.now();
		await loadEditor(page, n8n.url);
		say(`editor loaded in Chromium (${elapsed(loadStarted)})`);
		const workflows = workflowsToImport(providers, filesDir);
		const open = async (id: string) => openWorkflow(page, n8n.url, id, workflows.find((w) => w.id === id)?.name ?? id);

		// One group's failure to get going is reported as a failed check; the other groups still run.
		const group = async (name: Group, label: string, body: () => Promise<void>) => {
			if (!runs(name)) return;
			const started = performance.now();
			try {
				await body();
			} catch (error) {
				report.record(label, 'could not run to the end', false, error instanceof Error ? error.message.split('\n')[0] : String(error));
				await shots.take(page, `error-${name}`);
			}
			say(`${label}: ${elapsed(started)}`);
		};

		await group('picker', 'node picker', () =>
			nodePickerChecks(
				page,
				report,
				shots,
				() => open(TRIGGER_ONLY.id),
				// The editor has just loaded /workflow/new.
				async () => undefined,
			),
		);
		await group('fields', 'fields', async () => {
			const cases = fieldCases(providers).filter((c) => providerFilter.length === 0 || providerFilter.includes(c.provider.id));
			await fieldChecks(page, report, shots, cases, (fieldCase) => open(fieldCase.workflowId));
		});
		await group('example', 'example runs', async () => {
			const example = workflows.find((w) => w.id === 'wanExTextVideo01');
			if (!example) report.record('example runs', 'examples/01-text-to-video-save-file.json is imported', false);
			else await exampleChecks(page, report, shots, example, filesDir, () => open(example.id));
		});
		await group('refused', 'refused input', () =>
			refusedChecks(page, report, shots, refusedCases(providers), (refused) => open(refused.workflowId)),
		);
	} catch (error) {
		report.record('setup', 'the run itself', false, error instanceof Error ? error.message : String(error));
		if (browser) await shots.take(browser.page, 'run-error');
	} finally {
		await browser?.close();
		if (setup) {
			const failed = report.failed() > 0;
			if (keep || failed) fs.writeFileSync(path.join(setup.workDir, 'n8n.log'), setup.n8n.log());
			await setup.tearDown(keep || failed);
			if (keep || failed) say(`kept ${setup.workDir} (n8n.log, workflows, user folder)`);
		}
	}

	console.log('');
	console.log(`screenshots: ${shots.taken.length} in ${path.relative(process.cwd(), shots.dir) || shots.dir}/, total wall time ${elapsed()}`);
	for (const line of report.summary()) console.log(line);
	return report.failed() > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`browser: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		console.log('0 passed, 1 failed');
		process.exit(1);
	},
);
