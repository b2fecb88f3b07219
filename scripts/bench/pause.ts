/**
 * The bench's pause rows (issue 14): one task of `jobMs` through the real engine, Wait Method → Pause
 * against Poll. The harness has no webhook server, so the resume's one status fetch is counted as the
 * design makes it (and as `npm run test:e2e:callback` checks in a real n8n): requests until the pause + 1.
 */
import { performance } from 'node:perf_hooks';

import { runWorkflow } from '../../test/harness';
import type { Simulator } from '../../test/simulator';
import { runOptions, wanVideoWorkflow } from './workflows';

export interface PauseFigures {
	/** Requests to the provider until the execution was paused (submit + the check before pausing). */
	requestsUntilPaused: number;
	/** The engine run's wall time until it returned with the execution waiting. */
	heldUntilPausedMs: number;
	status: string;
	/** The same task polled: requests and the run's wall time (the execution held all along). */
	pollRequests: number;
	pollHeldMs: number;
}

const PARAMETERS = { resolution: '720p', aspectRatio: '16:9', duration: 5, waitForCompletion: true, returnAs: 'url' };

export async function measurePause(sim: Simulator, jobMs: number): Promise<PauseFigures> {
	sim.reset();
	sim.setBehaviour(() => ({ durationMs: jobMs, outcome: 'success' }));
	let started = performance.now();
	const paused = await runWorkflow(
		wanVideoWorkflow({ ...PARAMETERS, options: { waitMethod: 'callback', timeout: 300 } }, [{ prompt: 'a paper boat' }]),
		runOptions(sim),
	);
	const heldUntilPausedMs = performance.now() - started;
	const requestsUntilPaused = sim.requests.filter((request) => request.route === 'submit' || request.route === 'status').length;

	sim.reset();
	sim.setBehaviour(() => ({ durationMs: jobMs, outcome: 'success' }));
	started = performance.now();
	await runWorkflow(wanVideoWorkflow({ ...PARAMETERS, options: { pollInterval: 1 } }, [{ prompt: 'a paper boat' }]), runOptions(sim));
	const pollHeldMs = performance.now() - started;
	const pollRequests = sim.requests.filter((request) => request.route === 'submit' || request.route === 'status').length;
	sim.reset();
	return { requestsUntilPaused, heldUntilPausedMs, status: paused.status, pollRequests, pollHeldMs };
}
