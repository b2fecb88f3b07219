import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { excerpt } from './json';
import { mayHaveCreatedTask, type AttemptOutcome, type RequestPurpose } from './retry';
import type { ProviderError, TaskHandle, TaskState, TaskStatus } from './types';

/**
 * What went wrong, in the node's terms:
 * - `input`: refused before anything was sent;
 * - `http`, `network`: a provider request failed for good (an HTTP status, or no answer);
 * - `malformed`: the provider answered 2xx with a body that could not be read;
 * - `taskFailed`: the task ended failed or canceled at the provider;
 * - `timeout`: the task did not finish within the item's timeout;
 * - `download`: a result file could not be fetched (the cause says how);
 * - `canceled`: the execution was stopped;
 * - `unexpected`: anything else (a bug, or an error of n8n's own, kept as `cause`).
 */
export type WanErrorKind =
	| 'input'
	| 'http'
	| 'network'
	| 'malformed'
	| 'taskFailed'
	| 'timeout'
	| 'download'
	| 'canceled'
	| 'unexpected';

export interface WanErrorFields {
	kind: WanErrorKind;
	message: string;
	description?: string;
	/** The task at the provider, when one exists: the error names it and how to fetch it later. */
	task?: TaskHandle;
	httpStatus?: number;
	/** The provider's own error code (content policy, quota, bad parameter…). */
	providerCode?: string;
	/** The provider's own message, where its error body had one. */
	providerMessage?: string;
	/** The task's last status, when it has one. */
	taskStatus?: TaskStatus;
	/** A paid task may exist: the one in `task`, or one that a submit failing without an answer may have created. */
	taskMayExist?: boolean;
	/** A transient failure (the policy would have retried it) that gave up only because the deadline came. */
	transient?: boolean;
	cause?: unknown;
}

/** Every error of the node, built complete where it happens and never changed afterwards. */
export class WanError extends Error {
	readonly kind: WanErrorKind;
	readonly description?: string;
	readonly task?: TaskHandle;
	readonly httpStatus?: number;
	readonly providerCode?: string;
	readonly providerMessage?: string;
	readonly taskStatus?: TaskStatus;
	readonly taskMayExist: boolean;
	readonly transient: boolean;

	constructor(fields: WanErrorFields) {
		super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
		this.name = 'WanError';
		this.kind = fields.kind;
		this.description = fields.description;
		this.task = fields.task;
		this.httpStatus = fields.httpStatus;
		this.providerCode = fields.providerCode;
		this.providerMessage = fields.providerMessage;
		this.taskStatus = fields.taskStatus;
		this.taskMayExist = fields.taskMayExist ?? fields.task !== undefined;
		this.transient = fields.transient ?? false;
	}

	/** The fields, to build a related error from. */
	get fields(): WanErrorFields {
		const { kind, message, description, task, httpStatus, providerCode, providerMessage, taskStatus, taskMayExist, transient, cause } = this;
		return { kind, message, description, task, httpStatus, providerCode, providerMessage, taskStatus, taskMayExist, transient, cause };
	}
}

const MAY_EXIST_WARNING = 'The provider may have created a task; check your dashboard before retrying.';

/** Where a paid task lives, so a failed or timed-out item can be picked up with Get Task. */
export function taskHint(handle: TaskHandle): string {
	return `Task ${handle.taskId} (provider ${handle.provider}, model ${handle.model}) exists at the provider: fetch it later with Operation "Get Task" and Task ID "${handle.taskId}".`;
}

function joinSentences(...parts: (string | undefined)[]): string | undefined {
	const text = parts.filter((part) => part !== undefined && part !== '').join(' ');
	return text === '' ? undefined : text;
}

/**
 * Network failures in words. The raw codes stay out of messages: n8n replaces any message that
 * contains one with a generic text that would hide the provider and the task.
 */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNABORTED: 'no answer within the request timeout',
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	EAI_AGAIN: 'the host name could not be resolved',
	ENOTFOUND: 'the host name could not be resolved',
	ETIMEDOUT: 'no answer within the request timeout',
};

function describeOutcome(outcome: AttemptOutcome, bodyExcerpt: string | undefined): string {
	if ('networkCode' in outcome) {
		return `Network error: ${NETWORK_FAILURES[outcome.networkCode] ?? 'the request did not complete'}`;
	}
	return `HTTP ${outcome.statusCode}${bodyExcerpt ? `: ${bodyExcerpt}` : ''}`;
}

/** A provider request that failed for good: the HTTP status or network failure, and the provider's words. */
export function requestFailed(args: {
	providerName: string;
	purpose: RequestPurpose;
	outcome: AttemptOutcome;
	providerError: ProviderError | undefined;
	bodyExcerpt: string | undefined;
	transient: boolean;
	task: TaskHandle | undefined;
}): WanError {
	const { outcome, providerError, task } = args;
	const httpStatus = 'statusCode' in outcome ? outcome.statusCode : undefined;
	const orphanMayExist = args.purpose === 'submit' && mayHaveCreatedTask(outcome);
	const codePart = providerError?.code ? ` [${providerError.code}]` : '';
	const status = httpStatus ? ` (HTTP ${httpStatus})` : '';
	return new WanError({
		kind: httpStatus === undefined ? 'network' : 'http',
		message: `${args.providerName} ${args.purpose} failed${status}: ${providerError?.message ?? describeOutcome(outcome, args.bodyExcerpt)}${codePart}`,
		description: joinSentences(
			providerError?.description,
			orphanMayExist ? MAY_EXIST_WARNING : undefined,
			task ? taskHint(task) : undefined,
		),
		task,
		httpStatus,
		providerCode: providerError?.code,
		providerMessage: providerError?.message,
		taskMayExist: orphanMayExist || task !== undefined,
		transient: args.transient,
	});
}

