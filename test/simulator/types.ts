/**
 * Public types of the local provider simulator, and the plug-in contract every simulated provider
 * implements. Test and benchmark code only: never imported by `nodes/` or `credentials/`.
 */
import type { IncomingHttpHeaders } from 'node:http';

import type { ProviderId } from '../../nodes/shared/types';
import type { UploadedFile } from './fileHosts';

export type SimProviderId = ProviderId;

/**
 * `result`: a finished task's outputs, where the provider serves them apart from its status (fal).
 * `statusBatch`: one request listing many tasks' statuses (DashScope's batch query).
 */
export type SimRoute = 'submit' | 'status' | 'statusBatch' | 'result' | 'cancel' | 'download' | 'upload' | 'other';

/** What the provider made of the request's credentials. The header itself is never stored. */
export type AuthCheck = 'ok' | 'bad' | 'missing';

export type SimMediaKind = 'video' | 'image';

/** Passed to the behaviour function when a task is about to be created. */
export interface SubmitInfo {
	provider: SimProviderId;
	/** The parsed JSON body of the submit request. */
	body: unknown;
	/** 0-based count of tasks created so far (since start or the last `reset()`). */
	index: number;
	/** The prompt, where the provider's body has one. */
	prompt?: string;
}

export interface TaskFailure {
	code: string;
	message: string;
	/** Provider error type where the provider has one (EvoLink `error.type`); a default is derived. */
	type?: string;
}

export interface TaskBehaviour {
	/** Time from creation to the terminal state, in ms. */
	durationMs: number;
	/** `never`: the task stays running forever (progress stops at 90). */
	outcome: 'success' | 'failure' | 'never';
	/** Number of result files; default: EvoLink image `n`, else 1. */
	resultCount?: number;
	/** Task error for `outcome: 'failure'`; default is the provider's content-policy error. */
	failure?: TaskFailure;
	/**
	 * If set, every result file of the task is exactly this many bytes: the real media bytes followed by
	 * zero padding, generated on the fly in 1 MiB chunks, never buffered whole.
	 */
	resultBytes?: number;
	/**
	 * 0-based indices of result files that fail on their own (with the task's `failure`, or the provider's
	 * default) while the task as a whole succeeds. Only providers that report per-result failures use it
	 * (Alibaba's legacy image protocol).
	 */
	failedResults?: number[];
	/** The provider's batch status query never lists this task (DashScope's list lagging behind its task). */
	unlisted?: boolean;
}

export interface RecordedRequest {
	/** Arrival time, on the simulator's clock (default `performance.now()` ms). */
	at: number;
	/** The provider the request was for (download: the task's provider); absent when unknown. */
	provider?: SimProviderId;
	route: SimRoute;
	method: string;
	/** The request path as received, including the provider prefix and any query string. */
	path: string;
	/** HTTP status answered; 0 while unanswered, or when the socket was reset by a fault. */
	status: number;
	taskId?: string;
	/** `statusBatch`: the tasks the answer listed. */
	taskIds?: string[];
	/** Only for API routes (not downloads). */
	authorization?: AuthCheck;
	/** Set when an injected fault answered (or delayed) this request. */
	fault?: FaultKind;
}

/**
 * The simulator's time: task ages and request times, and how a `delay` fault holds its answer.
 * Default: `performance.now()` and real timers. A test on virtual time passes its own.
 */
export interface SimClock {
	/** Milliseconds on a monotonic scale. */
	now(): number;
	/**
	 * Holds the answer to `request` for `ms` (a `delay` fault). `gone` resolves when the client hangs
	 * up; an answer to nobody may be cut short then.
	 */
	delay(ms: number, request: RecordedRequest, gone: Promise<void>): Promise<void>;
}

export interface SimTask {
	id: string;
	provider: SimProviderId;
	model: string;
	kind: SimMediaKind;
	/** The parsed submit body. */
	body: unknown;
	prompt?: string;
	/** Creation time, on the simulator's clock (default `performance.now()` ms). */
	createdAt: number;
	/** Wall clock (`Date.now()`) at creation, for the provider's epoch fields. */
	createdEpochMs: number;
	/** `createdAt + durationMs`; `Infinity` for outcome `never`. */
	doneAt: number;
	/** When a status poll first returned the terminal state (the simulator's clock). */
	firstTerminalPollAt?: number;
	/** Where the provider posts the task's callback, if its submit named a URL. */
	callbackUrl?: string;
	canceled: boolean;
	canceledAt?: number;
	/** Fully resolved: defaults applied, `resultCount` always set. */
	behaviour: TaskBehaviour & { resultCount: number };
}

export type FaultKind = 'http' | 'reset' | 'delay' | 'malformed';

