import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ProviderModel } from '../modelSpec';
import type { ProviderRateLimit } from '../rateLimiter';
import type { GenerationRequest } from '../request';
import type {
	HttpMethod,
	MediaType,
	ProviderError,
	ProviderId,
	ProviderRequest,
	TaskHandle,
	TaskState,
} from '../types';

/** How a provider takes a file from a binary field of the input item, as its docs allow. */
export interface BinaryInput {
	/** The media types it takes inline as a `data:` URI, each with the largest file in bytes. */
	dataUri: Partial<Record<MediaType, number>>;
	/** Its upload route, for the files it does not take inline. */
	upload?: FileUpload;
}

/** Whether a file goes inline as a `data:` URI (else through the upload route): the one rule validation and sending share. */
export function sentInline(input: BinaryInput | undefined, type: MediaType, bytes: number): boolean {
	const limit = input?.dataUri[type];
	return limit !== undefined && bytes <= limit;
}

/** A file from a binary field, as an upload describes it; its bytes are read only as they are sent. */
export interface UploadFile {
	fileName: string;
	mimeType: string;
	bytes: number;
	type: MediaType;
}

/**
 * The requests an upload makes, sent by the node under the upload retry policy (free and idempotent,
 * so retried like polls). Each resolves to the 2xx answer's body, or throws the request's `WanError`.
 */
export interface UploadRequests {
	/** A request to the provider's API at an absolute URL, with the credential's key (and a JSON body, if given). */
	api(request: { method: HttpMethod; url: string; qs?: Record<string, string>; body?: IDataObject }): Promise<unknown>;
	/** A PUT of the file's bytes alone, as `contentType`, to a signed storage URL: no key is sent. */
	put(request: { url: string; contentType: string }): Promise<unknown>;
	/**
	 * A `multipart/form-data` POST of `fields` in order, then the file as the part `file`, always last.
	 * The credential's key is sent only `withKey`: storage hosts get signed fields instead.
	 */
	multipart(request: {
		url: string;
		fields: ReadonlyArray<[string, string]>;
		withKey: boolean;
		readError?: (body: unknown) => ProviderError | undefined;
	}): Promise<unknown>;
}

/** A provider's route for files: what it takes, and how one file gets there. */
export interface FileUpload {
	/** The media types it uploads, each with the largest file in bytes. */
	maxBytes: Partial<Record<MediaType, number>>;
	/** The MIME types it takes of a media type, where it takes fewer than Wan does. */
	mimeTypes?: Partial<Record<MediaType, readonly string[]>>;
	/**
	 * Puts one file at the provider and returns what a submit then names it by. Throws
	 * `UploadRefusedError` when the host says no, `MalformedResponseError` on an answer it cannot read.
	 */
	upload(
		file: UploadFile,
		requests: UploadRequests,
		target: { credentials: ICredentialDataDecryptedObject; modelId: string },
	): Promise<string>;
}

/**
 * Where a finished task's results come from a second request (fal: the status says COMPLETED, the outputs
 * are at the request's response URL). Built from the handle alone, so Get Task can fetch it too.
 */
export interface ResultStep {
	/** The request for the results of a task whose status says it finished. */
	build(handle: TaskHandle): ProviderRequest;
	/** Its answer read into the task's final state; `finished` is the status that said it was done. */
	parse(body: unknown, finished: TaskState): TaskState;
}

/**
 * Where one request lists the statuses of many tasks (DashScope's batch query, by time range and model,
 * not by task id). The polls of a run's running tasks share it; a task it says ended, or does not list,
 * takes its own status request, which alone carries the results.
 */
export interface StatusList {
	/** One page of the tasks submitted from `since` to `until` (epoch ms), of `model` where the run's tasks share one. */
	build(query: { since: number; until: number; model?: string; page: number }): ProviderRequest;
	/** Each listed task's state (status only, no results) by task id, and how many pages the list has. */
	parse(body: unknown): { states: Map<string, TaskState>; pages: number };
}

/** A submit response, parsed: the provider's task id and, when it says, the task's first state. */
export interface SubmittedTask {
	taskId: string;
	state?: TaskState;
}

/**
 * One provider, as pure functions over plain data. The transport performs the requests these build;
 * the scheduler decides when. Parsers throw `MalformedResponseError` on bodies they cannot read.
 */
export interface ProviderAdapter {
	id: ProviderId;
	displayName: string;
	credentialType: string;
	/** Every Wan model and mode this provider serves, with its limits (cited from the provider's docs). */
	models: readonly ProviderModel[];
	/** Files from binary fields; absent where the provider takes media only from public URLs. */
	binaryInput?: BinaryInput;
	/**
	 * Sustained requests per second for one run, shared by all its tasks, and the burst allowed; where the
	 * provider limits submits apart from the rest (per model), those have their own pace.
	 */
	rateLimit: ProviderRateLimit;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** The auth header, where the provider does not take the key as a Bearer token (fal: `Key <key>`). */
	authorization?(credentials: ICredentialDataDecryptedObject): Record<string, string>;
	/**
	 * Refuses a request this provider cannot serve with these credentials (throws `InvalidInputError`),
	 * before anything is sent.
	 */
	preflight?(request: GenerationRequest, credentials: ICredentialDataDecryptedObject): void;
	buildSubmit(request: GenerationRequest): ProviderRequest;
	parseSubmit(body: unknown): SubmittedTask;
	buildStatus(handle: TaskHandle): ProviderRequest;
	parseStatus(body: unknown): TaskState;
	/**
	 * Where a status that says "succeeded" carries no results: the request that fetches them. An HTTP
	 * error answer to it is the task's own failure (the provider's error for the run).
	 */
	result?: ResultStep;
	/** Where the provider lists many tasks' statuses in one request. */
	statusList?: StatusList;
	/** Where the provider can cancel a task; `undefined` where it cannot (now). */
	buildCancel?(handle: TaskHandle, state: TaskState | undefined): ProviderRequest | undefined;
	/** The provider's message from an HTTP error body, if the body has one. */
	parseError(body: unknown): ProviderError | undefined;
	/**
	 * Where the provider posts task callbacks (a callback URL sent with the submit): the task id a callback
	 * body names, if it names one. Only an id to compare: the node never trusts the rest of the body.
	 * Absent where the provider has no task callbacks, so Wait Method offers only polling.
	 */
	callbackTaskId?(body: unknown): string | undefined;
}

/**
 * A provider answered 2xx with a body we cannot read. Parsers throw it without knowing the request;
 * the scheduler turns it into the node's error (a `WanError` of kind `malformed`) with the HTTP
 * status and the task.
 */
export class MalformedResponseError extends Error {
	constructor(
		message: string,
		readonly body: unknown,
	) {
		super(message);
		this.name = 'MalformedResponseError';
	}
}

/** A file host answered that it will not take the file (the reason in its words). */
export class UploadRefusedError extends Error {
	constructor(
		message: string,
		readonly body: unknown,
	) {
		super(message);
		this.name = 'UploadRefusedError';
	}
}

/** Strips a trailing slash so paths can always start with one. */
export function trimBaseUrl(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/**
 * A submit answer. The task id is what must not be lost; the first state is read only where the body
 * has a readable one, so a terse answer never turns a created task into an error.
 */
export function submittedTask(taskId: string, body: unknown, readState: (body: unknown) => TaskState): SubmittedTask {
	try {
		return { taskId, state: readState(body) };
	} catch {
		return { taskId };
	}
}
