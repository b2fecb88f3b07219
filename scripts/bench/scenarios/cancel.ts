/**
 * Cancel: a task that never ends, Poll Interval 5 s, Stop 1 s after the first poll; time to the end of the
 * run and requests after the cancel. Baseline: a node polling as OpenAI's Sora node does.
 */
import { performance } from 'node:perf_hooks';

import { startWorkflow } from '../../../test/harness';
import type { Simulator } from '../../../test/simulator';
import { SORA_LIKE_POLL_TYPE } from '../baselines';
import { millis, ratio, seconds } from '../format';
import { verdict, type Report } from '../report';
import { CANCEL_AFTER_FIRST_POLL_MS, CANCEL_POLL_S, TARGET_CANCEL_MS } from '../settings';
import { baselineWorkflow, prompts, runOptions, wanVideoWorkflow } from '../workflows';

interface CancelFigures {
	endMs: number;
	after: number;
	providerCancels: number;
	status: string;
	engineStatus?: string;
	engineFinished: boolean;
	firstPollAfterSubmitMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const started = Date.now();
	while (!predicate()) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await sleep(5);
	}
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

export async function cancelScenarios(report: Report, sim: Simulator): Promise<void> {
	let ours: CancelFigures;
	let base: CancelFigures;
	try {
		process.stderr.write('bench: cancel, this package and the Sora-style baseline …\n');
		ours = await runCancel(sim, 'package');
		base = await runCancel(sim, 'baseline');
	} catch (error) {
		report.fail('Stop → run ended', `≤ ${TARGET_CANCEL_MS} ms`, error);
		return;
	}
	report.add({
		scenario: `Stop → run ended (task never ends, poll ${CANCEL_POLL_S} s, Stop ${CANCEL_AFTER_FIRST_POLL_MS / 1000} s after the first poll)`,
		ours: millis(ours.endMs),
		baseline: `${millis(base.endMs)} (Sora-style poll)`,
		ratio: ratio(ours.endMs, base.endMs, 'less'),
		target: `≤ ${TARGET_CANCEL_MS} ms`,
		verdict: verdict(ours.engineFinished && ours.endMs <= TARGET_CANCEL_MS),
	});
	report.add({
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
		report.note(
			`Stop, ${name}: execution status "${f.status}", engine ${f.engineFinished ? `finished ("${f.engineStatus}")` : 'still running after 30 s'}; ` +
				`first poll ${seconds(f.firstPollAfterSubmitMs)} after the submit.`,
		);
	}
}
