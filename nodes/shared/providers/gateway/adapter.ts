import type { IDataObject } from 'n8n-workflow';

import { numberAt, pathOf, stringAt } from '../../json';
import type { GenerationRequest } from '../../request';
import type { TaskState, TaskStatus } from '../../types';
import { MalformedResponseError, trimBaseUrl, type ProviderAdapter, type SubmittedTask } from '../adapter';
import { compact, compactOrNone, usageAt } from '../body';
import { dashscopeVideoFields } from '../dashscope';
import { refuseLostValues } from './fidelity';
import { GATEWAY_MODELS } from './models';
import { GENEROUS_RATE } from '../../rateLimiter';

/** New API's task statuses (`GET /v1/video/generations/{id}`, `data.status`). */
const TASK_STATUSES: Record<string, TaskStatus> = {
	NOT_START: 'queued',
	// Newer builds' internal state while the upstream request is in flight.
	SUBMITTING: 'queued',
	SUBMITTED: 'queued',
	QUEUED: 'queued',
	IN_PROGRESS: 'running',
	SUCCESS: 'succeeded',
	FAILURE: 'failed',
	// model.TaskStatusUnknown. No Ali code path stores it (DashScope's own UNKNOWN arrives as FAILURE), and
	// New API's poller still polls a task in it (every task neither SUCCESS nor FAILURE whose progress is
	// not 100%) until its timeout sweep fails it: the task is still open, so keep polling.
	UNKNOWN: 'unknown',
};

/** The OpenAI video object's statuses (submit response). */
const VIDEO_STATUSES: Record<string, TaskStatus> = {
	queued: 'queued',
	in_progress: 'running',
	completed: 'succeeded',
	failed: 'failed',
	// DashScope answered the submit with a status New API does not map: the task exists, poll it.
	unknown: 'unknown',
};

/** The gateway's wording of an upstream (DashScope) task failure. */
const UPSTREAM_FAILURE = /^task failed, code: (.*?)\s*, message: ([\s\S]*)$/;

/** DashScope end states New API reports as a bare "task failed" (no code, no message). */
const UPSTREAM_ENDINGS: Record<string, string> = {
	UNKNOWN: 'DashScope no longer knows this task (UNKNOWN: its id expired after 24 hours or was never accepted)',
	CANCELED: 'DashScope canceled this task (CANCELED)',
};

