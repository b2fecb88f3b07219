import type {
	ExecutionError,
	IExecuteData,
	IExecuteFunctions,
	INodeExecutionData,
	IRunExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * How n8n resumes a paused node, and the two places a node can shape it. n8n keeps the node's entry of
 * the execution stack while it waits and resumes from it:
 * - at the time limit, the node runs disabled and passes on the entry's input, unless the entry carries a
 *   `resumeError`, which the node then fails with (or outputs as `{ error }` under Continue On Fail);
 * - on a callback, the entry's input becomes what `webhook()` returned, passed on the same way (the
 *   `resumeError` check comes first there too).
 * So a paused node puts the pending task handle in as its input, and the timeout's error where the
 * user wants one; the callback takes the error out again, or puts the task's failure in.
 */
export type StackEntry = Pick<IExecuteData, 'data' | 'metadata' | 'node'>;

/** Where the entry the node resumes from lives in n8n's node context; not part of the typed interface. */
type WithRunData = { runExecutionData?: IRunExecutionData | null };

/** Whether this n8n lets `webhook()` reach the entry it resumes from (so an error put in can be taken out). */
export function canShapeResume(fn: IExecuteFunctions): boolean {
	const data = (fn as unknown as WithRunData).runExecutionData;
	return Array.isArray(data?.executionData?.nodeExecutionStack);
}

/** Prepares the paused node's entry: the input it passes on at the time limit, and the error it fails with there. */
export function shapeTimeout(fn: IExecuteFunctions, pending: INodeExecutionData[], error: ExecutionError | undefined): void {
	const entry = fn.getExecuteData();
	entry.data = { ...entry.data, main: [pending] };
	setResumeError(entry, error);
}

/** The entry this callback resumes, when n8n exposes it and it is this node's. */
export function resumingEntry(fn: IWebhookFunctions): StackEntry | undefined {
	const data = (fn as unknown as WithRunData).runExecutionData;
	const entry = data?.executionData?.nodeExecutionStack?.[0];
	return entry && entry.node.name === fn.getNode().name ? entry : undefined;
}

/** Sets (or, with undefined, clears) the error the resumed node fails with. */
export function setResumeError(entry: StackEntry, error: ExecutionError | undefined): void {
	const metadata = { ...entry.metadata };
	delete metadata.resumeError;
	entry.metadata = error ? { ...metadata, resumeError: error } : metadata;
}

/** The items the resumed entry holds: the pending handle the node put in before pausing. */
export function entryInput(entry: StackEntry | undefined): INodeExecutionData[] {
	return entry?.data.main?.[0] ?? [];
}
