/**
 * Large batches (issue 15): a few hundred items at the provider's own speed, then the same batch against
 * an account that admits a fixed number of requests a second and answers 429 beyond.
 */
import { performance } from 'node:perf_hooks';

import { runWorkflow } from '../../../test/harness';
import type { Simulator } from '../../../test/simulator';
import { ratio, seconds } from '../format';
import { verdict, type Report } from '../report';
import { ADMITTED_PER_SECOND, JOB_MS, LARGE_BATCH_ITEMS, POLL_S, TARGET_LARGE_BATCH_MS, TARGET_THROTTLED_OVER_IDEAL } from '../settings';
import { NODE_NAME, prompts, runOptions, wanVideoWorkflow } from '../workflows';
import { runBatch, type BatchFigures } from './batch';

export async function scaleScenarios(report: Report, sim: Simulator): Promise<void> {
	await largeBatchScenario(report, sim);
	await throttledBatchScenario(report, sim);
}

/** A batch of a few hundred at the provider's own speed (Max Concurrency raised to the batch size). */
async function largeBatchScenario(report: Report, sim: Simulator): Promise<void> {
	const scenario = `Large batch wall time: ${LARGE_BATCH_ITEMS} items × ${JOB_MS / 1000} s jobs, poll ${POLL_S} s, Max Concurrency ${LARGE_BATCH_ITEMS}`;
	const target = `≤ ${seconds(TARGET_LARGE_BATCH_MS)} (1.5 × (job + poll))`;
	let ours: BatchFigures;
	let base: BatchFigures;
	try {
		process.stderr.write(`bench: large batch, this package (${LARGE_BATCH_ITEMS} items, Max Concurrency ${LARGE_BATCH_ITEMS}) …\n`);
		ours = await runBatch(sim, LARGE_BATCH_ITEMS, LARGE_BATCH_ITEMS);
		process.stderr.write(`bench: large batch, baseline Max Concurrency default …\n`);
		base = await runBatch(sim, undefined, LARGE_BATCH_ITEMS);
	} catch (error) {
		report.fail(scenario, target, error);
		return;
	}
	report.add({
		scenario,
		ours: seconds(ours.wallMs),
		baseline: `${seconds(base.wallMs)} (Max Concurrency default)`,
		ratio: ratio(ours.wallMs, base.wallMs, 'faster', 'slower'),
		target,
		verdict: verdict(ours.wallMs <= TARGET_LARGE_BATCH_MS),
	});
	report.note(
		`Large batch, this package: ${ours.submits} submits, ${ours.polls} status polls (${ours.perTaskMean.toFixed(2)} requests per task); ` +
			`baseline: ${base.submits} submits, ${base.polls} polls.`,
	);
}

/**
 * The same large batch against an account that admits N requests a second and answers 429 beyond.
 * The ideal schedule sends every request the run needs (a submit and a poll per task at least) at N a
 * second, and cannot end before the last task's job has run.
 */
async function throttledBatchScenario(report: Report, sim: Simulator): Promise<void> {
	const items = LARGE_BATCH_ITEMS;
	const idealMs = Math.max((2 * items * 1000) / ADMITTED_PER_SECOND, (items * 1000) / ADMITTED_PER_SECOND + JOB_MS);
	const targetMs = TARGET_THROTTLED_OVER_IDEAL * idealMs;
	const scenario = `Throttled batch: ${items} items × ${JOB_MS / 1000} s jobs, the provider admits ${ADMITTED_PER_SECOND} requests/s and answers 429 beyond`;
	const target = `≤ ${seconds(targetMs)} (${TARGET_THROTTLED_OVER_IDEAL} × ideal), 0 double submits, 0 failed items`;
	try {
		process.stderr.write(`bench: throttled batch (${items} items, ${ADMITTED_PER_SECOND} requests/s admitted) …\n`);
		sim.reset();
		sim.setBehaviour(() => ({ durationMs: JOB_MS, outcome: 'success' }));
		sim.limitRate(ADMITTED_PER_SECOND);
		const options = { pollInterval: POLL_S, maxConcurrency: items };
		const started = performance.now();
		const result = await runWorkflow(wanVideoWorkflow({ returnAs: 'url', options }, prompts(items)), runOptions(sim));
		const wallMs = performance.now() - started;
		const prompted = sim.tasks.map((task) => task.prompt);
		const doubleSubmits = prompted.length - new Set(prompted).size;
		const failed = result.status === 'success' ? result.output(NODE_NAME).filter((item) => item.json.error !== undefined).length : items;
		const throttled = sim.requests.filter((request) => request.status === 429).length;
		report.add({
			scenario,
			ours: `${seconds(wallMs)}, ${doubleSubmits} double, ${failed} failed`,
			baseline: `${seconds(idealMs)} (ideal)`,
			ratio: (wallMs / idealMs).toFixed(2),
			target,
			verdict: verdict(wallMs <= targetMs && doubleSubmits === 0 && failed === 0),
		});
		report.note(`Throttled batch: ${sim.requests.length} requests, ${throttled} answered 429, ${sim.tasks.length} tasks created.`);
	} catch (error) {
		report.fail(scenario, target, error);
	} finally {
		sim.limitRate(undefined);
	}
}
