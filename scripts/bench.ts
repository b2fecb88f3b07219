/**
 * `npm run bench`: runs the real Wan Video node (provider EvoLink) through n8n-core's engine (the test
 * harness) against the local provider simulator on 127.0.0.1, next to a baseline in the same run, and
 * prints a Markdown table: scenario | this package | baseline | ratio | target | result. Exits 1 if any
 * target fails.
 *
 *   1. Batch wall time: 20 items, jobs of 3 s, Poll Interval 1 s, Return As URL; default Max Concurrency
 *      vs Max Concurrency 1 (one at a time, as n8n's own generation nodes work).
 *   2. HTTP requests per task and detection lag (first poll that saw the terminal state − the simulator's
 *      doneAt), from the simulator's log, for both runs of 1.
 *   3. Peak RSS added while downloading 1 × 512 MiB and 4 × 128 MiB in filesystem binary mode; each case
 *      in a fresh process (scripts/bench/memory.ts), the simulator in another one. Baseline: a node
 *      downloading as Gemini's video node does (arraybuffer → Buffer → prepareBinaryData). And while
 *      uploading a 256 MiB video from a binary field to EvoLink's file host (the package's upload step);
 *      baseline: the whole file from getBinaryDataBuffer in a Blob in FormData.
 *   2b. Requests per task on Alibaba with DashScope's task list polling a 200-item batch, against single polls.
 *   4. Cancel: a task that never ends, Poll Interval 5 s, Stop 1 s after the first poll; time to the end
 *      of the run and requests after the cancel. Baseline: a node polling as OpenAI's Sora node does.
 *   4b. Pause (Wait Method → Pause Until the Provider Calls Back, issue 14): requests to the provider per
 *      task and the execution time held while the task runs, against polling the same task.
 *   5. Cold require() of the built nodes (fresh `node` process, median of 5) and the packed tarball size.
 *
 * Usage: npm run bench            (tsx scripts/bench.ts)
 *        npm run bench -- --only scale   (one group: batch, scale, dashscope, cancel, pause, memory or size)
 */
import '../test/harness/setup-env.js';

