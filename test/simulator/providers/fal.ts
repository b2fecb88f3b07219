/**
 * fal's queue (https://docs.fal.ai/model-endpoints/queue): `POST /{endpoint id}` (the model input as the
 * body, `?fal_webhook=` optional) answers the request id and its URLs; `GET /{owner}/{app}/requests/{id}/status`
 * answers IN_QUEUE → IN_PROGRESS → COMPLETED; `GET /{owner}/{app}/requests/{id}` the outputs, or the run's
 * error; `PUT …/cancel` while queued. Status, result and cancel live under the app id only: a path with the
 * endpoint's sub-path finds no request, as at fal. Auth `Authorization: Key <key>`.
 *
 * fal queues any JSON body and validates it when the run starts: an input the endpoint's page does not
 * allow makes the run fail with a 422 naming the field, as fal's model errors do (https://docs.fal.ai/errors).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { documentedErrorBody } from '../../fixtures/documented';
import { CALLBACK_RETRY_DELAYS_MS, acceptableCallbackUrl } from '../callbacks';
import { parseJsonObject } from '../http';
import type { AuthCheck, SimContext, SimProvider, SimRequest, SimResponse, SimRoute, SimTask, TaskFailure } from '../types';
import { endpointRules, type FalRefusal } from './falRules';

export const FAL_DEFAULT_FAILURE: TaskFailure = {
	code: 'content_policy_violation',
	message: 'The content could not be processed because it contained material flagged by a content checker.',
};

const REQUEST_PATH = /^\/(.+?)\/requests\/([^/]+)(\/status|\/cancel)?$/;

/** fal's error body for a status: the documented one, else a `detail` of its own. */
export function falErrorBody(status: number): unknown {
	return documentedErrorBody('fal', status) ?? { detail: status === 404 ? 'Not Found' : `HTTP ${status}` };
}

const notFound = (): SimResponse => ({ status: 404, body: { detail: 'Request not found' } });

/** The owner and app of an endpoint id: where its requests live. */
const appOf = (endpointId: string): string => endpointId.split('/').slice(0, 2).join('/');

/** Runs that fal refused when they started, by task id: the field at fault and why. */
const refusals = new Map<string, FalRefusal>();

