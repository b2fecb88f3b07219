/**
 * The bench's DashScope row (issue 15): a large batch on Alibaba, its running tasks polled through
 * DashScope's task list, beside the same run with the adapter's list hook removed (a single status query
 * per task and poll, as every provider without a list does). Requests per task from the simulator's log.
 */
import { runWorkflow } from '../../test/harness';
import type { RecordedRequest, Simulator } from '../../test/simulator';
import { alibaba } from '../../nodes/shared/providers/alibaba/adapter';
import { checkBatchOutput, prompts, runOptions, wanVideoWorkflow } from './workflows';

export interface StatusListFigures {
	tasks: number;
	submits: number;
	singleQueries: number;
	lists: number;
	/** (submits + single queries + lists) ÷ tasks. */
	perTask: number;
}

async function runBatch(sim: Simulator, items: number, jobMs: number, pollS: number): Promise<StatusListFigures> {
	sim.reset();
	sim.setBehaviour(() => ({ durationMs: jobMs, outcome: 'success' }));
	const options = { pollInterval: pollS, maxConcurrency: items };
	const result = await runWorkflow(wanVideoWorkflow({ returnAs: 'url', options }, prompts(items), 'alibaba'), runOptions(sim));
	checkBatchOutput(result, sim.tasks, items);
	const count = (route: RecordedRequest['route']) => sim.requests.filter((request) => request.route === route).length;
	const figures = { tasks: sim.tasks.length, submits: count('submit'), singleQueries: count('status'), lists: count('statusBatch') };
	return { ...figures, perTask: (figures.submits + figures.singleQueries + figures.lists) / figures.tasks };
}

/** The batch with the list, then without it (the hook removed for that run only). */
export async function measureStatusList(sim: Simulator, items: number, jobMs: number, pollS: number): Promise<{ ours: StatusListFigures; base: StatusListFigures }> {
	const ours = await runBatch(sim, items, jobMs, pollS);
	const hook = alibaba.statusList;
	alibaba.statusList = undefined;
	try {
		return { ours, base: await runBatch(sim, items, jobMs, pollS) };
	} finally {
		alibaba.statusList = hook;
	}
}
