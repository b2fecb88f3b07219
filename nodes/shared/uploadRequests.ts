import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { StreamedForm, type StreamedFilePart } from './multipartForm';
import type { ProviderAdapter, UploadRequests } from './providers/adapter';
import type { Clock } from './scheduler/clock';
import { REQUEST_TIMEOUT_MS, fromFullResponse, withRetries, type FullResponse } from './transport';

/** How long failed attempts of one upload are retried for, beyond its first attempt. */
const RETRY_WINDOW_MS = 120_000;
/** The slowest link an upload attempt allows for before it is treated as lost: 1 MiB/s. */
const SLOWEST_BYTES_PER_MS = (1024 * 1024) / 1000;

export interface UploadContext {
	fn: IExecuteFunctions;
	adapter: ProviderAdapter;
	/** The credential's key header, as the transport sends it. */
	authorization: Record<string, string>;
	signal: AbortSignal | undefined;
	clock: Clock;
}

/** The file of one upload, opened afresh for every attempt: a stream read once cannot be sent again. */
export interface UploadSource {
	bytes: number;
	/** As a multipart file part. */
	part(): Promise<StreamedFilePart>;
	/** As a request body of its own: a stream from n8n's store, or the bytes of an inline file. */
	body(): Promise<IHttpRequestOptions['body']>;
}

/** The requests of one file's upload, under the upload retry policy. */
export function uploadRequests(ctx: UploadContext, source: UploadSource): UploadRequests {
	const { bytes } = source;
	const { fn, adapter, clock } = ctx;
	const attemptTimeoutMs = Math.max(REQUEST_TIMEOUT_MS, Math.ceil(bytes / SLOWEST_BYTES_PER_MS));
	const retryContext = () => ({
		signal: ctx.signal,
		clock,
		deadline: clock.now() + attemptTimeoutMs + RETRY_WINDOW_MS,
		requestTimeoutMs: attemptTimeoutMs,
		providerName: adapter.displayName,
	});
	const send = async (options: IHttpRequestOptions, withKey: boolean) => {
		// Following redirects would hold the whole body in memory to resend it: a file host never redirects.
		const full = { ...options, json: true, ignoreHttpStatusErrors: true, returnFullResponse: true, disableFollowRedirect: true, abortSignal: ctx.signal };
		const response = withKey
			? await fn.helpers.httpRequestWithAuthentication.call(fn, adapter.credentialType, {
					...full,
					headers: { ...full.headers, ...ctx.authorization },
				})
			: await fn.helpers.httpRequest(full);
		return fromFullResponse(response as FullResponse);
	};

	return {
		async api({ method, url, qs, body }) {
			const response = await withRetries(
				'upload',
				retryContext(),
				async (timeout) => await send({ method, url, qs, body, timeout }, true),
				adapter.parseError,
			);
			return response.body;
		},
		async put({ url, contentType }) {
			const response = await withRetries(
				'upload',
				retryContext(),
				async (timeout) => {
					const headers = { 'Content-Type': contentType, 'Content-Length': String(bytes) };
					return await send({ method: 'PUT', url, headers, body: await source.body(), timeout }, false);
				},
				() => undefined,
			);
			return response.body;
		},
		async multipart({ url, fields, withKey, readError }) {
			const response = await withRetries(
				'upload',
				retryContext(),
				async (timeout) => {
					const form = new StreamedForm();
					for (const [name, value] of fields) form.append(name, value);
					form.append('file', await source.part());
					// n8n's types know only the `form-data` package; its client takes any spec-shaped form.
					const body = form as unknown as IHttpRequestOptions['body'];
					return await send({ method: 'POST', url, body, timeout }, withKey);
				},
				readError ?? adapter.parseError,
			);
			return response.body;
		},
	};
}
