import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { throwIfAborted } from './cancel';
import { requestFailed, type WanError } from './errors';
import { asRecord, excerpt } from './json';
import type { ProviderAdapter } from './providers/adapter';
import type { RateLimiter } from './rateLimiter';
import { backoffMs, isRetryable, retryAfterMs, NETWORK_CODES, type AttemptOutcome, type RequestPurpose } from './retry';
import type { Clock } from './scheduler/clock';
import type { ProviderError, ProviderRequest, TaskHandle } from './types';

/** No single request waits longer than this for an answer. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** A cancel is a courtesy on the way out: it must not hold up the stop. */
const CANCEL_TIMEOUT_MS = 5_000;

export interface HttpResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/**
 * The network error code inside whatever n8n's request helpers threw (ECONNRESET, ECONNABORTED, …),
 * or `undefined` when the failure is not the network's (a missing credential, an invalid URL, a bug):
 * those are not retried.
 */
function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		const code = asRecord(current)?.code;
		if (typeof code === 'string' && NETWORK_CODES.includes(code)) return code;
		current = asRecord(current)?.cause;
	}
	return undefined;
}

export interface CallContext {
	fn: IExecuteFunctions;
	adapter: ProviderAdapter;
	baseUrl: string;
	/** The auth header, read from the credential once per run (the adapter's `authorization`, else `bearerAuthorization`). */
	authorization: Record<string, string>;
	limiter: RateLimiter;
	signal: AbortSignal | undefined;
	/** Epoch ms after which no retry is attempted. */
	deadline: number;
	/** How long one attempt may wait for an answer (never past the deadline). */
	requestTimeoutMs: number;
	/** Reads the time and waits between attempts. */
	clock: Clock;
	/** The task the request is about, named in its errors. */
	task?: TaskHandle;
}

type AttemptResult = HttpResponse | { networkCode: string };

export interface RetryContext {
	signal: AbortSignal | undefined;
	deadline: number;
	requestTimeoutMs: number;
	clock: Clock;
	limiter?: RateLimiter;
	providerName: string;
	task?: TaskHandle;
}

/** Runs `send` until it answers 2xx, or the retry policy for `purpose` gives up. */
export async function withRetries(
	purpose: RequestPurpose,
	ctx: RetryContext,
	send: (timeoutMs: number) => Promise<AttemptResult>,
	parseError: (body: unknown) => ProviderError | undefined,
): Promise<HttpResponse> {
	const { clock } = ctx;
	for (let attemptNumber = 0; ; attemptNumber++) {
		await ctx.limiter?.take(ctx.signal);
		// A submit may take as long as it needs: cutting it short could leave a paid task without its id.
		const timeout =
			purpose === 'submit'
				? ctx.requestTimeoutMs
				: Math.max(1000, Math.min(ctx.requestTimeoutMs, ctx.deadline - clock.now()));
		let result: AttemptResult | { notNetwork: unknown };
		try {
			result = await send(timeout);
		} catch (error) {
			throwIfAborted(ctx.signal);
			const code = networkCode(error);
			result = code ? { networkCode: code } : { notNetwork: error };
		}
		if ('notNetwork' in result) throw result.notNetwork;
		const throttled = 'statusCode' in result && result.statusCode === 429;
		if ('statusCode' in result && !throttled) ctx.limiter?.answered();
		if ('statusCode' in result && result.statusCode >= 200 && result.statusCode < 300) return result;

		const outcome: AttemptOutcome =
			'networkCode' in result ? result : { statusCode: result.statusCode };
		const body = 'body' in result ? result.body : undefined;
		const bodyText = typeof body === 'string' ? body : body === undefined ? undefined : excerpt(body, 2000);
		const hinted = 'headers' in result ? retryAfterMs(result.headers['retry-after'], bodyText, clock.now()) : undefined;
		// The account's limit is shared by the run's tasks: all of them slow down, not only this one.
		if (throttled) ctx.limiter?.throttled(hinted);
		// A 429 already slowed the run's shared pace: this request waits only what the provider asked. Anything
		// else waits at least the backoff, so a provider repeating "Retry-After: 0" is not asked again at once.
		const paced = ctx.limiter !== undefined && throttled;
		const wait = paced ? (hinted ?? 0) : Math.max(hinted ?? 0, backoffMs(attemptNumber));
		const retryable = isRetryable(purpose, outcome);
		if (!retryable || clock.now() + wait >= ctx.deadline) {
			throw failure(ctx, purpose, outcome, body, parseError, retryable);
		}
		await clock.sleep(wait, ctx.signal);
	}
}

