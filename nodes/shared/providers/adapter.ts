import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ProviderModel } from '../modelSpec';
import type { GenerationRequest } from '../request';
import type {
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
	/** Sustained requests per second for one run, shared by all its tasks, and the burst allowed. */
	rateLimit: { perSecond: number; burst: number };
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
	/** Where the provider can cancel a task; `undefined` where it cannot (now). */
	buildCancel?(handle: TaskHandle, state: TaskState | undefined): ProviderRequest | undefined;
	/** The provider's message from an HTTP error body, if the body has one. */
	parseError(body: unknown): ProviderError | undefined;
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
