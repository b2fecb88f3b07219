/**
 * The simulator core: one HTTP server on 127.0.0.1 (random port), each provider mounted under
 * `/<providerId>`, result files under `/files/<taskId>/<index>.<ext>` (no auth, like a CDN).
 * Shared by all providers: the request log, the fault queue, the task store and clock, media serving.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import { callbackSender, type CallbackAttempt } from './callbacks';
import { FileHostState, fileHostAt, receiveUpload, type UploadedFile } from './fileHosts';
import { mp4Bytes, pngBytes, writePadded } from './media';
import { PROVIDER_IDS } from '../../nodes/shared/providers';
import { SIM_PROVIDERS } from './providers';
import type {
	CreateTaskInit,
	Fault,
	RecordedRequest,
	SimContext,
	SimProvider,
	SimProviderId,
	SimRequest,
	SimResponse,
	SimRoute,
	SimTask,
	SubmitInfo,
	TaskBehaviour,
	TaskPhase,
} from './types';

export const DEFAULT_API_KEY = 'sim-test-key';
export const DEFAULT_BEHAVIOUR: TaskBehaviour = { durationMs: 300, outcome: 'success' };
/** The providers `startSimulator` mounts unless told otherwise. */
export const BUILTIN_PROVIDERS: readonly SimProvider[] = Object.values(SIM_PROVIDERS);

const ALL_PROVIDER_IDS: readonly SimProviderId[] = PROVIDER_IDS;
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const FILE_PATH = /^\/files\/([^/]+)\/(\d+)\.(mp4|png)$/;

export type BehaviourFn = (submit: SubmitInfo) => Partial<TaskBehaviour>;

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

export interface SimulatorOptions {
	/** Default `sim-test-key`. */
	apiKey?: string;
	/** Default: real time (`performance.now()`, real timers). */
	clock?: SimClock;
	/** Providers to mount; default `BUILTIN_PROVIDERS`. */
	providers?: readonly SimProvider[];
	/** Default 0 (a random free port). */
	port?: number;
}

export interface Simulator {
	readonly apiKey: string;
	/** `http://127.0.0.1:PORT` */
	readonly origin: string;
	readonly port: number;
	/** The base URL a credential should use for this provider, e.g. `http://127.0.0.1:PORT/evolink`. */
	baseUrl(provider: SimProviderId): string;
	/** The provider's credential fields beside the key and base URL that point at the simulator (none: `{}`). */
	credentialFields(provider: SimProviderId): Record<string, string>;
	/** Decides each new task (merged over the default: success after 300 ms). */
	setBehaviour(fn: BehaviourFn): void;
	/**
	 * Admits at most `perSecond` API requests (submits, polls, cancels) in any second, answering the rest
	 * 429 with `Retry-After: 1` as a rate-limited account would; `undefined` lifts the limit.
	 */
	limitRate(perSecond: number | undefined): void;
	/** Queues a fault; faults are consumed first-in first-out by matching requests. */
	inject(fault: Fault): void;
	/** Faults still queued (with their remaining `times`). */
	readonly pendingFaults: readonly Fault[];
	/** Every request in arrival order. */
	readonly requests: RecordedRequest[];
	/** Every created task, in creation order. */
	readonly tasks: SimTask[];
	/** Every file received by a file host (EvoLink's file API, DashScope's OSS), in arrival order. */
	readonly uploads: UploadedFile[];
	/** Every task callback POSTed (each retry its own entry), in sending order. */
	readonly callbacks: CallbackAttempt[];
	/** A task by id, any provider. */
	task(id: string): SimTask | undefined;
	/** Clears requests, tasks, faults; behaviour back to default. */
	reset(): void;
	close(): Promise<void>;
}

interface QueuedFault {
	fault: Fault;
	remaining: number;
}

