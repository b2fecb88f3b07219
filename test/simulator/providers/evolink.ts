/**
 * EvoLink (api.evolink.ai), as documented in the seed docs and providers.md §1:
 * `POST /v1/videos/generations`, `POST /v1/images/generations`, `GET /v1/tasks/{id}`, Bearer auth,
 * statuses `pending` → `processing` → `completed` | `failed`, errors `{error:{code,message,type,param?}}`.
 * EvoLink documents no cancel endpoint, so none is simulated.
 */
import type { IncomingHttpHeaders } from 'node:http';

import type { AuthCheck, SimContext, SimProvider, SimRequest, SimResponse, SimRoute, SimTask, TaskFailure } from '../types';
import { documented, documentedErrorBody, documentedErrors } from '../../fixtures/documented';
import { checkBearer, classifyBy, parseJsonObject, pathId, type RouteTable } from '../http';

export const EVOLINK_DEFAULT_FAILURE: TaskFailure = {
	code: 'content_policy_violation',
	message: 'Content policy violation detected',
};

/** Task error codes EvoLink documents as non-retryable (the rest are service-side). */
const REQUEST_ERROR_CODES = new Set([
	'content_policy_violation',
	'invalid_parameters',
	'image_dimension_mismatch',
	'image_processing_error',
	'model_unavailable',
]);

interface EvoLinkError {
	code: number;
	message: string;
	type: string;
	param?: string;
	fallback_suggestion?: string;
}

/** Statuses EvoLink answers that its docs give no body for. */
const UNDOCUMENTED_ERRORS: Record<number, Omit<EvoLinkError, 'code'>> = {
	413: { message: 'Request payload too large', type: 'invalid_request_error' },
};

/** The documented body for an HTTP status (the submit one where the docs give two), else a made-up one. */
export function evolinkErrorBody(status: number): { error: EvoLinkError } {
	const documentedBody = documentedErrorBody('evolink', status) as { error: EvoLinkError } | undefined;
	if (documentedBody) return documentedBody;
	const known = UNDOCUMENTED_ERRORS[status] ?? { message: `HTTP ${status}`, type: 'api_error' };
	return { error: { code: status, ...known } };
}

/** The documented answer to a task id EvoLink does not know. */
function taskNotFound(): unknown {
	return documentedErrors('evolink').find((entry) => entry.name === '404 query')?.body;
}

const TASK_PATH = /^\/v1\/tasks\/([^/]+)$/;
const SUBMIT_PATHS: Record<string, 'video' | 'image'> = {
	'/v1/videos/generations': 'video',
	'/v1/images/generations': 'image',
};

const ROUTES: RouteTable = [
	['POST', (path) => SUBMIT_PATHS[path] !== undefined, 'submit'],
	['GET', (path) => TASK_PATH.test(path), 'status'],
];

function randomSuffix(length: number): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
	return out;
}

function submit(req: SimRequest, ctx: SimContext): SimResponse {
	const kind = SUBMIT_PATHS[req.path];
	const body = parseJsonObject(req.rawBody);
	if (!body || typeof body.model !== 'string' || body.model.trim() === '') {
		return { status: 400, body: { error: { ...evolinkErrorBody(400).error, param: 'model' } } };
	}
	let defaultResultCount = 1;
	if (kind === 'image' && typeof body.n === 'number' && Number.isInteger(body.n) && body.n >= 1) {
		defaultResultCount = body.n;
	}
	const epoch = Math.floor(Date.now() / 1000);
	const task = ctx.createTask('evolink', {
		id: `task-unified-${epoch}-${randomSuffix(8)}`,
		model: body.model,
		kind,
		body,
		prompt: typeof body.prompt === 'string' ? body.prompt : undefined,
		defaultResultCount,
	});
	const duration = task.behaviour.durationMs;
	// The documented answer (usage and all), with this task's fields.
	const answer = documented('evolink', 'submit-response');
	return {
		status: 200,
		body: {
			...answer,
			created: Math.floor(task.createdEpochMs / 1000),
			id: task.id,
			model: task.model,
			object: `${kind}.generation.task`,
			progress: 0,
			status: 'pending',
			task_info: { can_cancel: true, estimated_time: Number.isFinite(duration) ? Math.ceil(duration / 1000) : 0 },
			type: kind,
		},
	};
}

/** The task query body, as in the doc example, for the task's state now. */
export function evolinkTaskBody(task: SimTask, ctx: SimContext, record = true): Record<string, unknown> {
	const phase = record ? ctx.poll(task) : ctx.phase(task);
	const status = {
		queued: 'pending',
		running: 'processing',
		succeeded: 'completed',
		failed: 'failed',
		canceled: 'cancelled',
	}[phase.state];
	// The documented task query, without its results, with this task's fields.
	const { results: _documentedResults, ...template } = documented('evolink', 'status-succeeded');
	const body: Record<string, unknown> = {
		...template,
		created: Math.floor(task.createdEpochMs / 1000),
		id: task.id,
		model: task.model,
		object: `${task.kind}.generation.task`,
		progress: phase.progress,
	};
	if (phase.state === 'succeeded') body.results = ctx.resultUrls(task);
	body.status = status;
	body.task_info = { can_cancel: !phase.terminal };
	body.type = task.kind;
	if (phase.state === 'failed') {
		const failure = task.behaviour.failure ?? EVOLINK_DEFAULT_FAILURE;
		body.error = {
			code: failure.code,
			message: failure.message,
			type: failure.type ?? (REQUEST_ERROR_CODES.has(failure.code) ? 'invalid_request_error' : 'upstream_error'),
		};
	}
	return body;
}

export const evolinkProvider: SimProvider = {
	id: 'evolink',

	classify: (method: string, path: string) => classifyBy(ROUTES, method, path, (p) => pathId(TASK_PATH, p)),

	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		return checkBearer(headers, (token) => token === apiKey);
	},

	authError(): SimResponse {
		return { status: 401, body: evolinkErrorBody(401) };
	},

	errorBody: evolinkErrorBody,

	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse {
		if (route === 'submit') return submit(req, ctx);
		if (route === 'status') {
			const id = pathId(TASK_PATH, req.path);
			const task = id === undefined ? undefined : ctx.findTask('evolink', id);
			if (!task) return { status: 404, body: taskNotFound() };
			return { status: 200, body: evolinkTaskBody(task, ctx) };
		}
		return { status: 404, body: { error: { code: 404, message: 'Not found', type: 'not_found_error' } } };
	},
};