import { fork, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { runWorkflow, startWorkflow, type RunResult } from '../test/harness';
import { startSimulator, type RecordedRequest, type Simulator, type SimTask } from '../test/simulator';
import { SORA_LIKE_POLL_TYPE } from './bench/baselines';
import type { MemoryResult, MemoryScenario } from './bench/memory';
import { measurePause } from './bench/pause';
import { measureStatusList } from './bench/statusList';
import { NODE_NAME, baselineWorkflow, prompts, runOptions, wanVideoWorkflow } from './bench/workflows';

const ROOT = path.resolve(__dirname, '..');

// Scenario settings (printed with the results).
const BATCH_ITEMS = 20;
const JOB_MS = 3000;
/** A job several poll intervals long (DashScope list row). */
const LONG_JOB_MS = 10_000;
const POLL_S = 1;
const CANCEL_POLL_S = 5;
const CANCEL_AFTER_FIRST_POLL_MS = 1000;
const MiB = 1024 * 1024;
const MEMORY_CASES = [
	{ key: 'one', files: 1, bytes: 512 * MiB, label: '1 × 512 MiB' },
	{ key: 'four', files: 4, bytes: 128 * MiB, label: '4 × 128 MiB at once' },
] as const;
const UPLOAD_BYTES = 256 * MiB;
const REQUIRE_RUNS = 5;

// Targets (issue 5).
const TARGET_WALL_MS = 1.3 * (JOB_MS + POLL_S * 1000);
const LARGE_BATCH_ITEMS = 200;
const TARGET_LARGE_BATCH_MS = 1.5 * (JOB_MS + POLL_S * 1000);
/** The rate the simulator admits in the throttled scenario (429 beyond). */
const ADMITTED_PER_SECOND = 20;
const TARGET_SPEEDUP = 10;
/** Issue 15: requests per task (submit included) on DashScope with batch polling. */
const TARGET_LIST_REQUESTS_PER_TASK = 1.2;
const TARGET_REQUESTS_PER_TASK = 3 + JOB_MS / (POLL_S * 1000);
const TARGET_MEDIAN_LAG_MS = (POLL_S * 1000) / 2;
const TARGET_ADDED_RSS = 64 * MiB;
const TARGET_CANCEL_MS = 500;
const TARGET_TARBALL_BYTES = 150 * 1000;

type Verdict = 'PASS' | 'FAIL' | '—';

interface Row {
	scenario: string;
	ours: string;
	baseline: string;
	ratio: string;
	target: string;
	verdict: Verdict;
}

const rows: Row[] = [];
const notes: string[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const signed = (bytes: number) => `${bytes >= 0 ? '+' : ''}${mib(bytes)}`;
const verdict = (pass: boolean): Verdict => (pass ? 'PASS' : 'FAIL');

/** this ÷ baseline, with how many times less (or more) when they differ much. */
function ratio(ours: number, baseline: number, less = 'less', more = 'more'): string {
	if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return '—';
	const r = ours / baseline;
	if (r === 0) return `0 (none vs ${baseline})`;
	if (r < 0.8) return `${r.toFixed(3)} (${(1 / r).toFixed(1)}× ${less})`;
	if (r > 1.25) return `${r.toFixed(2)} (${r.toFixed(1)}× ${more})`;
	return r.toFixed(2);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function failRow(scenario: string, target: string, error: unknown): void {
	const message = error instanceof Error ? error.message : String(error);
	rows.push({ scenario, ours: 'error', baseline: '—', ratio: '—', target, verdict: 'FAIL' });
	notes.push(`${scenario}: ${message}`);
}

async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const started = Date.now();
	while (!predicate()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await sleep(5);
	}
}

// ---------------------------------------------------------------------------------------------------
// 1 + 2: batch wall time, requests per task, detection lag
// ---------------------------------------------------------------------------------------------------

interface BatchFigures {
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
	if (result.status !== 'success') throw new Error(`run ended "${result.status}": ${result.error?.message ?? ''}`);
	const items = result.output(NODE_NAME);
	if (items.length !== expected) throw new Error(`expected ${expected} items, got ${items.length}`);
	const order = items.map((item) => tasks.find((task) => task.id === item.json.taskId)?.prompt);
	if (order.some((prompt, index) => prompt !== `Benchmark clip ${index + 1}`)) throw new Error('output is not in input order');
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

async function runBatch(sim: Simulator, maxConcurrency: number | undefined, items = BATCH_ITEMS): Promise<BatchFigures> {
	sim.reset();
	sim.setBehaviour(() => ({ durationMs: JOB_MS, outcome: 'success' }));
	const options = { pollInterval: POLL_S, ...(maxConcurrency ? { maxConcurrency } : {}) };
	const workflow = wanVideoWorkflow({ returnAs: 'url', options }, prompts(items));
	const started = performance.now();
	const result = await runWorkflow(workflow, runOptions(sim));
	const wallMs = performance.now() - started;
	return batchFigures(result, wallMs, [...sim.requests], [...sim.tasks], maxConcurrency ? String(maxConcurrency) : 'default', items);
}

async function batchScenarios(sim: Simulator): Promise<void> {
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
		failRow(`Batch wall time, ${BATCH_ITEMS} items × ${JOB_MS / 1000} s jobs, poll ${POLL_S} s`, `≤ ${seconds(TARGET_WALL_MS)}`, error);
		return;
	}
	const speedup = base.wallMs / ours.wallMs;
	rows.push({
		scenario: `Batch wall time: ${BATCH_ITEMS} items × ${JOB_MS / 1000} s jobs, poll ${POLL_S} s, Return As URL`,
		ours: seconds(ours.wallMs),
		baseline: `${seconds(base.wallMs)} (Max Concurrency 1)`,
		ratio: ratio(ours.wallMs, base.wallMs, 'faster', 'slower'),
		target: `≤ ${seconds(TARGET_WALL_MS)} (1.3 × (job + poll))`,
		verdict: verdict(ours.wallMs <= TARGET_WALL_MS),
	});
	rows.push({
		scenario: 'Batch speed-up over one at a time',
		ours: `${speedup.toFixed(1)}×`,
		baseline: '1×',
		ratio: '—',
		target: `≥ ${TARGET_SPEEDUP}×`,
		verdict: verdict(speedup >= TARGET_SPEEDUP),
	});
	rows.push({
		scenario: 'HTTP requests per task (submit + status polls), mean / max',
		ours: `${ours.perTaskMean.toFixed(2)} / ${ours.perTaskMax}`,
		baseline: `${base.perTaskMean.toFixed(2)} / ${base.perTaskMax}`,
		ratio: ratio(ours.perTaskMean, base.perTaskMean),
		target: `≤ ${TARGET_REQUESTS_PER_TASK} (3 + job / poll), max`,
		verdict: verdict(ours.perTaskMax <= TARGET_REQUESTS_PER_TASK),
	});
	rows.push({
		scenario: 'Result downloads per task (Return As URL)',
		ours: String(ours.downloads / ours.tasks),
		baseline: String(base.downloads / base.tasks),
		ratio: '—',
		target: '—',
		verdict: '—',
	});
	rows.push({
		scenario: 'Detection lag (first poll seeing done − done), median',
		ours: millis(ours.lagMedian),
		baseline: millis(base.lagMedian),
		ratio: ratio(ours.lagMedian, base.lagMedian),
		target: `≤ ${millis(TARGET_MEDIAN_LAG_MS)} (poll / 2)`,
		verdict: verdict(ours.lagMedian <= TARGET_MEDIAN_LAG_MS),
	});
	rows.push({
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
		notes.push(
			`Batch, ${name} (Max Concurrency ${f.maxConcurrency}): ${f.tasks} tasks, ${f.submits} submits, ${f.polls} status polls, ` +
				`${f.downloads} downloads; lag min ${millis(f.lagMin)}, median ${millis(f.lagMedian)}, max ${millis(f.lagMax)}.`,
		);
	}
}

// ---------------------------------------------------------------------------------------------------
// 4: cancel
// ---------------------------------------------------------------------------------------------------

interface CancelFigures {
	endMs: number;
	after: number;
	providerCancels: number;
	status: string;
	engineStatus?: string;
	engineFinished: boolean;
	firstPollAfterSubmitMs: number;
}

async function runCancel(sim: Simulator, impl: 'package' | 'baseline'): Promise<CancelFigures> {
	sim.reset();
	sim.setBehaviour(() => ({ durationMs: 0, outcome: 'never' }));
	const workflow =
		impl === 'package'
			? wanVideoWorkflow({ returnAs: 'url', options: { pollInterval: CANCEL_POLL_S } }, prompts(1))
			: baselineWorkflow(SORA_LIKE_POLL_TYPE, { pollInterval: CANCEL_POLL_S, waitTime: 300 }, prompts(1));
	const run = startWorkflow(workflow, runOptions(sim, { cancelGraceMs: 30_000 }));
	await until(() => sim.requests.some((request) => request.route === 'status'), 30_000, 'the first poll');
	const submitAt = sim.requests.find((request) => request.route === 'submit')?.at ?? NaN;
	const firstPollAt = sim.requests.find((request) => request.route === 'status')!.at;
	await sleep(firstPollAt + CANCEL_AFTER_FIRST_POLL_MS - performance.now());
	const canceledAt = performance.now();
	run.cancel();
	const result = await run.result;
	const endedAt = performance.now();
	// Watch long enough for one more poll interval after the cancel, and a bit after the run ended.
	await sleep(Math.max(endedAt + 500, canceledAt + CANCEL_POLL_S * 1000 + 500) - performance.now());
	const later = sim.requests.filter((request) => request.at > canceledAt);
	return {
		endMs: endedAt - canceledAt,
		after: later.filter((request) => request.route !== 'cancel').length,
		providerCancels: later.filter((request) => request.route === 'cancel').length,
		status: result.status,
		engineStatus: result.engineStatus,
		engineFinished: result.engineFinished,
		firstPollAfterSubmitMs: firstPollAt - submitAt,
	};
}

async function cancelScenarios(sim: Simulator): Promise<void> {
	let ours: CancelFigures;
	let base: CancelFigures;
	try {
		process.stderr.write('bench: cancel, this package and the Sora-style baseline …\n');
		ours = await runCancel(sim, 'package');
		base = await runCancel(sim, 'baseline');
	} catch (error) {
		failRow('Stop → run ended', `≤ ${TARGET_CANCEL_MS} ms`, error);
		return;
	}
	rows.push({
		scenario: `Stop → run ended (task never ends, poll ${CANCEL_POLL_S} s, Stop ${CANCEL_AFTER_FIRST_POLL_MS / 1000} s after the first poll)`,
		ours: millis(ours.endMs),
		baseline: `${millis(base.endMs)} (Sora-style poll)`,
		ratio: ratio(ours.endMs, base.endMs, 'less'),
		target: `≤ ${TARGET_CANCEL_MS} ms`,
		verdict: verdict(ours.engineFinished && ours.endMs <= TARGET_CANCEL_MS),
	});
	rows.push({
		scenario: 'Requests to the provider after Stop',
		ours: `${ours.after}${ours.providerCancels ? ` (+${ours.providerCancels} provider cancel)` : ''}`,
		baseline: `${base.after}${base.providerCancels ? ` (+${base.providerCancels} provider cancel)` : ''}`,
		ratio: '—',
		target: '0',
		verdict: verdict(ours.after === 0),
	});
	for (const [name, f] of [
		['this package', ours],
		['baseline', base],
	] as const) {
		notes.push(
			`Stop, ${name}: execution status "${f.status}", engine ${f.engineFinished ? `finished ("${f.engineStatus}")` : 'still running after 30 s'}; ` +
				`first poll ${seconds(f.firstPollAfterSubmitMs)} after the submit.`,
		);
	}
}

/** 1b: a batch of a few hundred at the provider's own speed (Max Concurrency raised to the batch size). */
async function largeBatchScenario(sim: Simulator): Promise<void> {
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
		failRow(scenario, target, error);
		return;
	}
	rows.push({
		scenario,
		ours: seconds(ours.wallMs),
		baseline: `${seconds(base.wallMs)} (Max Concurrency default)`,
		ratio: ratio(ours.wallMs, base.wallMs, 'faster', 'slower'),
		target,
		verdict: verdict(ours.wallMs <= TARGET_LARGE_BATCH_MS),
	});
	notes.push(
		`Large batch, this package: ${ours.submits} submits, ${ours.polls} status polls (${ours.perTaskMean.toFixed(2)} requests per task); ` +
			`baseline: ${base.submits} submits, ${base.polls} polls.`,
	);
}

/**
 * 1c: the same large batch against an account that admits N requests a second and answers 429 beyond.
 * The ideal schedule sends every request the run needs (a submit and a poll per task at least) at N a
 * second, and cannot end before the last task's job has run.
 */
async function throttledBatchScenario(sim: Simulator): Promise<void> {
	const items = LARGE_BATCH_ITEMS;
	const idealMs = Math.max((2 * items * 1000) / ADMITTED_PER_SECOND, (items * 1000) / ADMITTED_PER_SECOND + JOB_MS);
	const scenario = `Throttled batch: ${items} items × ${JOB_MS / 1000} s jobs, the provider admits ${ADMITTED_PER_SECOND} requests/s and answers 429 beyond`;
	const target = `≤ ${seconds(1.2 * idealMs)} (1.2 × ideal), 0 double submits, 0 failed items`;
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
		rows.push({
			scenario,
			ours: `${seconds(wallMs)}, ${doubleSubmits} double, ${failed} failed`,
			baseline: `${seconds(idealMs)} (ideal)`,
			ratio: (wallMs / idealMs).toFixed(2),
			target,
			verdict: verdict(wallMs <= 1.2 * idealMs && doubleSubmits === 0 && failed === 0),
		});
		notes.push(`Throttled batch: ${sim.requests.length} requests, ${throttled} answered 429, ${sim.tasks.length} tasks created.`);
	} catch (error) {
		failRow(scenario, target, error);
	} finally {
		sim.limitRate(undefined);
	}
}

/** 1d: requests per task on Alibaba, running tasks polled through DashScope's task list, beside single polls. */
async function statusListScenario(sim: Simulator): Promise<void> {
	// The issue's batch, then a few tasks that run for several poll intervals (where single polls add up).
	const cases = [
		{ items: LARGE_BATCH_ITEMS, jobMs: JOB_MS, targeted: true },
		{ items: BATCH_ITEMS, jobMs: LONG_JOB_MS, targeted: false },
	];
	for (const { items, jobMs, targeted } of cases) {
		const scenario = `Requests per task on DashScope with batch polling: ${items} Alibaba items × ${jobMs / 1000} s jobs, poll ${POLL_S} s, Max Concurrency ${items}`;
		const target = targeted ? `≤ ${TARGET_LIST_REQUESTS_PER_TASK} (issue 15)` : '—';
		try {
			process.stderr.write(`bench: DashScope task list (${items} Alibaba items × ${jobMs / 1000} s), with the list, then single polls …\n`);
			const { ours, base } = await measureStatusList(sim, items, jobMs, POLL_S);
			rows.push({
				scenario,
				ours: ours.perTask.toFixed(2),
				baseline: `${base.perTask.toFixed(2)} (single polls)`,
				ratio: ratio(ours.perTask, base.perTask),
				target,
				verdict: targeted ? verdict(ours.perTask <= TARGET_LIST_REQUESTS_PER_TASK) : '—',
			});
			notes.push(
				`DashScope task list, ${items} × ${jobMs / 1000} s: ${ours.submits} submits, ${ours.lists} list requests, ${ours.singleQueries} single queries ` +
					`for ${ours.tasks} tasks; single polls: ${base.submits} submits, ${base.singleQueries} single queries. The list carries statuses only, ` +
					'so each finished task takes one single query for its results: 2.0 requests per task is the floor (docs/research/dashscope-batch-query.md).',
			);
		} catch (error) {
			failRow(scenario, target, error);
		}
	}
}

// ---------------------------------------------------------------------------------------------------
// 3: memory, each case in a fresh process
// ---------------------------------------------------------------------------------------------------

async function memoryRun(impl: 'package' | 'baseline', files: number, bytes: number, scenario: MemoryScenario = 'download'): Promise<MemoryResult> {
	const args = ['--scenario', scenario, '--impl', impl, '--files', String(files), '--bytes', String(bytes)];
	const child = fork(path.join(__dirname, 'bench', 'memory.ts'), args, {
		cwd: ROOT,
		execArgv: ['--expose-gc', '--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	return await new Promise<MemoryResult>((resolve, reject) => {
		let answer: { result?: MemoryResult; error?: string } | undefined;
		const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
		child.on('message', (message: { type: string; result?: MemoryResult; error?: string }) => {
			if (message.type === 'memory') answer = message;
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (answer?.result) resolve(answer.result);
			else reject(new Error(answer?.error ?? `memory process ended (code ${code}, signal ${signal}) without a result`));
		});
	});
}

async function memoryScenarios(): Promise<void> {
	for (const memoryCase of MEMORY_CASES) {
		const scenario = `Peak RSS added, ${memoryCase.label} download (filesystem binary mode)`;
		const isTargeted = memoryCase.key === 'one';
		const target = isTargeted ? `≤ ${mib(TARGET_ADDED_RSS)}` : '—';
		let ours: MemoryResult;
		let base: MemoryResult;
		try {
			process.stderr.write(`bench: memory, ${memoryCase.label}, this package …\n`);
			ours = await memoryRun('package', memoryCase.files, memoryCase.bytes);
			process.stderr.write(`bench: memory, ${memoryCase.label}, Gemini-style baseline …\n`);
			base = await memoryRun('baseline', memoryCase.files, memoryCase.bytes);
		} catch (error) {
			failRow(scenario, target, error);
			continue;
		}
		rows.push({
			scenario,
			ours: mib(ours.addedBytes),
			baseline: `${mib(base.addedBytes)} (Gemini-style)`,
			ratio: ratio(ours.addedBytes, base.addedBytes),
			target,
			verdict: isTargeted ? verdict(ours.addedBytes <= TARGET_ADDED_RSS) : '—',
		});
		memoryNotes(memoryCase.label, ours, base);
	}
}

function memoryNotes(label: string, ours: MemoryResult, base: MemoryResult): void {
	for (const [name, m] of [
		['this package', ours],
		['baseline', base],
	] as const) {
		const hwm = m.peakHwmRss === undefined ? 'VmHWM n/a' : `VmHWM ${mib(m.peakHwmRss)}`;
		notes.push(
			`Memory ${label}, ${name}: RSS before ${mib(m.baselineRss)}, peak sampled ${mib(m.peakSampledRss)} ` +
				`(${m.samples} samples), ${hwm}; at the peak, V8 heap ${signed(m.atPeak.heapTotal)}, ` +
				`external ${signed(m.atPeak.external)} (ArrayBuffers ${signed(m.atPeak.arrayBuffers)}); run ${seconds(m.runMs)}.`,
		);
	}
}

/** 3b: a 256 MiB video from a binary field to EvoLink's file host, streamed, beside a whole-buffer upload. */
async function uploadMemoryScenario(): Promise<void> {
	const label = `1 × ${mib(UPLOAD_BYTES).replace('.0 ', ' ')} video upload from a binary field`;
	const scenario = `Peak RSS added, ${label} (filesystem binary mode)`;
	const target = `≤ ${mib(TARGET_ADDED_RSS)}`;
	let ours: MemoryResult;
	let base: MemoryResult;
	try {
		process.stderr.write(`bench: memory, ${label}, this package …\n`);
		ours = await memoryRun('package', 1, UPLOAD_BYTES, 'upload');
		process.stderr.write(`bench: memory, ${label}, whole-buffer baseline …\n`);
		base = await memoryRun('baseline', 1, UPLOAD_BYTES, 'upload');
	} catch (error) {
		failRow(scenario, target, error);
		return;
	}
	rows.push({
		scenario,
		ours: mib(ours.addedBytes),
		baseline: `${mib(base.addedBytes)} (whole buffer)`,
		ratio: ratio(ours.addedBytes, base.addedBytes),
		target,
		verdict: verdict(ours.addedBytes <= TARGET_ADDED_RSS),
	});
	memoryNotes(label, ours, base);
}

// ---------------------------------------------------------------------------------------------------
// 4b: pause instead of poll

async function pauseScenarios(sim: Simulator): Promise<void> {
	const requestsScenario = `Pause: requests to the provider per task (1 task of ${JOB_MS / 1000} s)`;
	const requestsTarget = 'submit + 1 status fetch, + 1 check before pausing (the 409 race)';
	const heldScenario = `Pause: execution time held while the task runs (1 task of ${JOB_MS / 1000} s)`;
	try {
		const figures = await measurePause(sim, JOB_MS);
		// The resume's one status fetch (webhook(): the body is never trusted), checked by npm run test:e2e:callback.
		const perTask = figures.requestsUntilPaused + 1;
		rows.push({
			scenario: requestsScenario,
			ours: `${perTask} (${figures.requestsUntilPaused} until paused + 1 on the callback)`,
			baseline: `${figures.pollRequests} (polling)`,
			ratio: ratio(perTask, figures.pollRequests),
			target: `≤ 3 (${requestsTarget})`,
			verdict: verdict(figures.status === 'waiting' && perTask <= 3),
		});
		rows.push({
			scenario: heldScenario,
			ours: `0 ms while waiting (paused after ${millis(figures.heldUntilPausedMs)})`,
			baseline: `${seconds(figures.pollHeldMs)} (polling: held to the end)`,
			ratio: ratio(figures.heldUntilPausedMs, figures.pollHeldMs),
			target: '0 while waiting',
			verdict: verdict(figures.status === 'waiting' && figures.heldUntilPausedMs < JOB_MS),
		});
		notes.push(`Pause: the engine run returned with the execution ${figures.status} after ${millis(figures.heldUntilPausedMs)}; n8n holds no process for it until the callback or the Timeout.`);
	} catch (error) {
		failRow(requestsScenario, requestsTarget, error);
	}
}

// 5: cold require() and tarball size
// ---------------------------------------------------------------------------------------------------

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const BUILT_NODES = ['dist/nodes/WanVideo/WanVideo.node.js', 'dist/nodes/WanImage/WanImage.node.js'];

let staleChecked = false;

/** Newest modification time of the package's TypeScript sources (nodes/, credentials/). */
function newestSourceMs(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(full));
		else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
	}
	return newest;
}

