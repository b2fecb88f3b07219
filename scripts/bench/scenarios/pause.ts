/**
 * Pause (Wait Method → Pause Until the Provider Calls Back, issue 14): requests to the provider per task
 * and the execution time held while the task runs, against polling the same task.
 */
import type { Simulator } from '../../../test/simulator';
import { millis, ratio, seconds } from '../format';
import { measurePause } from '../pause';
import { verdict, type Report } from '../report';
import { JOB_MS, TARGET_PAUSE_REQUESTS_PER_TASK } from '../settings';

export async function pauseScenarios(report: Report, sim: Simulator): Promise<void> {
	const requestsScenario = `Pause: requests to the provider per task (1 task of ${JOB_MS / 1000} s)`;
	const requestsTarget = 'submit + 1 status fetch, + 1 check before pausing (the 409 race)';
	const heldScenario = `Pause: execution time held while the task runs (1 task of ${JOB_MS / 1000} s)`;
	try {
		const figures = await measurePause(sim, JOB_MS);
		// The resume's one status fetch (webhook(): the body is never trusted), checked by npm run test:e2e:callback.
		const perTask = figures.requestsUntilPaused + 1;
		report.add({
			scenario: requestsScenario,
			ours: `${perTask} (${figures.requestsUntilPaused} until paused + 1 on the callback)`,
			baseline: `${figures.pollRequests} (polling)`,
			ratio: ratio(perTask, figures.pollRequests),
			target: `≤ ${TARGET_PAUSE_REQUESTS_PER_TASK} (${requestsTarget})`,
			verdict: verdict(figures.status === 'waiting' && perTask <= TARGET_PAUSE_REQUESTS_PER_TASK),
		});
		report.add({
			scenario: heldScenario,
			ours: `0 ms while waiting (paused after ${millis(figures.heldUntilPausedMs)})`,
			baseline: `${seconds(figures.pollHeldMs)} (polling: held to the end)`,
			ratio: ratio(figures.heldUntilPausedMs, figures.pollHeldMs),
			target: '0 while waiting',
			verdict: verdict(figures.status === 'waiting' && figures.heldUntilPausedMs < JOB_MS),
		});
		report.note(`Pause: the engine run returned with the execution ${figures.status} after ${millis(figures.heldUntilPausedMs)}; n8n holds no process for it until the callback or the Timeout.`);
	} catch (error) {
		report.fail(requestsScenario, requestsTarget, error);
	}
}
