import type { INodeExecutionData } from 'n8n-workflow';

import { taskEnded } from '../errors';
import type { Job, JobOutputs, TaskReport } from './types';

/**
 * A task as the scheduler leaves it, turned into what the item outputs: a finished task's items
 * (delivered by the caller, stopped by `signal`), a running task's handle, or the provider's failure
 * as an error naming the task.
 */
export async function settle(
	report: TaskReport,
	job: Job,
	outputs: Pick<JobOutputs, 'deliver' | 'pending'>,
	providerName: string,
	signal: AbortSignal | undefined,
): Promise<INodeExecutionData[]> {
	const { state, handle } = report;
	if (state.status === 'succeeded') return await outputs.deliver(report, job, signal);
	if (state.status === 'failed' || state.status === 'canceled') throw taskEnded(providerName, handle, state);
	return outputs.pending(report, job);
}
