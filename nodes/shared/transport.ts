import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { cancellableSleep, throwIfAborted } from './cancel';
import { asRecord, excerpt } from './json';
import type { ProviderAdapter } from './providers/adapter';
import type { RateLimiter } from './rateLimiter';
import {
	backoffMs,
	isRetryable,
	mayHaveCreatedTask,
	retryAfterMs,
	NETWORK_CODES,
	type AttemptOutcome,
	type RequestPurpose,
} from './retry';
import type { ProviderError, ProviderRequest } from './types';

/** No single request waits longer than this for an answer. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** A cancel is a courtesy on the way out: it must not hold up the stop. */
const CANCEL_TIMEOUT_MS = 5_000;

export interface HttpResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, unknown>;
}

/** A provider request that failed for good: the HTTP status or network code, and the provider's words. */
export class ProviderCallError extends Error {
	constructor(
		readonly purpose: RequestPurpose,
		readonly outcome: AttemptOutcome,
		readonly providerError: ProviderError | undefined,
		readonly bodyExcerpt: string | undefined,
	) {
		super(providerError?.message ?? describeOutcome(outcome, bodyExcerpt));
		this.name = 'ProviderCallError';
	}

	get httpCode(): number | undefined {
		return 'statusCode' in this.outcome ? this.outcome.statusCode : undefined;
	}

	/** True when a failed submit may still have created a paid task. */
	get taskMayExist(): boolean {
		return this.purpose === 'submit' && mayHaveCreatedTask(this.outcome);
	}
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
	limiter: RateLimiter;
	signal: AbortSignal | undefined;
	/** Epoch ms after which no retry is attempted. */
	deadline: number;
	/** How long one attempt may wait for an answer (never past the deadline). */
	requestTimeoutMs: number;
}

type AttemptResult = HttpResponse | { networkCode: string };

/** Runs `send` until it answers 2xx, or the retry policy for `purpose` gives up. */
async function withRetries(
	purpose: RequestPurpose,
	ctx: Pick<CallContext, 'signal' | 'deadline' | 'requestTimeoutMs'> & { limiter?: RateLimiter },
	send: (timeoutMs: number) => Promise<AttemptResult>,
	parseError: (body: unknown) => ProviderError | undefined,
): Promise<HttpResponse> {
	for (let attemptNumber = 0; ; attemptNumber++) {
		await ctx.limiter?.take(ctx.signal);
		// A submit may take as long as it needs: cutting it short could leave a paid task without its id.
		const timeout =
			purpose === 'submit'
				? ctx.requestTimeoutMs
				: Math.max(1000, Math.min(ctx.requestTimeoutMs, ctx.deadline - Date.now()));
		let result: AttemptResult | { notNetwork: unknown };
		try {
			result = await send(timeout);
		} catch (error) {
			throwIfAborted(ctx.signal);
			const code = networkCode(error);
			result = code ? { networkCode: code } : { notNetwork: error };
		}
		if ('notNetwork' in result) throw result.notNetwork;
		if ('statusCode' in result && result.statusCode >= 200 && result.statusCode < 300) return result;

		const outcome: AttemptOutcome =
			'networkCode' in result ? result : { statusCode: result.statusCode };
		const body = 'body' in result ? result.body : undefined;
		const bodyText = typeof body === 'string' ? body : body === undefined ? undefined : excerpt(body, 2000);
		const hinted = 'headers' in result ? retryAfterMs(result.headers['retry-after'], bodyText) : undefined;
		// At least the backoff, so a provider repeating "Retry-After: 0" is not asked again at once forever.
		const wait = Math.max(hinted ?? 0, backoffMs(attemptNumber));
		if (!isRetryable(purpose, outcome) || Date.now() + wait >= ctx.deadline) {
			throw new ProviderCallError(
				purpose,
				outcome,
				body === undefined ? undefined : parseError(body),
				body === undefined ? undefined : excerpt(body),
			);
		}
		await cancellableSleep(wait, ctx.signal);
	}
}

/**
 * Sends one authenticated provider request under the retry policy for its purpose and returns the
 * 2xx response. Throws `ProviderCallError` when it fails for good, `ExecutionCanceledError` when the
 * run is stopped.
 */
export async function callProvider(
	ctx: CallContext,
	request: ProviderRequest,
	purpose: RequestPurpose,
): Promise<HttpResponse> {
	return await withRetries(
		purpose,
		ctx,
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

/** A provider request as n8n's helpers take it; HTTP errors come back as responses, not throws. */
function requestOptions(ctx: CallContext, request: ProviderRequest, timeout: number): IHttpRequestOptions {
	return {
		method: request.method,
		url: `${ctx.baseUrl}${request.path}`,
		qs: request.qs,
		headers: request.headers,
		body: request.body,
		json: true,
		ignoreHttpStatusErrors: true,
		timeout,
	};
}

type FullResponse = { statusCode?: number; body?: unknown; headers?: Record<string, unknown> };

function fromFullResponse(response: FullResponse): HttpResponse {
	return { statusCode: response.statusCode ?? 0, body: response.body, headers: response.headers ?? {} };
}

/**
 * Opens a result file as a stream. Result links are public CDN URLs, so no credentials are sent.
 * Network errors and 5xx are retried; 4xx (an expired link) fails at once.
 */
export async function openDownload(
	fn: IExecuteFunctions,
	url: string,
	signal: AbortSignal | undefined,
	deadline: number,
): Promise<HttpResponse> {
	return await withRetries(
		'download',
		{ signal, deadline, requestTimeoutMs: REQUEST_TIMEOUT_MS },
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
