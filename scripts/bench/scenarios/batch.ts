/**
 * Batch wall time: 20 items, jobs of 3 s, Poll Interval 1 s, Return As URL; default Max Concurrency vs
 * Max Concurrency 1 (one at a time, as n8n's own generation nodes work). And, for both runs, HTTP
 * requests per task and detection lag (first poll that saw the terminal state − the simulator's doneAt),
 * from the simulator's log.
 */
import { performance } from 'node:perf_hooks';

import { runWorkflow, type RunResult } from '../../../test/harness';
import type { RecordedRequest, Simulator, SimTask } from '../../../test/simulator';
import { median, millis, ratio, seconds } from '../format';
import { verdict, type Report } from '../report';
import { BATCH_ITEMS, JOB_MS, POLL_S, TARGET_MEDIAN_LAG_MS, TARGET_REQUESTS_PER_TASK, TARGET_SPEEDUP, TARGET_WALL_MS } from '../settings';
import { checkBatchOutput, prompts, runOptions, wanVideoWorkflow } from '../workflows';

export interface BatchFigures {
	wallMs: number;
	tasks: number;
	submits: number;
	polls: number;
	downloads: number;
	perTaskMean: number;
	perTaskMax: number;
	lagMedian: number;
	lagMax: number;
	lagMin: number;
	maxConcurrency: string;
}

function batchFigures(result: RunResult, wallMs: number, requests: RecordedRequest[], tasks: SimTask[], maxConcurrency: string, expected: number): BatchFigures {
	checkBatchOutput(result, tasks, expected);
	if (tasks.length !== expected) throw new Error(`expected ${expected} tasks at the simulator, got ${tasks.length}`);

	const submits = requests.filter((request) => request.route === 'submit').length;
	const polls = requests.filter((request) => request.route === 'status');
	const downloads = requests.filter((request) => request.route === 'download').length;
	const perTask = tasks.map((task) => 1 + polls.filter((request) => request.taskId === task.id).length);
	const lags = tasks.map((task) => {
		if (task.firstTerminalPollAt === undefined) throw new Error(`task ${task.id} was never seen finished`);
		return task.firstTerminalPollAt - task.doneAt;
	});
	return {
		wallMs,
		tasks: tasks.length,
		submits,
		polls: polls.length,
		downloads,
		perTaskMean: (submits + polls.length) / tasks.length,
		perTaskMax: Math.max(...perTask) + (submits - tasks.length),
		lagMedian: median(lags),
		lagMax: Math.max(...lags),
		lagMin: Math.min(...lags),
		maxConcurrency,
	};
}

/** A batch of `items` jobs of JOB_MS through the Wan Video node, Max Concurrency as given (default when undefined). */
export async function runBatch(sim: Simulator, maxConcurrency: number | undefined, items = BATCH_ITEMS): Promise<BatchFigures> {
	sim.reset();
	sim.setBehaviour(() => ({ durationMs: JOB_MS, outcome: 'success' }));
	const options = { pollInterval: POLL_S, ...(maxConcurrency ? { maxConcurrency } : {}) };
	const workflow = wanVideoWorkflow({ returnAs: 'url', options }, prompts(items));
	const started = performance.now();
	const result = await runWorkflow(workflow, runOptions(sim));
	const wallMs = performance.now() - started;
	return batchFigures(result, wallMs, [...sim.requests], [...sim.tasks], maxConcurrency ? String(maxConcurrency) : 'default', items);
}

export async function batchScenarios(report: Report, sim: Simulator): Promise<void> {
	// Warm-up: loads the node, the engine's lazy modules and the HTTP agent, untimed.
	sim.reset();
	sim.setBehaviour(() => ({ durationMs: 50, outcome: 'success' }));
	await runWorkflow(wanVideoWorkflow({ returnAs: 'url', options: { pollInterval: 0.1 } }, prompts(2)), runOptions(sim));

	let ours: BatchFigures;
	let base: BatchFigures;
	try {
		process.stderr.write(`bench: batch, this package (${BATCH_ITEMS} × ${JOB_MS / 1000} s jobs) …\n`);
		ours = await runBatch(sim, undefined);
		process.stderr.write(`bench: batch, baseline Max Concurrency 1 (about ${Math.round((BATCH_ITEMS * (JOB_MS + 300)) / 1000)} s) …\n`);
		base = await runBatch(sim, 1);
	} catch (error) {
		report.fail(`Batch wall time, ${BATCH_ITEMS} items × ${JOB_MS / 1000} s jobs, poll ${POLL_S} s`, `≤ ${seconds(TARGET_WALL_MS)}`, error);
		return;
	}
	const speedup = base.wallMs / ours.wallMs;
	report.add({
		scenario: `Batch wall time: ${BATCH_ITEMS} items × ${JOB_MS / 1000} s jobs, poll ${POLL_S} s, Return As URL`,
		ours: seconds(ours.wallMs),
		baseline: `${seconds(base.wallMs)} (Max Concurrency 1)`,
		ratio: ratio(ours.wallMs, base.wallMs, 'faster', 'slower'),
		target: `≤ ${seconds(TARGET_WALL_MS)} (1.3 × (job + poll))`,
		verdict: verdict(ours.wallMs <= TARGET_WALL_MS),
	});
	report.add({
		scenario: 'Batch speed-up over one at a time',
		ours: `${speedup.toFixed(1)}×`,
		baseline: '1×',
		ratio: '—',
		target: `≥ ${TARGET_SPEEDUP}×`,
		verdict: verdict(speedup >= TARGET_SPEEDUP),
	});
	report.add({
		scenario: 'HTTP requests per task (submit + status polls), mean / max',
		ours: `${ours.perTaskMean.toFixed(2)} / ${ours.perTaskMax}`,
		baseline: `${base.perTaskMean.toFixed(2)} / ${base.perTaskMax}`,
		ratio: ratio(ours.perTaskMean, base.perTaskMean),
		target: `≤ ${TARGET_REQUESTS_PER_TASK} (3 + job / poll), max`,
		verdict: verdict(ours.perTaskMax <= TARGET_REQUESTS_PER_TASK),
	});
	report.add({
		scenario: 'Result downloads per task (Return As URL)',
		ours: String(ours.downloads / ours.tasks),
		baseline: String(base.downloads / base.tasks),
		ratio: '—',
		target: '—',
		verdict: '—',
	});
	report.add({
		scenario: 'Detection lag (first poll seeing done − done), median',
		ours: millis(ours.lagMedian),
		baseline: millis(base.lagMedian),
		ratio: ratio(ours.lagMedian, base.lagMedian),
		target: `≤ ${millis(TARGET_MEDIAN_LAG_MS)} (poll / 2)`,
		verdict: verdict(ours.lagMedian <= TARGET_MEDIAN_LAG_MS),
	});
	report.add({
		scenario: 'Detection lag, max',
		ours: millis(ours.lagMax),
		baseline: millis(base.lagMax),
		ratio: ratio(ours.lagMax, base.lagMax),
		target: '—',
		verdict: '—',
	});
	for (const [name, f] of [
		['this package', ours],
		['baseline', base],
	] as const) {
		report.note(
			`Batch, ${name} (Max Concurrency ${f.maxConcurrency}): ${f.tasks} tasks, ${f.submits} submits, ${f.polls} status polls, ` +
				`${f.downloads} downloads; lag min ${millis(f.lagMin)}, median ${millis(f.lagMedian)}, max ${millis(f.lagMax)}.`,
		);
	}
}