/** A 2xx answer whose body could not be read (`reason` is the parser's `MalformedResponseError`). */
export function unreadableResponse(args: {
	providerName: string;
	reason: { message: string; body: unknown };
	httpStatus: number;
	/** The body answered a submit: the provider may have created (and billed) a task. */
	answeredSubmit: boolean;
	task: TaskHandle | undefined;
}): WanError {
	const { httpStatus, task } = args;
	return new WanError({
		kind: 'malformed',
		message: `${args.providerName} sent a response that could not be read${httpStatus ? ` (HTTP ${httpStatus})` : ''}: ${args.reason.message}`,
		description: joinSentences(
			`Response: ${excerpt(args.reason.body)}`,
			args.answeredSubmit ? MAY_EXIST_WARNING : undefined,
			task ? taskHint(task) : undefined,
		),
		task,
		httpStatus,
		taskMayExist: args.answeredSubmit || task !== undefined,
		cause: args.reason,
	});
}

/** A task that ended failed or canceled at the provider, in the provider's words. */
export function taskEnded(providerName: string, task: TaskHandle, state: TaskState): WanError {
	const code = state.errorCode ? ` [${state.errorCode}]` : '';
	return new WanError({
		kind: 'taskFailed',
		message: `${providerName} task ${task.taskId} ${state.status === 'failed' ? 'failed' : 'was canceled'}: ${state.errorMessage ?? state.rawStatus}${code}`,
		description: `Provider status "${state.rawStatus}". Model ${task.model}.`,
		task,
		providerCode: state.errorCode,
		taskStatus: state.status,
	});
}

/** A task still running when its timeout came. */
export function taskTimedOut(providerName: string, task: TaskHandle, state: TaskState, timeoutMs: number): WanError {
	const progress = state.progress === undefined ? '' : `, ${state.progress}%`;
	return new WanError({
		kind: 'timeout',
		message: `${providerName} task ${task.taskId} did not finish within ${Math.round(timeoutMs / 1000)} s (last status "${state.rawStatus}"${progress})`,
		description: `${taskHint(task)} To get the handle instead of an error, set Options → On Timeout to "Return Pending Task", or raise Options → Timeout.`,
		task,
		taskStatus: state.status,
	});
}

/** Input refused before any request (`reason` is validation's `InvalidInputError`). */
export function inputRefused(providerName: string, reason: { message: string; allowed: string }): WanError {
	return new WanError({
		kind: 'input',
		message: reason.message,
		description: `Nothing was sent to ${providerName} for this item. ${reason.allowed}`,
		cause: reason,
	});
}

/** A result file that could not be fetched: `what` names the file and the task. */
export function downloadFailed(what: string, cause: WanError): WanError {
	return new WanError({ ...cause.fields, kind: 'download', message: `${what}: ${cause.message}`, cause });
}

/**
 * A file from a binary field that could not be put at the provider. `what` names the field and the file;
 * the item's submit was not sent. `cause` is the upload request's error, or the reason its answer was unusable.
 */
export function uploadFailed(what: string, providerName: string, cause: WanError | { message: string }): WanError {
	const fields = cause instanceof WanError ? cause.fields : { kind: 'malformed' as const, message: cause.message };
	return new WanError({
		...fields,
		message: `${what} could not be uploaded: ${cause.message}`,
		description: `Nothing was submitted to ${providerName} for this item.${fields.description ? ` ${fields.description}` : ''}`,
		taskMayExist: false,
		cause,
	});
}

/**
 * Anything thrown that is not a WanError yet, naming the task if one exists. An error of n8n's own
 * is kept whole as the cause: the node passes it on as it is.
 */
export function asWanError(error: unknown, task?: TaskHandle): WanError {
	if (error instanceof WanError) return error;
	const fromN8n = error instanceof NodeApiError || error instanceof NodeOperationError;
	const httpCode = error instanceof NodeApiError ? Number(error.httpCode ?? undefined) : NaN;
	return new WanError({
		kind: 'unexpected',
		message: error instanceof Error ? error.message : String(error),
		description: fromN8n ? error.description ?? undefined : task ? taskHint(task) : undefined,
		task,
		httpStatus: Number.isInteger(httpCode) ? httpCode : undefined,
		cause: error,
	});
}

/** The same error, its description naming every task of the run (so none is lost when the run fails). */
export function withRunTasks(error: WanError, taskIds: string[]): WanError {
	if (taskIds.length <= 1) return error;
	const description = `${error.description ?? ''} Tasks of this run at the provider: ${taskIds.join(', ')}.`.trim();
	return new WanError({ ...error.fields, description });
}
