/**
 * How the simulator answers one request, recording what it made of it: a file host's upload, a result
 * file under `/files/<taskId>/<index>.<ext>` (no auth, like a CDN), or a provider's API route below
 * `/<providerId>`; each after the rate limit, any queued fault and the key check.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FaultQueue, RateLimit } from './faults';
import { fileHostAt, receiveUpload, type FileHostState } from './fileHosts';
import { mp4Bytes, pngBytes, writePadded } from './media';
import type { TaskStore } from './tasks';
import type { RecordedRequest, SimClock, SimContext, SimProvider, SimProviderId, SimRequest, SimResponse } from './types';

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const FILE_PATH = /^\/files\/([^/]+)\/(\d+)\.(mp4|png)$/;

/** The simulator as a request finds it: the mounted providers and the state they share. */
export interface SimulatorState {
	readonly providers: ReadonlyMap<SimProviderId, SimProvider>;
	readonly clock: SimClock;
	/** What providers are handed; its origin and key are the simulator's. */
	readonly ctx: SimContext;
	readonly tasks: TaskStore;
	readonly faults: FaultQueue;
	readonly rateLimit: RateLimit;
	/** The file hosts' state now (a new one after each reset). */
	readonly files: FileHostState;
}

export function sendResponse(res: ServerResponse, response: SimResponse, headOnly = false): void {
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

async function serveFile(
	sim: SimulatorState,
	req: IncomingMessage,
	res: ServerResponse,
	record: RecordedRequest,
	match: RegExpExecArray,
): Promise<void> {
	const task = sim.tasks.task(match[1]);
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
}

/** A file host's request: read as a stream, after its fault (if any) and its key check. */
async function handleUpload(
	sim: SimulatorState,
	req: IncomingMessage,
	res: ServerResponse,
	record: RecordedRequest,
	at: NonNullable<ReturnType<typeof fileHostAt>>,
): Promise<void> {
	const { host } = at;
	const provider = sim.providers.get(host.provider);
	record.route = 'upload';
	record.provider = host.provider;
	if (provider && host.withKey) record.authorization = provider.authorize(req.headers, sim.ctx.apiKey);
	const fault = sim.faults.take('upload', record.provider);
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
		answer = await receiveUpload(at, req, sim.ctx.origin, sim.files);
	}
	record.status = answer.status;
	sendResponse(res, answer);
}

export async function handleRequest(sim: SimulatorState, req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
	const url = new URL(record.path, 'http://sim.invalid');
	const method = record.method;
	const fileHost = fileHostAt(method, url.pathname);
	if (fileHost) {
		await handleUpload(sim, req, res, record, fileHost);
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
			const task = sim.tasks.task(fileMatch[1]);
			if (task) record.provider = task.provider;
		}
	} else {
		const segments = url.pathname.split('/');
		const id = segments[1] as SimProviderId;
		provider = sim.providers.get(id);
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
		record.authorization = provider.authorize(req.headers, sim.ctx.apiKey);
	}

	if (provider && record.route !== 'other' && record.route !== 'download' && !sim.rateLimit.admit()) {
		record.status = 429;
		sendResponse(res, { status: 429, body: provider.errorBody(429), headers: { 'Retry-After': '1' } });
		return;
	}
	const fault = record.route === 'other' ? undefined : sim.faults.take(record.route, record.provider);
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
		await sim.clock.delay(fault.delayMs ?? 1000, record, gone);
	}

	if (record.route === 'download') {
		if (fileMatch) {
			await serveFile(sim, req, res, record, fileMatch);
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
	const answer = await provider.handle(simReq, record.route, sim.ctx);
	record.status = answer.status;
	if (answer.taskIds) record.taskIds = answer.taskIds;
	sendResponse(res, answer, method === 'HEAD');
}