function ensureBuild(): void {
	if (BUILT_NODES.every((file) => existsSync(path.join(ROOT, file)))) {
		if (!staleChecked) {
			staleChecked = true;
			const built = Math.min(...BUILT_NODES.map((file) => statSync(path.join(ROOT, file)).mtimeMs));
			const sources = Math.max(...['nodes', 'credentials'].map((dir) => newestSourceMs(path.join(ROOT, dir))));
			if (sources > built) {
				notes.push('dist/ is older than the sources: the require time and tarball size are of the old build (run `npm run build` first).');
			}
		}
		return;
	}
	process.stderr.write('bench: dist/ is missing, running npm run build …\n');
	const build = spawnSync(NPM, ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status}): ${build.stderr || build.stdout}`);
}

function coldRequire(): void {
	const scenario = `Cold require() of the built nodes (WanVideo + WanImage), median of ${REQUIRE_RUNS}`;
	try {
		ensureBuild();
		const files = BUILT_NODES.map((file) => path.join(ROOT, file));
		// Times n8n-workflow (which n8n itself has loaded long before any community node) and the
		// package's own modules separately; the figure is their sum, a fully cold require.
		const script =
			`const { performance } = require('node:perf_hooks'); const t0 = performance.now();` +
			`require('n8n-workflow'); const t1 = performance.now();` +
			`for (const f of ${JSON.stringify(files)}) require(f);` +
			`process.stdout.write(JSON.stringify([t1 - t0, performance.now() - t1]));`;
		const runs: { workflow: number; own: number; total: number }[] = [];
		for (let i = 0; i < REQUIRE_RUNS; i++) {
			const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
			if (child.status !== 0) throw new Error(`require failed: ${child.stderr}`);
			const [workflow, own] = JSON.parse(child.stdout) as [number, number];
			runs.push({ workflow, own, total: workflow + own });
		}
		const total = median(runs.map((run) => run.total));
		const own = median(runs.map((run) => run.own));
		rows.push({
			scenario,
			ours: `${millis(total)} (own modules ${millis(own)})`,
			baseline: '—',
			ratio: '—',
			target: '—',
			verdict: '—',
		});
		notes.push(
			`Cold require() runs (fresh \`node\` process each, startup excluded), n8n-workflow + own modules: ` +
				`${runs.map((run) => `${millis(run.workflow)} + ${millis(run.own)}`).join(', ')}.`,
		);
	} catch (error) {
		failRow(scenario, '—', error);
	}
}

