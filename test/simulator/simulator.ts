/**
 * The simulator core: one HTTP server on 127.0.0.1 (random port), each provider mounted under
 * `/<providerId>`, result files under `/files/<taskId>/<index>.<ext>` (no auth, like a CDN).
 * Shared by all providers: the request log, the fault queue and rate limit (faults.ts), the task store
 * and clock (tasks.ts), the file hosts. Each request, result files included, is answered by handler.ts.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import { callbackSender, type CallbackAttempt } from './callbacks';
import { FaultQueue, RateLimit } from './faults';
import { FileHostState, type UploadedFile } from './fileHosts';
import { handleRequest, sendResponse, type SimulatorState } from './handler';
import { PROVIDER_IDS } from '../../nodes/shared/providers';
import { SIM_PROVIDERS } from './providers';
import { TaskStore, type BehaviourFn } from './tasks';
import type { Fault, RecordedRequest, SimClock, SimContext, SimProvider, SimProviderId, SimTask } from './types';

export const DEFAULT_API_KEY = 'sim-test-key';
/** The providers `startSimulator` mounts unless told otherwise. */
export const BUILTIN_PROVIDERS: readonly SimProvider[] = Object.values(SIM_PROVIDERS);

const ALL_PROVIDER_IDS: readonly SimProviderId[] = PROVIDER_IDS;

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

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const apiKey = options.apiKey ?? DEFAULT_API_KEY;
	const providers = new Map<SimProviderId, SimProvider>();
	for (const p of options.providers ?? BUILTIN_PROVIDERS) providers.set(p.id, p);

	let requests: RecordedRequest[] = [];
	const files = new FileHostState();
	const faults = new FaultQueue();
	const rateLimit = new RateLimit();
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
	const tasks = new TaskStore(() => clock.now());

	const ctx: SimContext = {
		get origin() {
			return origin;
		},
		apiKey,
		uploaded: (url: string) => files.stored.find((file) => file.url === url),
		now: () => clock.now(),
		createTask: (provider, init) => tasks.createTask(provider, init),
		findTask: (provider, id) => tasks.findTask(provider, id),
		tasksOf: (provider) => tasks.tasksOf(provider),
		phase: (task) => tasks.phase(task),
		poll: (task) => tasks.poll(task),
		cancel: (task) => tasks.cancel(task),
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
	const state: SimulatorState = { providers, clock, ctx, tasks, faults, rateLimit, files };

	const server: Server = createServer((req, res) => {
		const record: RecordedRequest = {
			at: clock.now(),
			route: 'other',
			method: req.method ?? 'GET',
			path: req.url ?? '/',
			status: 0,
		};
		requests.push(record);
		handleRequest(state, req, res, record).catch((error: unknown) => {
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
			tasks.behaviour = fn;
		},
		limitRate(perSecond: number | undefined): void {
			rateLimit.set(perSecond);
		},
		inject(fault: Fault): void {
			faults.inject(fault);
		},
		get pendingFaults(): readonly Fault[] {
			return faults.pending;
		},
		get requests(): RecordedRequest[] {
			return requests;
		},
		get tasks(): SimTask[] {
			return tasks.tasks;
		},
		get uploads(): UploadedFile[] {
			return files.stored;
		},
		get callbacks(): CallbackAttempt[] {
			return callbackAttempts;
		},
		task(id: string): SimTask | undefined {
			return tasks.task(id);
		},
		reset(): void {
			requests = [];
			tasks.reset();
			files.clear();
			callbackAttempts = [];
			faults.clear();
			rateLimit.set(undefined);
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
