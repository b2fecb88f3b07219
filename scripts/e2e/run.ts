/**
 * `npm run test:e2e`: the examples/ workflows, run by a real n8n (2.41.1 on node 24) with this package
 * installed as a community package, against the provider simulator, on every provider the package has.
 *
 *   1. node 24 + n8n from the cache (installed once, see install.ts)
 *   2. `npm run build`, `npm pack`, and `npm i --omit=peer --ignore-scripts <tgz>` into a temporary
 *      user folder's `.n8n/nodes`, exactly where n8n puts community packages
 *   3. the simulator as its own process (scripts/e2e/simulator.ts)
 *   4. `n8n import:credentials` (one credential per provider, pointing at the simulator) and
 *      `n8n import:workflow` (every example × every provider that serves it, plus one workflow per
 *      provider whose task fails); with an example that defines a sub-workflow inline, `n8n start`
 *      once, so n8n's roles are in place as on any instance (server.ts startOnce)
 *   5. `n8n execute --id=<id> --rawOutput` for each, a few at a time (each worker its own copy of the
 *      user folder and task broker port); assertions on the JSON n8n prints
 *   6. alongside, `n8n start` once: owner setup, then the editor's credential Test for every provider
 *      with the right key (must say OK), a wrong one and a wrong base URL (must say Error, in the words
 *      every provider shares: credentials/apiKeyCredential.ts); and what the editor loads
 *      (/types/nodes.json, /types/credentials.json): no Custom API Call in the Wan nodes, and each
 *      credential's own light and dark icon, served
 *
 * The workflows are the examples as shipped, with only what a run here needs changed: the provider
 * and its credential (and the model where the provider lacks the example's), Poll Interval 1 s
 * unless set (the simulator's tasks take 1 s), Wait nodes 1 s instead of minutes, file paths
 * in a temporary folder, Wait Method → Poll (a paused execution would end with `n8n execute`), and
 * Execute Workflow waiting for its sub-executions, whose results it then outputs and the run checks.
 *
 * Each part lives in examples/: cases.ts (what runs), prepare.ts (step 4), jobs.ts (steps 5 and 6:
 * execute.ts and its checks, credentialTests.ts and editorChecks.ts), report.ts (the table).
 *
 * Options: --provider <id> (repeatable), --workflow <file prefix> (repeatable), --concurrency <n>
 * (default 3), --skip-build, --keep (keep the temporary folder), --credentials-only (step 6 alone).
 * Ends with `N passed, N failed`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { argumentsOf, flag } from './cli';
import { buildCases } from './examples/cases';
import { runJobs } from './examples/jobs';
import { elapsed, say } from './examples/log';
import { prepareUserFolder } from './examples/prepare';
import { printOutcomes } from './examples/report';
import { ensureN8n, isInstalled, packAndInstall } from './install';
import { packageProviders, unpackagedProviders } from './providers';
import { freePorts, startSimulatorProcess } from './server';

async function main(): Promise<void> {
	const providerFilter = argumentsOf('provider');
	const workflowFilter = argumentsOf('workflow');
	const concurrency = Math.max(1, Number(argumentsOf('concurrency')[0] ?? 3));
	const keep = flag('keep');

	// 1. n8n
	const wasInstalled = isInstalled();
	const installStarted = performance.now();
	const install = await ensureN8n((line) => say(line));
	const installSeconds = (performance.now() - installStarted) / 1000;
	say(wasInstalled ? `n8n 2.41.1 and node 24 from the cache (${install.cacheDir})` : `installed n8n in ${installSeconds.toFixed(0)} s`);

	// 2. the package, packed and installed as a community package
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-e2e-'));
	let removeWorkDir = !keep;
	process.once('exit', () => {
		if (removeWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
	});
	const userFolder = path.join(workDir, 'user');
	await packAndInstall(install, workDir, userFolder, { build: !flag('skip-build'), say });

	// 3. simulator (its tasks take 1 s)
	const simulator = await startSimulatorProcess(1000);
	say(`simulator at ${simulator.info.origin}`);

	// 4. providers, credentials, workflows
	const providers = packageProviders().filter((p) => providerFilter.length === 0 || providerFilter.includes(p.id));
	// An adapter whose credential package.json does not list: the node would ask for a credential
	// type n8n does not know. A packaging bug, counted as a failure.
	const unpackaged = providerFilter.length === 0 ? unpackagedProviders() : [];
	for (const line of unpackaged) say(`FAIL: provider ${line}`);
	const unsimulated = providers.filter((p) => !simulator.info.baseUrls[p.id]);
	for (const p of unsimulated) say(`FAIL: the simulator has no ${p.id} provider (test/simulator/providers/)`);
	const tested = providers.filter((p) => simulator.info.baseUrls[p.id]);
	say(`providers: ${tested.map((p) => p.id).join(', ')}`);

	const filesRoot = path.join(workDir, 'files');
	fs.mkdirSync(filesRoot, { recursive: true });
	const cases = flag('credentials-only') ? [] : buildCases(tested, workflowFilter, filesRoot);
	// Ports: one task broker for the imports, one per worker, and the editor of the credential tests.
	const ports = await freePorts(concurrency + 2);
	const run = { install, workDir, userFolder, filesRoot, providers: tested, cases, sim: simulator.info };
	await prepareUserFolder({ ...run, brokerPort: ports[0], port: ports[1] });

	// 5. and 6.
	const { outcomes, workers, started } = await runJobs({
		...run,
		withCredentialTests: workflowFilter.length === 0,
		concurrency,
		editorPort: ports[1],
		brokerPorts: ports.slice(2),
	});
	await simulator.stop();

	// Report
	printOutcomes(outcomes, tested);
	console.log(
		`install ${wasInstalled ? 'cached' : `${installSeconds.toFixed(0)} s (cold)`}, runs ${elapsed(started)} (${workers} at a time), total wall time ${elapsed()}`,
	);
	for (const line of unpackaged) console.log(`✘ provider ${line}`);
	for (const p of unsimulated) console.log(`✘ provider ${p.id}: the simulator has no ${p.id} provider`);
	const failures = outcomes.filter((o) => !o.passed).length;
	const failed = failures + unsimulated.length + unpackaged.length;
	if (failed > 0) {
		removeWorkDir = false;
		console.log(`kept ${workDir} for inspection`);
	}
	console.log(`${outcomes.length - failures} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
	console.error(`e2e: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