function tarballSize(): void {
	const scenario = 'Packed tarball size (npm pack)';
	const target = `≤ ${TARGET_TARBALL_BYTES / 1000} kB`;
	try {
		ensureBuild();
		const pack = spawnSync(NPM, ['pack', '--dry-run', '--json'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, npm_config_ignore_scripts: 'true' },
		});
		if (pack.status !== 0) throw new Error(`npm pack failed (exit ${pack.status}): ${pack.stderr}`);
		const info = (JSON.parse(pack.stdout) as { size: number; unpackedSize: number; entryCount: number }[])[0];
		rows.push({
			scenario,
			ours: `${(info.size / 1000).toFixed(1)} kB`,
			baseline: '—',
			ratio: '—',
			target,
			verdict: verdict(info.size <= TARGET_TARBALL_BYTES),
		});
		notes.push(`Tarball: ${info.size} bytes packed, ${info.unpackedSize} unpacked, ${info.entryCount} files.`);
	} catch (error) {
		failRow(scenario, target, error);
	}
}

// ---------------------------------------------------------------------------------------------------

function table(): string {
	const header = ['Scenario', 'This package', 'Baseline', 'Ratio (this ÷ baseline)', 'Target', 'Result'];
	const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
	for (const row of rows) {
		lines.push(`| ${[row.scenario, row.ours, row.baseline, row.ratio, row.target, row.verdict].join(' | ')} |`);
	}
	return lines.join('\n');
}

