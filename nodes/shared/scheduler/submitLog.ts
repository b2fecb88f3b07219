import type { IExecuteFunctions } from 'n8n-workflow';

import type { TaskHandle } from '../types';

/** The log line's fixed start, for finding a run's paid tasks in n8n's log. */
export const SUBMITTED_LOG_PREFIX = 'Wan task submitted';

/**
 * Records a paid task in n8n's log the moment the provider answers its submit. A worker that dies
 * mid-run leaves no other trace of the tasks it submitted; this line holds everything Get Task needs
 * to fetch one (provider, model, task id), and where it came from. The message carries it all, since
 * n8n's text log format prints no metadata.
 */
export function logSubmitted(fn: IExecuteFunctions, handle: TaskHandle, itemIndex: number): void {
	const node = fn.getNode();
	const executionId = fn.getExecutionId?.();
	const workflowId = fn.getWorkflow?.().id;
	const where = [`item ${itemIndex}`, `node "${node.name}"`, executionId && `execution ${executionId}`, workflowId && `workflow ${workflowId}`]
		.filter(Boolean)
		.join(', ');
	fn.logger.info(`${SUBMITTED_LOG_PREFIX}: provider ${handle.provider}, model ${handle.model}, task ${handle.taskId} (${where})`, {
		...handle,
		itemIndex,
		nodeName: node.name,
		executionId,
		workflowId,
	});
}