function submit(req: SimRequest, ctx: SimContext): SimResponse {
	const endpointId = req.path.slice(1);
	const rules = endpointRules(endpointId);
	if (!rules) return { status: 404, body: { detail: `Application '${appOf(endpointId)}' not found` } };
	const body = parseJsonObject(req.rawBody);
	if (!body) return { status: 422, body: { detail: [{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' }] } };
	const numImages = typeof body.num_images === 'number' && Number.isInteger(body.num_images) && body.num_images >= 1 ? body.num_images : 1;
	const task = ctx.createTask('fal', {
		id: randomUUID(),
		model: endpointId,
		kind: rules.kind,
		body,
		prompt: typeof body.prompt === 'string' ? body.prompt : undefined,
		defaultResultCount: rules.kind === 'image' ? numImages : 1,
	});
	const refusal = rules.check(body);
	if (refusal) refusals.set(task.id, refusal);
	const webhook = req.query.get('fal_webhook');
	if (acceptableCallbackUrl(webhook)) ctx.requestCallback(task, webhook);
	const base = `${ctx.origin}/fal/${appOf(endpointId)}/requests/${task.id}`;
	return {
		status: 200,
		body: { request_id: task.id, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel`, queue_position: 0 },
	};
}

/** The task a request path names, if it is one of this app's. */
function taskAt(path: string, ctx: SimContext): SimTask | undefined {
	const match = REQUEST_PATH.exec(path);
	const task = match ? ctx.findTask('fal', decodeURIComponent(match[2])) : undefined;
	return task && appOf(task.model) === match?.[1] ? task : undefined;
}

function status(task: SimTask, ctx: SimContext): SimResponse {
	const phase = ctx.poll(task);
	const responseUrl = `${ctx.origin}/fal/${appOf(task.model)}/requests/${task.id}`;
	if (phase.state === 'queued') return { status: 200, body: { status: 'IN_QUEUE', queue_position: 0, response_url: responseUrl } };
	if (!phase.terminal) return { status: 200, body: { status: 'IN_PROGRESS', response_url: responseUrl, logs: [] } };
	const inferenceTime = Math.round(task.behaviour.durationMs) / 1000;
	return { status: 200, body: { status: 'COMPLETED', logs: [], metrics: { inference_time: inferenceTime }, response_url: responseUrl } };
}

function result(task: SimTask, ctx: SimContext): SimResponse {
	const phase = ctx.phase(task);
	if (!phase.terminal) return { status: 400, body: { detail: 'Request is still in progress' } };
	if (phase.state === 'canceled') return { status: 499, body: { detail: 'The request was cancelled by the client.', error_type: 'client_cancelled' } };
	const refusal = refusals.get(task.id);
	if (refusal) return { status: 422, body: { detail: [{ loc: ['body', refusal.field], msg: refusal.message, type: 'value_error' }] } };
	if (phase.state === 'failed') {
		const failure = task.behaviour.failure ?? FAL_DEFAULT_FAILURE;
		return { status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: failure.message, type: failure.code, url: `https://docs.fal.ai/errors#${failure.code}` }] } };
	}
	const urls = ctx.resultUrls(task);
	if (task.kind === 'video') {
		return { status: 200, body: { video: { url: urls[0], content_type: 'video/mp4', file_name: 'output.mp4', file_size: 4404019 }, seed: 712386720 } };
	}
	const images = urls.map((url, index) => ({ url, content_type: 'image/png', file_name: `image-${index + 1}.png`, width: 1280, height: 1280 }));
	return { status: 200, body: { images, seed: 1966191 } };
}

function cancel(task: SimTask, ctx: SimContext): SimResponse {
	if (ctx.phase(task).state !== 'queued' || !ctx.cancel(task)) return { status: 400, body: { status: 'ALREADY_COMPLETED' } };
	return { status: 202, body: { status: 'CANCELLATION_REQUESTED' } };
}

export const falProvider: SimProvider = {
	id: 'fal',

	classify(method: string, path: string): { route: SimRoute; taskId?: string } {
		const match = REQUEST_PATH.exec(path);
		if (!match) return method === 'POST' ? { route: 'submit' } : { route: 'other' };
		const taskId = decodeURIComponent(match[2]);
		const routes: Record<string, SimRoute> = { 'GET /status': 'status', 'GET ': 'result', 'PUT /cancel': 'cancel' };
		const route: SimRoute | undefined = routes[`${method} ${match[3] ?? ''}`];
		return route ? { route, taskId } : { route: 'other' };
	},

	credentialFields: (origin: string) => ({ filesBaseUrl: `${origin}/fal-storage` }),

	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck {
		const value = headers.authorization?.trim();
		if (!value) return 'missing';
		return /^Key\s+(.+)$/i.exec(value)?.[1] === apiKey ? 'ok' : 'bad';
	},

	authError(check: AuthCheck): SimResponse {
		return { status: 401, body: check === 'missing' ? { detail: 'Unauthorized' } : { detail: 'No user found for Key ID and Secret' } };
	},

	errorBody: falErrorBody,

	// The webhook's body (https://docs.fal.ai/model-endpoints/webhooks): the result, or the error's detail.
	callbackBody(task: SimTask, ctx: SimContext): unknown {
		const answer = result(task, ctx);
		const ok = answer.status === 200;
		return {
			request_id: task.id,
			gateway_request_id: task.id,
			status: ok ? 'OK' : 'ERROR',
			payload: ok ? answer.body : (answer.body as { detail?: unknown }).detail,
			...(ok ? {} : { error: `Invalid status code: ${answer.status}` }),
		};
	},
	callbackRetryDelaysMs: CALLBACK_RETRY_DELAYS_MS.fal,

	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse {
		if (route === 'submit') return submit(req, ctx);
		const task = taskAt(req.path, ctx);
		if (!task || route === 'other') return notFound();
		if (route === 'status') return status(task, ctx);
		if (route === 'result') return result(task, ctx);
		return cancel(task, ctx);
	},
};
