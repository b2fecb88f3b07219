/** Requests per task on Alibaba, running tasks polled through DashScope's task list, beside single polls (issue 15). */
import type { Simulator } from '../../../test/simulator';
import { ratio } from '../format';
import { verdict, type Report } from '../report';
import { BATCH_ITEMS, JOB_MS, LARGE_BATCH_ITEMS, LONG_JOB_MS, POLL_S, TARGET_LIST_REQUESTS_PER_TASK } from '../settings';
import { measureStatusList } from '../statusList';

export async function dashscopeScenarios(report: Report, sim: Simulator): Promise<void> {
	// The batch, then a few tasks that run for several poll intervals (where single polls add up).
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
			report.add({
				scenario,
				ours: ours.perTask.toFixed(2),
				baseline: `${base.perTask.toFixed(2)} (single polls)`,
				ratio: ratio(ours.perTask, base.perTask),
				target,
				verdict: targeted ? verdict(ours.perTask <= TARGET_LIST_REQUESTS_PER_TASK) : '—',
			});
			report.note(
				`DashScope task list, ${items} × ${jobMs / 1000} s: ${ours.submits} submits, ${ours.lists} list requests, ${ours.singleQueries} single queries ` +
					`for ${ours.tasks} tasks; single polls: ${base.submits} submits, ${base.singleQueries} single queries. The list carries statuses only, ` +
					'so each finished task takes one single query for its results: 2.0 requests per task is the floor (docs/research/dashscope-batch-query.md).',
			);
		} catch (error) {
			report.fail(scenario, target, error);
		}
	}
}