export interface Fault {
	/** Only requests for this provider; any provider when absent. */
	provider?: SimProviderId;
	route: Exclude<SimRoute, 'other'>;
	/** How many matching requests this fault answers; default 1. */
	times?: number;
	/** `http`: the status (default 500). */
	status?: number;
	/** `http`: the body (object → JSON; default: the provider's own error body for the status). `malformed`: raw text. */
	body?: string | object;
	headers?: Record<string, string>;
	/**
	 * `http` (default): answer `status`/`body`/`headers` instead of the real handler (a submit creates no task).
	 * `reset`: destroy the socket without a response. `delay`: hold the request `delayMs`, then answer
	 * normally (a delayed submit does create its task, when it is answered). `malformed`: 200 with `body`
	 * as raw text.
	 */
	kind?: FaultKind;
	/** `delay`: default 1000. */
	delayMs?: number;
}

// ---------------------------------------------------------------------------------------------------
// Provider plug-in contract

/** One API request below a provider's mount point, body already read. */
export interface SimRequest {
	method: string;
	/** Path below the provider prefix, without query: `/v1/tasks/abc`. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
}

/** What a handler answers. An object body is sent as JSON, a string as-is. */
export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** The tasks a list answer names, recorded with the request. */
	taskIds?: string[];
}

/** A task's state at some instant, provider-neutral; each provider maps it to its own vocabulary. */
export interface TaskPhase {
	state: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
	/** 0 while queued, 10→90 while running, 100 when succeeded. */
	progress: number;
	terminal: boolean;
}

export interface CreateTaskInit {
	id: string;
	model: string;
	kind: SimMediaKind;
	body: unknown;
	prompt?: string;
	/** Used when the behaviour sets no `resultCount`. */
	defaultResultCount: number;
}

/** Shared machinery a provider uses: task clock, task store, result files. */
export interface SimContext {
	/** `http://127.0.0.1:PORT` */
	readonly origin: string;
	readonly apiKey: string;
	/** A file a file host received, by the URL the node was told to use for it. */
	uploaded(url: string): UploadedFile | undefined;
	/** The simulator's clock (default `performance.now()`). */
	now(): number;
	/** Asks the behaviour function, records and returns the new task. */
	createTask(provider: SimProviderId, init: CreateTaskInit): SimTask;
	/** A task of this provider, or undefined. */
	findTask(provider: SimProviderId, id: string): SimTask | undefined;
	/** Every task of this provider, oldest first. */
	tasksOf(provider: SimProviderId): SimTask[];
	/** The task's state now, without side effects. */
	phase(task: SimTask): TaskPhase;
	/** The task's state now, as returned by a status poll: records `firstTerminalPollAt`. */
	poll(task: SimTask): TaskPhase;
	/** Marks a non-terminal task canceled; false if it was already terminal. */
	cancel(task: SimTask): boolean;
	/** Result file URLs of a task (served by the simulator without auth). */
	resultUrls(task: SimTask): string[];
	/** Posts the task's callback to `url` when it ends, as the provider does (`SimProvider.callbackBody`). */
	requestCallback(task: SimTask, url: string): void;
}

/**
 * A simulated provider: one file under `test/simulator/providers/`. It maps its own routes, auth check,
 * status vocabulary and error bodies onto the shared machinery; the core does request logging, fault
 * injection, the task clock and media serving.
 */
export interface SimProvider {
	readonly id: SimProviderId;
	/**
	 * Appended to `${origin}/${id}` by `sim.baseUrl(id)`, so the result is what the node's credential
	 * base URL field wants (e.g. APIXO's default base URL ends in `/api/v1`). Default ''.
	 */
	readonly baseUrlSuffix?: string;
	/** Credential fields beside the base URL that must point at the simulator too (e.g. a separate file host). */
	credentialFields?(origin: string): Record<string, string>;
	/** Which route a request below the mount is (`other` for anything unknown), and its task id if any. */
	classify(method: string, path: string, query: URLSearchParams): { route: SimRoute; taskId?: string };
	/** Checks the credentials of an API request. */
	authorize(headers: IncomingHttpHeaders, apiKey: string): AuthCheck;
	/** The provider's answer to a request whose credentials are not `ok`. */
	authError(check: AuthCheck): SimResponse;
	/** The provider's error body for an HTTP status (used for injected `http` faults without a body). */
	errorBody(status: number): unknown;
	/** The body the provider posts to a task's callback URL when the task ends; absent: no callbacks. */
	callbackBody?(task: SimTask, ctx: SimContext): unknown;
	/** Delays before each retry of a callback not answered 2xx (default EvoLink's 1, 2, 4 s). */
	readonly callbackRetryDelaysMs?: readonly number[];
	/** Handles an authorised request (route already classified). */
	handle(req: SimRequest, route: SimRoute, ctx: SimContext): SimResponse | Promise<SimResponse>;
}