/** The error of a request given up on: `transient` when the policy would have retried it but for the deadline. */
function failure(
	ctx: RetryContext,
	purpose: RequestPurpose,
	outcome: AttemptOutcome,
	body: unknown,
	parseError: (body: unknown) => ProviderError | undefined,
	transient: boolean,
): WanError {
	return requestFailed({
		providerName: ctx.providerName,
		purpose,
		outcome,
		providerError: body === undefined ? undefined : parseError(body),
		bodyExcerpt: body === undefined ? undefined : excerpt(body),
		transient,
		task: ctx.task,
	});
}

/**
 * Sends one authenticated provider request under the retry policy for its purpose and returns the
 * 2xx response. Throws a `WanError` (`http` or `network`) when it fails for good,
 * `ExecutionCanceledError` when the run is stopped.
 */
export async function callProvider(
	ctx: CallContext,
	request: ProviderRequest,
	purpose: RequestPurpose,
): Promise<HttpResponse> {
	return await withRetries(
		purpose,
		{ ...ctx, providerName: ctx.adapter.displayName },
		async (timeout) => {
			const response = (await ctx.fn.helpers.httpRequestWithAuthentication.call(
				ctx.fn,
				ctx.adapter.credentialType,
				{ ...requestOptions(ctx, request, timeout), returnFullResponse: true },
			)) as FullResponse;
			return fromFullResponse(response);
		},
		ctx.adapter.parseError,
	);
}

/**
 * The Bearer header, for every provider whose adapter has no `authorization` of its own. The credentials
 * declare no `authenticate` block: n8n would then offer a "Custom API Call" operation these nodes do not
 * have (see credentials/apiKeyCredential.ts). So the node sends the key itself, read once per run with
 * the base URL.
 */
export function bearerAuthorization(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	return { Authorization: `Bearer ${String(credentials.apiKey ?? '')}` };
}

/** A provider request as n8n's helpers take it; HTTP errors come back as responses, not throws. */
function requestOptions(ctx: CallContext, request: ProviderRequest, timeout: number): IHttpRequestOptions {
	return {
		method: request.method,
		url: `${ctx.baseUrl}${request.path}`,
		qs: request.qs,
		headers: { ...request.headers, ...ctx.authorization },
		body: request.body,
		json: true,
		ignoreHttpStatusErrors: true,
		timeout,
	};
}

export type FullResponse = { statusCode?: number; body?: unknown; headers?: Record<string, unknown> };

export function fromFullResponse(response: FullResponse): HttpResponse {
	return { statusCode: response.statusCode ?? 0, body: response.body, headers: response.headers ?? {} };
}

export interface DownloadContext {
	fn: IExecuteFunctions;
	signal: AbortSignal | undefined;
	/** Epoch ms after which no retry is attempted. */
	deadline: number;
	clock: Clock;
	providerName: string;
	/** The task whose result this is. */
	task: TaskHandle;
}

/**
 * Opens a result file as a stream. Result links are public CDN URLs, so no credentials are sent.
 * Network errors and 5xx are retried; 4xx (an expired link) fails at once.
 */
export async function openDownload(ctx: DownloadContext, url: string): Promise<HttpResponse> {
	const { fn, signal } = ctx;
	return await withRetries(
		'download',
		{ ...ctx, requestTimeoutMs: REQUEST_TIMEOUT_MS },
		async (timeout) => {
			const response = fromFullResponse(
				(await fn.helpers.httpRequest({
					method: 'GET',
					url,
					encoding: 'stream',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					timeout,
					abortSignal: signal,
				})) as FullResponse,
			);
			if (response.statusCode >= 200 && response.statusCode < 300) return response;
			(response.body as { destroy?: () => void } | undefined)?.destroy?.();
			return { ...response, body: undefined };
		},
		() => undefined,
	);
}

/**
 * Best effort: asks the provider to cancel a task after the execution was stopped. n8n's request
 * helper attaches the execution's cancel signal, already fired by then, to every request made from
 * a context that has one, so this request goes out from a context without it.
 */
export async function sendCancelRequest(ctx: CallContext, request: ProviderRequest): Promise<void> {
	const { fn } = ctx;
	const detached = {
		getCredentials: fn.getCredentials.bind(fn),
		getNode: fn.getNode.bind(fn),
		helpers: fn.helpers,
		logger: fn.logger,
	} as unknown as IExecuteFunctions;
	await fn.helpers.httpRequestWithAuthentication
		.call(detached, ctx.adapter.credentialType, requestOptions(ctx, request, CANCEL_TIMEOUT_MS))
		.catch(() => undefined);
}