/** A table's own entry (a status word such as "constructor" finds nothing). */
function lookup<T>(table: Record<string, T>, key: string | undefined): T | undefined {
	return key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The video URL: `result_url` in current builds; older builds (seed doc 003) leave it out and carry the
 * raw DashScope body in `data.data`, and put the URL in `fail_reason` too.
 */
function resultUrls(task: unknown, succeeded: boolean): string[] {
	const url =
		nonEmpty(stringAt(task, 'result_url')) ??
		nonEmpty(stringAt(task, 'data', 'output', 'video_url')) ??
		(succeeded ? stringAt(task, 'fail_reason')?.match(/^https?:\/\/\S+$/)?.[0] : undefined);
	return url ? [url] : [];
}

function failure(task: unknown): Pick<TaskState, 'errorCode' | 'errorMessage'> {
	const reason = nonEmpty(stringAt(task, 'fail_reason'));
	const matched = reason ? UPSTREAM_FAILURE.exec(reason) : null;
	if (matched) return { errorCode: nonEmpty(matched[1]), errorMessage: matched[2] };
	const upstreamMessage = nonEmpty(stringAt(task, 'data', 'output', 'message'));
	if (upstreamMessage) {
		return { errorCode: nonEmpty(stringAt(task, 'data', 'output', 'code')), errorMessage: upstreamMessage };
	}
	const bare = reason === undefined || reason === 'task failed';
	const ending = bare ? lookup(UPSTREAM_ENDINGS, stringAt(task, 'data', 'output', 'task_status')) : undefined;
	return { errorMessage: ending ?? reason };
}

/**
 * A task left in UNKNOWN at progress 100% is one New API no longer polls nor times out (both skip
 * progress "100%"), so it never changes again.
 */
function abandoned(rawStatus: string, progress: number | undefined): boolean {
	return rawStatus === 'UNKNOWN' && progress === 100;
}

/** DashScope's `usage` (seconds, video count, resolution), which the gateway keeps in the stored poll body. */
function upstreamUsage(task: unknown): IDataObject | undefined {
	return usageAt(task, 'data', 'usage');
}

function taskState(body: unknown): TaskState {
	const task = pathOf(body, 'data');
	const rawStatus = pathOf(task, 'status');
	if (typeof rawStatus !== 'string') {
		const code = nonEmpty(stringAt(body, 'code'));
		const said = code && code !== 'success' ? ` (code "${code}": ${stringAt(body, 'message') ?? ''})` : '';
		throw new MalformedResponseError(`Gateway task response has no data.status${said}`, body);
	}
	const progress = numberAt(task, 'progress');
	if (abandoned(rawStatus, progress)) {
		return {
			status: 'failed',
			rawStatus,
			progress,
			urls: [],
			errorMessage: 'New API left this task in status UNKNOWN and no longer polls it',
		};
	}
	const status = lookup(TASK_STATUSES, rawStatus) ?? 'unknown';
	const usage = upstreamUsage(task);
	return {
		status,
		rawStatus,
		progress,
		urls: resultUrls(task, status === 'succeeded'),
		...(status === 'failed' ? failure(task) : {}),
		...(usage ? { usage } : {}),
	};
}

/**
 * New API adds `size: "1280*720"` to every model whose name has "t2v" when the request has no size of its
 * own; on Wan 2.7 that size would stand beside the resolution and ratio the user chose. An empty size
 * replaces it and is then dropped before DashScope (the Go adaptor's `omitempty`, the plugin's
 * falsy-field cleanup), so DashScope gets the resolution and ratio alone.
 */
function clearsDefaultSize(request: GenerationRequest): boolean {
	return request.spec.mediaProtocol === true && request.modelId.includes('t2v');
}

/** The request's `input` and `parameters` under DashScope's names. */
function metadataOf(request: GenerationRequest): IDataObject | undefined {
	const fields = dashscopeVideoFields(request);
	const input = compactOrNone(fields.input);
	const parameters = clearsDefaultSize(request) ? { ...fields.parameters, size: '' } : compactOrNone(fields.parameters);
	return input || parameters ? compact({ input, parameters }) : undefined;
}

function submitted(body: unknown): SubmittedTask {
	const taskId = nonEmpty(stringAt(body, 'id')) ?? nonEmpty(stringAt(body, 'task_id'));
	if (!taskId) throw new MalformedResponseError('Gateway submit response has no task id', body);
	const rawStatus = pathOf(body, 'status');
	if (typeof rawStatus !== 'string') return { taskId };
	return {
		taskId,
		state: {
			status: lookup(VIDEO_STATUSES, rawStatus) ?? 'unknown',
			rawStatus,
			progress: numberAt(body, 'progress'),
			urls: [],
		},
	};
}

export const gateway: ProviderAdapter = {
	id: 'gateway',
	displayName: 'OpenAI-Compatible Gateway (New API)',
	credentialType: 'wanGatewayApi',
	models: GATEWAY_MODELS,
	// New API passes `data:` URIs through to DashScope as they are: DashScope's image limit applies.
	binaryInput: { dataUri: { image: 10 * 1024 * 1024 } },
	// A self-hosted gateway sets its own limits (it answers 429 beyond them).
	rateLimit: GENEROUS_RATE,

	baseUrl(credentials) {
		// OpenAI clients are configured with `…/v1`; the routes below already start with it.
		const url = trimBaseUrl(String(credentials.baseUrl ?? '')).replace(/\/v1$/i, '');
		if (!url) {
			throw new Error(
				'The OpenAI-Compatible Gateway credential has no Base URL: enter the address of your New API gateway, e.g. https://gateway.example.com',
			);
		}
		return url;
	},

	preflight: refuseLostValues,

	buildSubmit(request) {
		// The gateway merges `metadata` onto the DashScope request it sends, so every Wan field goes
		// there under DashScope's own names; `input.img_url` reaches upstream in every gateway build, and
		// `input.media` in every build that serves Wan 2.7 (from PR #4984, May 2026).
		return {
			method: 'POST',
			path: '/v1/video/generations',
			body: compact({ model: request.modelId, prompt: request.prompt, metadata: metadataOf(request) }),
		};
	},

	parseSubmit: submitted,

	buildStatus: (handle) => ({
		method: 'GET',
		path: `/v1/video/generations/${encodeURIComponent(handle.taskId)}`,
	}),

	parseStatus: taskState,

	parseError(body) {
		// The auth and rate-limit layer answers OpenAI-style; the task routes `{code, message, data}`.
		const openAiMessage = nonEmpty(stringAt(body, 'error', 'message'));
		if (openAiMessage) {
			return {
				message: openAiMessage,
				code: nonEmpty(stringAt(body, 'error', 'code')) ?? nonEmpty(stringAt(body, 'error', 'type')),
			};
		}
		const message = nonEmpty(stringAt(body, 'message'));
		if (!message) return undefined;
		return { message, code: nonEmpty(stringAt(body, 'code')) };
	},
};
