/** What a test reads from a finished run: the RunResult built from the engine's `IRun`. */
import type {
	ExecutionError,
	ExecutionStatus,
	IBinaryData,
	INode,
	INodeExecutionData,
	IRun,
	IRunData,
	createRunExecutionData,
} from 'n8n-workflow';

import { readBinary } from './binaryData';

export interface RunResult {
	/** What n8n records for the execution: 'success' | 'error' | 'canceled' | 'waiting' ... */
	status: ExecutionStatus;
	/** Run-level error if any (with .message, .description, .node ...). */
	error?: ExecutionError;
	runData: IRunData;
	/** The complete `IRun` (from the engine, or from the `workflowExecuteAfter` hook after a cancel). */
	run: IRun;
	executionId: string;
	workflowId: string;
	/**
	 * The status the engine's own promise resolved with. Equals `status` except after a cancel: n8n
	 * records 'canceled' from the cancel handler, while the engine's promise may resolve later with
	 * 'error' if the running node rethrew the AbortError. `undefined` if the engine did not finish
	 * within `cancelGraceMs` after `cancel()`.
	 */
	engineStatus?: ExecutionStatus;
	/** false only when `cancel()` was called and the engine had not finished within `cancelGraceMs`. */
	engineFinished: boolean;
	/** Main output 0 of the node's last run ([] if none). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The error recorded on the node's last run, if any. */
	nodeError(nodeName: string): ExecutionError | undefined;
	/** Names of the nodes that ran, in execution order (by start time). */
	executedNodes(): string[];
	/** Binary bytes, whether stored on disk (`id`) or inline base64 (`data`). */
	binaryBuffer(binary: IBinaryData): Promise<Buffer>;
}

export function buildResult(
	run: IRun,
	executionId: string,
	workflowId: string,
	extra: { status?: ExecutionStatus; engineStatus?: ExecutionStatus; engineFinished: boolean },
): RunResult {
	const runData: IRunData = run.data.resultData.runData ?? {};
	const lastTask = (nodeName: string) => {
		const tasks = runData[nodeName];
		return tasks?.length ? tasks[tasks.length - 1] : undefined;
	};
	return {
		status: extra.status ?? run.status,
		error: run.data.resultData.error,
		runData,
		run,
		executionId,
		workflowId,
		engineStatus: extra.engineStatus,
		engineFinished: extra.engineFinished,
		output: (nodeName, outputIndex = 0) => lastTask(nodeName)?.data?.main?.[outputIndex] ?? [],
		nodeError: (nodeName) => {
			const fromTask = lastTask(nodeName)?.error;
			if (fromTask) return fromTask;
			const runError = run.data.resultData.error;
			return (runError as { node?: INode } | undefined)?.node?.name === nodeName ? runError : undefined;
		},
		executedNodes: () =>
			Object.entries(runData)
				.flatMap(([name, tasks]) => tasks.map((t) => ({ name, startTime: t.startTime, order: t.executionIndex })))
				.sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.startTime - b.startTime)
				.map((t) => t.name),
		binaryBuffer: readBinary,
	};
}

export function errorRun(error: unknown, runExecutionData: ReturnType<typeof createRunExecutionData>): IRun {
	const e = error as Error;
	runExecutionData.resultData.error = { ...e, message: e.message, stack: e.stack } as ExecutionError;
	return {
		data: runExecutionData,
		mode: 'manual',
		startedAt: new Date(),
		stoppedAt: new Date(),
		status: 'error',
	} as IRun;
}