function sendResponse(res: ServerResponse, response: SimResponse, headOnly = false): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: Buffer | undefined;
	if (response.body !== undefined) {
		if (typeof response.body === 'string') {
			payload = Buffer.from(response.body, 'utf8');
		} else if (Buffer.isBuffer(response.body)) {
			payload = response.body;
		} else {
			payload = Buffer.from(JSON.stringify(response.body), 'utf8');
		}
		if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
			headers['Content-Type'] = 'application/json; charset=utf-8';
		}
	}
	headers['Content-Length'] = String(payload?.length ?? 0);
	res.writeHead(response.status, headers);
	res.end(headOnly ? undefined : payload);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const parts: Buffer[] = [];
		let size = 0;
		req.on('data', (data: Buffer) => {
			size += data.length;
			if (size <= MAX_BODY_BYTES) parts.push(data);
		});
		req.on('end', () => resolve(Buffer.concat(parts)));
		req.on('error', reject);
	});
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const apiKey = options.apiKey ?? DEFAULT_API_KEY;
	const providers = new Map<SimProviderId, SimProvider>();
	for (const p of options.providers ?? BUILTIN_PROVIDERS) providers.set(p.id, p);

	let requests: RecordedRequest[] = [];
	let tasks: SimTask[] = [];
	let files = new FileHostState();
	const tasksById = new Map<string, SimTask>();
	let faults: QueuedFault[] = [];
	let ratePerSecond: number | undefined;
	let admittedAt: number[] = [];
	let behaviour: BehaviourFn | undefined;
	const timers = new Set<NodeJS.Timeout>();
	const sockets = new Set<Socket>();
	let origin = '';

	const sleep = (ms: number): Promise<void> =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});
	const clock: SimClock = options.clock ?? { now: () => performance.now(), delay: async (ms) => await sleep(ms) };

	const phase = (task: SimTask): TaskPhase => {
		const now = clock.now();
		if (task.canceled) return { state: 'canceled', progress: 0, terminal: true };
		const { durationMs, outcome } = task.behaviour;
		const elapsed = now - task.createdAt;
		if (outcome !== 'never' && now >= task.doneAt) {
			return outcome === 'success'
				? { state: 'succeeded', progress: 100, terminal: true }
				: { state: 'failed', progress: 90, terminal: true };
		}
		if (elapsed < durationMs * 0.1) return { state: 'queued', progress: 0, terminal: false };
		const fraction = durationMs > 0 ? (elapsed - durationMs * 0.1) / (durationMs * 0.9) : 1;
		const progress = Math.max(10, Math.min(90, Math.floor(10 + 80 * fraction)));
		return { state: 'running', progress, terminal: false };
	};

	const ctx: SimContext = {
		get origin() {
			return origin;
		},
		apiKey,
		uploaded: (url: string) => files.stored.find((file) => file.url === url),
		now: () => clock.now(),
		createTask(provider: SimProviderId, init: CreateTaskInit): SimTask {
			const info: SubmitInfo = { provider, body: init.body, index: tasks.length };
			if (init.prompt !== undefined) info.prompt = init.prompt;
			const decided = behaviour ? behaviour(info) : {};
			const merged: TaskBehaviour = { ...DEFAULT_BEHAVIOUR, ...decided };
			const resultCount = merged.resultCount ?? init.defaultResultCount;
			const createdAt = clock.now();
			const task: SimTask = {
				id: init.id,
				provider,
				model: init.model,
				kind: init.kind,
				body: init.body,
				createdAt,
				createdEpochMs: Date.now(),
				doneAt: merged.outcome === 'never' ? Infinity : createdAt + merged.durationMs,
				canceled: false,
				behaviour: { ...merged, resultCount },
			};
			if (init.prompt !== undefined) task.prompt = init.prompt;
			tasks.push(task);
			tasksById.set(task.id, task);
			return task;
		},
		findTask(provider: SimProviderId, id: string): SimTask | undefined {
			const task = tasksById.get(id);
			return task && task.provider === provider ? task : undefined;
		},
		tasksOf: (provider: SimProviderId) => tasks.filter((task) => task.provider === provider),
		phase,
		poll(task: SimTask): TaskPhase {
			const current = phase(task);
			if (current.terminal && task.firstTerminalPollAt === undefined) {
				task.firstTerminalPollAt = clock.now();
			}
			return current;
		},
		cancel(task: SimTask): boolean {
			if (phase(task).terminal) return false;
			task.canceled = true;
			task.canceledAt = clock.now();
			return true;
		},
		resultUrls(task: SimTask): string[] {
			const ext = task.kind === 'video' ? 'mp4' : 'png';
			return Array.from({ length: task.behaviour.resultCount }, (_, i) => `${origin}/files/${task.id}/${i}.${ext}`);
		},
		requestCallback: (task, url) => {
			task.callbackUrl = url;
			callbacks.request(task, url);
		},
	};
	let callbackAttempts: CallbackAttempt[] = [];
	const callbacks = callbackSender({
		ctx,
		provider: (id) => providers.get(id as SimProviderId),
		sleep,
		record: (attempt) => callbackAttempts.push(attempt),
	});

	/** The first queued fault for this request, consumed. */
	const takeFault = (route: SimRoute, provider: SimProviderId | undefined): Fault | undefined => {
		const index = faults.findIndex(
			(q) => q.fault.route === route && (q.fault.provider === undefined || q.fault.provider === provider),
		);
		if (index < 0) return undefined;
		const queued = faults[index];
		queued.remaining -= 1;
		if (queued.remaining <= 0) faults.splice(index, 1);
		return queued.fault;
	};

	const serveFile = async (
		req: IncomingMessage,
		res: ServerResponse,
		record: RecordedRequest,
		match: RegExpExecArray,
	): Promise<void> => {
		const task = tasksById.get(match[1]);
		const index = Number(match[2]);
		const ext = match[3];
		const wanted = task?.kind === 'video' ? 'mp4' : 'png';
		if (
			!task ||
			ext !== wanted ||
			task.behaviour.outcome !== 'success' ||
			task.canceled ||
			index >= task.behaviour.resultCount ||
			(req.method !== 'GET' && req.method !== 'HEAD')
		) {
			record.status = 404;
			sendResponse(res, { status: 404, body: 'Not Found', headers: { 'Content-Type': 'text/plain' } });
			return;
		}
		const head = task.kind === 'video' ? mp4Bytes() : pngBytes(index);
		const total = task.behaviour.resultBytes ?? head.length;
		record.status = 200;
		res.writeHead(200, {
			'Content-Type': task.kind === 'video' ? 'video/mp4' : 'image/png',
			'Content-Length': String(total),
		});
		if (req.method === 'HEAD') {
			res.end();
			return;
		}
		await writePadded(res, head, total);
	};

	/** A file host's request: read as a stream, after its fault (if any) and its key check. */
	const handleUpload = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest, at: NonNullable<ReturnType<typeof fileHostAt>>): Promise<void> => {
		const { host } = at;
		const provider = providers.get(host.provider);
		record.route = 'upload';
		record.provider = host.provider;
		if (provider && host.withKey) record.authorization = provider.authorize(req.headers, apiKey);
		const fault = takeFault('upload', record.provider);
		if (fault?.kind === 'reset') {
			record.fault = 'reset';
			req.socket.destroy();
			return;
		}
		let answer: SimResponse;
		if (fault) {
			record.fault = fault.kind ?? 'http';
			await readBody(req);
			answer = { status: fault.status ?? 500, body: fault.body ?? 'Internal Server Error', headers: fault.headers };
		} else if (record.authorization && record.authorization !== 'ok' && provider) {
			await readBody(req);
			answer = provider.authError(record.authorization);
		} else {
			answer = await receiveUpload(at, req, origin, files);
		}
		record.status = answer.status;
		sendResponse(res, answer);
	};

	const handle = async (req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> => {
		const url = new URL(record.path, 'http://sim.invalid');
		const method = record.method;
		const fileHost = fileHostAt(method, url.pathname);
		if (fileHost) {
			await handleUpload(req, res, record, fileHost);
			return;
		}
		const rawBody = await readBody(req);

		// Result files, no auth.
		const fileMatch = FILE_PATH.exec(url.pathname);
		let provider: SimProvider | undefined;
		if (fileMatch || url.pathname.startsWith('/files/')) {
			record.route = 'download';
			if (fileMatch) {
				record.taskId = fileMatch[1];
				const task = tasksById.get(fileMatch[1]);
				if (task) record.provider = task.provider;
			}
		} else {
			const segments = url.pathname.split('/');
			const id = segments[1] as SimProviderId;
			provider = providers.get(id);
			if (!provider) {
				record.status = 404;
				sendResponse(res, { status: 404, body: { error: `No simulated provider at ${url.pathname}` } });
				return;
			}
			record.provider = provider.id;
			const path = '/' + segments.slice(2).join('/');
			const routed = provider.classify(method, path, url.searchParams);
			record.route = routed.route;
			if (routed.taskId !== undefined) record.taskId = routed.taskId;
			record.authorization = provider.authorize(req.headers, apiKey);
		}

		if (provider && ratePerSecond !== undefined && record.route !== 'other' && record.route !== 'download') {
			const now = performance.now();
			admittedAt = admittedAt.filter((at) => now - at < 1000);
			if (admittedAt.length >= ratePerSecond) {
				record.status = 429;
				sendResponse(res, { status: 429, body: provider.errorBody(429), headers: { 'Retry-After': '1' } });
				return;
			}
			admittedAt.push(now);
		}
		const fault = record.route === 'other' ? undefined : takeFault(record.route, record.provider);
		if (fault) {
			const kind = fault.kind ?? 'http';
			record.fault = kind;
			if (kind === 'reset') {
				record.status = 0;
				req.socket.destroy();
				return;
			}
			if (kind === 'http') {
				const status = fault.status ?? 500;
				const body = fault.body ?? (provider ? provider.errorBody(status) : 'Internal Server Error');
				record.status = status;
				sendResponse(res, { status, body, headers: fault.headers });
				return;
			}
			if (kind === 'malformed') {
				const body = fault.body === undefined ? '{"truncated": ' : fault.body;
				record.status = 200;
				sendResponse(res, {
					status: 200,
					body: typeof body === 'string' ? body : JSON.stringify(body),
					headers: { 'Content-Type': 'application/json', ...(fault.headers ?? {}) },
				});
				return;
			}
			const gone = new Promise<void>((resolve) => res.once('close', () => resolve()));
			await clock.delay(fault.delayMs ?? 1000, record, gone);
		}

		if (record.route === 'download') {
			if (fileMatch) {
				await serveFile(req, res, record, fileMatch);
			} else {
				record.status = 404;
				sendResponse(res, { status: 404, body: 'Not Found', headers: { 'Content-Type': 'text/plain' } });
			}
			return;
		}
		if (!provider) return;
		if (record.authorization !== 'ok') {
			const answer = provider.authError(record.authorization ?? 'missing');
			record.status = answer.status;
			sendResponse(res, answer);
			return;
		}
		const simReq: SimRequest = {
			method,
			path: '/' + url.pathname.split('/').slice(2).join('/'),
			query: url.searchParams,
			headers: req.headers,
			rawBody,
		};
		const answer = await provider.handle(simReq, record.route, ctx);
		record.status = answer.status;
		if (answer.taskIds) record.taskIds = answer.taskIds;
		sendResponse(res, answer, method === 'HEAD');
	};

	const server: Server = createServer((req, res) => {
		const record: RecordedRequest = {
			at: clock.now(),
			route: 'other',
			method: req.method ?? 'GET',
			path: req.url ?? '/',
			status: 0,
		};
		requests.push(record);
		handle(req, res, record).catch((error: unknown) => {
			if (res.headersSent) {
				res.destroy();
				return;
			}
			record.status = 500;
			sendResponse(res, { status: 500, body: { error: `Simulator error: ${String(error)}` } });
		});
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	origin = `http://127.0.0.1:${port}`;

	return {
		apiKey,
		origin,
		port,
		baseUrl(id: SimProviderId): string {
			if (!ALL_PROVIDER_IDS.includes(id)) throw new Error(`Unknown provider ${String(id)}`);
			return `${origin}/${id}${providers.get(id)?.baseUrlSuffix ?? ''}`;
		},
		credentialFields(id: SimProviderId): Record<string, string> {
			return providers.get(id)?.credentialFields?.(origin) ?? {};
		},
		setBehaviour(fn: BehaviourFn): void {
			behaviour = fn;
		},
		limitRate(perSecond: number | undefined): void {
			ratePerSecond = perSecond;
			admittedAt = [];
		},
		inject(fault: Fault): void {
			faults.push({ fault, remaining: fault.times ?? 1 });
		},
		get pendingFaults(): readonly Fault[] {
			return faults.map((q) => ({ ...q.fault, times: q.remaining }));
		},
		get requests(): RecordedRequest[] {
			return requests;
		},
		get tasks(): SimTask[] {
			return tasks;
		},
		get uploads(): UploadedFile[] {
			return files.stored;
		},
		get callbacks(): CallbackAttempt[] {
			return callbackAttempts;
		},
		task(id: string): SimTask | undefined {
			return tasksById.get(id);
		},
		reset(): void {
			requests = [];
			tasks = [];
			files = new FileHostState();
			callbackAttempts = [];
			tasksById.clear();
			faults = [];
			behaviour = undefined;
			ratePerSecond = undefined;
			admittedAt = [];
		},
		async close(): Promise<void> {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			for (const socket of sockets) socket.destroy();
			await closed;
		},
	};
}