async function main(): Promise<number> {
	const started = performance.now();
	const cpus = os.cpus();
	// `--only <name>`: one group of scenarios (batch, scale, dashscope, cancel, pause, memory, size), for a quick look.
	const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
	const wanted = (group: string) => only === undefined || only === group;
	const sim = await startSimulator();
	try {
		if (wanted('batch')) await batchScenarios(sim);
		if (wanted('scale')) {
			await largeBatchScenario(sim);
			await throttledBatchScenario(sim);
		}
		if (wanted('scale') || wanted('dashscope')) await statusListScenario(sim);
		if (wanted('cancel')) await cancelScenarios(sim);
		if (wanted('pause')) await pauseScenarios(sim);
	} finally {
		await sim.close();
	}
	if (wanted('memory')) {
		await memoryScenarios();
		await uploadMemoryScenario();
	}
	if (wanted('size')) {
		coldRequire();
		tarballSize();
	}

	const failed = rows.filter((row) => row.verdict === 'FAIL');
	const machine = [
		`Node ${process.version}`,
		`${os.availableParallelism?.() ?? cpus.length} cores (${cpus[0]?.model?.trim() ?? 'unknown CPU'})`,
		`${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`,
		`${os.type()} ${os.release()}`,
	].join(', ');
	const simulator = [
		'local EvoLink simulator on 127.0.0.1 (test/simulator)',
		`batch: ${BATCH_ITEMS} items, jobs of ${JOB_MS / 1000} s, Poll Interval ${POLL_S} s, Return As URL (EvoLink \`estimated_time\` ${Math.ceil(JOB_MS / 1000)} s)`,
		`cancel: task never ends, Poll Interval ${CANCEL_POLL_S} s, Stop ${CANCEL_AFTER_FIRST_POLL_MS / 1000} s after the first poll`,
		'memory: result files of the given size streamed in 1 MiB chunks by a simulator in its own process; uploads received (hashed, never held) by it',
	];
	console.log('\n## Benchmark (`npm run bench`)\n');
	console.log(`Machine: ${machine}.  `);
	console.log(`Simulator: ${simulator.join('; ')}.\n`);
	console.log(table());
	console.log('\nDetails:');
	for (const note of notes) console.log(`- ${note}`);
	console.log(
		`\n${failed.length === 0 ? 'All targets PASS' : `${failed.length} target(s) FAIL: ${failed.map((row) => row.scenario).join('; ')}`} ` +
			`(bench took ${seconds(performance.now() - started)}).`,
	);
	return failed.length === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
