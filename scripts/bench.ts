/**
 * `npm run bench`: runs the real Wan Video node (provider EvoLink) through n8n-core's engine (the test
 * harness) against the local provider simulator on 127.0.0.1, next to a baseline in the same run, and
 * prints a Markdown table: scenario | this package | baseline | ratio | target | result. Exits 1 if any
 * target fails. The groups, in the order they run (each described in scripts/bench/scenarios/):
 *   batch      batch wall time, requests per task and detection lag
 *   scale      a large batch, and the same batch against a throttling provider
 *   dashscope  requests per task with DashScope's task list (also run with scale)
 *   cancel     Stop while a task runs
 *   pause      Pause Until the Provider Calls Back, against polling
 *   memory     peak RSS while downloading and uploading large files
 *   size       cold require() of the built nodes and the packed tarball size
 *
 * Usage: npm run bench            (tsx scripts/bench.ts)
 *        npm run bench -- --only scale   (one group: batch, scale, dashscope, cancel, pause, memory or size)
 */
import '../test/harness/setup-env.js';

import { performance } from 'node:perf_hooks';

import { startSimulator } from '../test/simulator';
import { Report } from './bench/report';
import { batchScenarios } from './bench/scenarios/batch';
import { cancelScenarios } from './bench/scenarios/cancel';
import { dashscopeScenarios } from './bench/scenarios/dashscope';
import { memoryScenarios } from './bench/scenarios/memory';
import { pauseScenarios } from './bench/scenarios/pause';
import { scaleScenarios } from './bench/scenarios/scale';
import { sizeScenarios } from './bench/scenarios/size';
import { SIMULATOR_SETUP } from './bench/settings';

async function main(): Promise<number> {
	const started = performance.now();
	const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
	const wanted = (group: string) => only === undefined || only === group;
	const report = new Report();
	const sim = await startSimulator();
	try {
		if (wanted('batch')) await batchScenarios(report, sim);
		if (wanted('scale')) await scaleScenarios(report, sim);
		if (wanted('scale') || wanted('dashscope')) await dashscopeScenarios(report, sim);
		if (wanted('cancel')) await cancelScenarios(report, sim);
		if (wanted('pause')) await pauseScenarios(report, sim);
	} finally {
		await sim.close();
	}
	if (wanted('memory')) await memoryScenarios(report);
	if (wanted('size')) sizeScenarios(report);

	report.print(SIMULATOR_SETUP, performance.now() - started);
	return report.failed().length === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
