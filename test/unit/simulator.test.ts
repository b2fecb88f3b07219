import { inflateSync } from 'node:zlib';

import { PNG_SIZE, crc32, mp4Bytes, pngBytes, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Json {
	[key: string]: any;
}

let sim: Simulator;
let base: string;
let auth: Record<string, string>;

beforeAll(async () => {
	sim = await startSimulator();
	base = sim.baseUrl('evolink');
	auth = { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' };
});

afterAll(async () => {
	await sim.close();
});

beforeEach(() => sim.reset());

async function submit(path: string, body: unknown, headers = auth): Promise<Response> {
	return fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function poll(id: string): Promise<Json> {
	const res = await fetch(`${base}/v1/tasks/${id}`, { headers: auth });
	expect(res.status).toBe(200);
	return (await res.json()) as Json;
}

/** Parses a PNG's chunks, checking every CRC; returns IHDR fields and the inflated image data. */
function readPng(bytes: Buffer): { width: number; height: number; colourType: number; pixels: Buffer } {
	expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	let offset = 8;
	const types: string[] = [];
	let ihdr: Buffer | undefined;
	const idat: Buffer[] = [];
	while (offset < bytes.length) {
		const length = bytes.readUInt32BE(offset);
		const type = bytes.toString('ascii', offset + 4, offset + 8);
		const data = bytes.subarray(offset + 8, offset + 8 + length);
		expect(bytes.readUInt32BE(offset + 8 + length)).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)));
		types.push(type);
		if (type === 'IHDR') ihdr = data;
		if (type === 'IDAT') idat.push(data);
		offset += 12 + length;
	}
	expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
	const pixels = inflateSync(Buffer.concat(idat));
	return { width: ihdr!.readUInt32BE(0), height: ihdr!.readUInt32BE(4), colourType: ihdr![9], pixels };
}

test('crc32 matches the standard check value', () => {
	expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
});

test('wrong or missing key: 401 in EvoLink shape, key never recorded', async () => {
	const wrong = await submit('/v1/videos/generations', { model: 'wan2.5-text-to-video', prompt: 'x' }, {
		Authorization: 'Bearer not-the-key',
		'Content-Type': 'application/json',
	});
	expect(wrong.status).toBe(401);
	expect(await wrong.json()).toEqual({
		error: { code: 401, message: 'Invalid authentication credentials', type: 'authentication_error' },
	});
	const missing = await fetch(`${base}/v1/tasks/task-unified-1-abcdefgh`);
	expect(missing.status).toBe(401);
	expect(sim.tasks).toHaveLength(0);
	expect(sim.requests.map((r) => [r.route, r.status, r.authorization])).toEqual([
		['submit', 401, 'bad'],
		['status', 401, 'missing'],
	]);
	await submit('/v1/videos/generations', { model: 'wan2.5-text-to-video', prompt: 'x' });
	const recorded = JSON.stringify(sim.requests);
	expect(recorded).not.toContain(sim.apiKey);
	expect(recorded).not.toContain('not-the-key');
	expect(sim.requests[2].authorization).toBe('ok');
});

test('video task: pending → processing → completed, result bytes are the MP4 fixture', async () => {
	sim.setBehaviour(() => ({ durationMs: 1500 }));
	const res = await submit('/v1/videos/generations', { model: 'wan2.5-text-to-video', prompt: 'A cat' });
	expect(res.status).toBe(200);
	const created = (await res.json()) as Json;
	expect(created).toEqual({
		created: expect.any(Number),
		id: expect.stringMatching(/^task-unified-\d+-[a-z0-9]{8}$/),
		model: 'wan2.5-text-to-video',
		object: 'video.generation.task',
		progress: 0,
		status: 'pending',
		task_info: { can_cancel: true, estimated_time: 2 },
		type: 'video',
		usage: { billing_rule: 'per_call', credits_reserved: 5, user_group: 'default' },
	});
	expect(sim.tasks).toHaveLength(1);
	expect(sim.tasks[0]).toMatchObject({ id: created.id, provider: 'evolink', model: 'wan2.5-text-to-video', canceled: false });
	expect(sim.tasks[0].doneAt - sim.tasks[0].createdAt).toBeCloseTo(1500, 3);

	// Timing-robust: each state is asserted only if the poll's answer is known to fall in its window.
	const task = sim.tasks[0];
	const first = await poll(created.id);
	if (performance.now() - task.createdAt < 150) {
		expect(first).toMatchObject({ status: 'pending', progress: 0, task_info: { can_cancel: true } });
	}

	await sleep(task.createdAt + 700 - performance.now());
	const beforeMiddle = performance.now();
	const middle = await poll(created.id);
	if (beforeMiddle - task.createdAt >= 150 && performance.now() < task.doneAt) {
		expect(middle).toMatchObject({ status: 'processing', task_info: { can_cancel: true } });
		expect(middle.progress).toBeGreaterThanOrEqual(10);
		expect(middle.progress).toBeLessThanOrEqual(90);
		expect(middle.results).toBeUndefined();
		expect(task.firstTerminalPollAt).toBeUndefined();
	}
	expect(['pending', 'processing']).toContain(first.status);
	expect(['processing', 'completed']).toContain(middle.status);

	await sleep(sim.tasks[0].doneAt - performance.now() + 20);
	const done = await poll(created.id);
	expect(done).toEqual({
		created: created.created,
		id: created.id,
		model: 'wan2.5-text-to-video',
		object: 'video.generation.task',
		progress: 100,
		results: [`${sim.origin}/files/${created.id}/0.mp4`],
		status: 'completed',
		task_info: { can_cancel: false },
		type: 'video',
	});
	const terminalAt = sim.tasks[0].firstTerminalPollAt;
	expect(terminalAt).toBeGreaterThanOrEqual(sim.tasks[0].doneAt);
	await poll(created.id);
	expect(sim.tasks[0].firstTerminalPollAt).toBe(terminalAt);

	const file = await fetch(done.results[0]); // no auth, like a CDN
	expect(file.status).toBe(200);
	expect(file.headers.get('content-type')).toBe('video/mp4');
	expect(file.headers.get('content-length')).toBe(String(mp4Bytes().length));
	expect(Buffer.from(await file.arrayBuffer())).toEqual(mp4Bytes());
	expect(sim.requests.at(-1)).toMatchObject({ route: 'download', provider: 'evolink', taskId: created.id, status: 200 });
	expect(sim.requests.at(-1)!.authorization).toBeUndefined();
});

test('image task with n=3: three distinct valid PNGs equal to pngBytes(i)', async () => {
	sim.setBehaviour(() => ({ durationMs: 0 }));
	const res = await submit('/v1/images/generations', { model: 'wan2.5-text-to-image', prompt: 'lake', n: 3 });
	const created = (await res.json()) as Json;
	expect(created).toMatchObject({ object: 'image.generation.task', type: 'image', status: 'pending' });
	const done = await poll(created.id);
	expect(done.status).toBe('completed');
	expect(done.results).toHaveLength(3);
	const seen = new Set<string>();
	for (let i = 0; i < 3; i++) {
		expect(done.results[i]).toBe(`${sim.origin}/files/${created.id}/${i}.png`);
		const file = await fetch(done.results[i]);
		expect(file.headers.get('content-type')).toBe('image/png');
		const bytes = Buffer.from(await file.arrayBuffer());
		expect(file.headers.get('content-length')).toBe(String(bytes.length));
		expect(bytes).toEqual(pngBytes(i));
		const png = readPng(bytes);
		expect([png.width, png.height, png.colourType]).toEqual([PNG_SIZE, PNG_SIZE, 2]);
		expect(png.pixels).toHaveLength(PNG_SIZE * (1 + PNG_SIZE * 3));
		seen.add(bytes.toString('hex'));
	}
	expect(seen.size).toBe(3);
	expect((await fetch(`${sim.origin}/files/${created.id}/3.png`)).status).toBe(404);
	expect((await fetch(`${sim.origin}/files/${created.id}/0.mp4`)).status).toBe(404);
	expect((await fetch(`${sim.origin}/files/nope/0.png`)).status).toBe(404);
});

test('behaviour receives submit info; failure outcome gives the EvoLink task error', async () => {
	const seen: unknown[] = [];
	sim.setBehaviour((info) => {
		seen.push(info);
		return info.index === 0
			? { durationMs: 0, outcome: 'failure' }
			: { durationMs: 0, outcome: 'failure', failure: { code: 'generation_timeout', message: 'Took too long' } };
	});
	const a = (await (await submit('/v1/videos/generations', { model: 'm', prompt: 'p0' })).json()) as Json;
	const b = (await (await submit('/v1/videos/generations', { model: 'm', prompt: 'p1' })).json()) as Json;
	expect(seen).toEqual([
		{ provider: 'evolink', body: { model: 'm', prompt: 'p0' }, index: 0, prompt: 'p0' },
		{ provider: 'evolink', body: { model: 'm', prompt: 'p1' }, index: 1, prompt: 'p1' },
	]);
	const failed = await poll(a.id);
	expect(failed).toMatchObject({
		id: a.id,
		status: 'failed',
		task_info: { can_cancel: false },
		type: 'video',
		error: { code: 'content_policy_violation', message: 'Content policy violation detected', type: expect.any(String) },
	});
	expect(failed.results).toBeUndefined();
	expect((await poll(b.id)).error).toMatchObject({ code: 'generation_timeout', message: 'Took too long' });
	expect((await fetch(`${sim.origin}/files/${a.id}/0.mp4`)).status).toBe(404);
});

test("'never' stays processing", async () => {
	sim.setBehaviour(() => ({ durationMs: 0, outcome: 'never' }));
	const t = (await (await submit('/v1/videos/generations', { model: 'm', prompt: 'p' })).json()) as Json;
	expect(sim.tasks[0].doneAt).toBe(Infinity);
	expect(await poll(t.id)).toMatchObject({ status: 'processing', progress: 90 });
});

test('unknown task 404; invalid JSON or missing model 400 without a task', async () => {
	const unknown = await fetch(`${base}/v1/tasks/task-unified-1-zzzzzzzz`, { headers: auth });
	expect(unknown.status).toBe(404);
	expect(await unknown.json()).toEqual({
		error: { code: 404, message: 'Task not found or expired', type: 'not_found_error', param: 'task_id' },
	});
	const bad = await fetch(`${base}/v1/videos/generations`, { method: 'POST', headers: auth, body: '{nope' });
	expect(bad.status).toBe(400);
	const invalid = {
		error: { code: 400, message: 'Invalid request format', type: 'invalid_request_error', param: 'model' },
	};
	expect(await bad.json()).toEqual(invalid);
	const noModel = await submit('/v1/images/generations', { prompt: 'x' });
	expect(noModel.status).toBe(400);
	expect(await noModel.json()).toEqual(invalid);
	expect(sim.tasks).toHaveLength(0);
});

test('injected 503 on submit creates no task; faults are FIFO and counted', async () => {
	sim.inject({ route: 'submit', status: 503, headers: { 'Retry-After': '1' }, times: 2 });
	sim.inject({ route: 'submit', status: 429, body: { custom: true } });
	const r1 = await submit('/v1/videos/generations', { model: 'm', prompt: 'p' });
	expect(r1.status).toBe(503);
	expect(r1.headers.get('retry-after')).toBe('1');
	expect(await r1.json()).toEqual({
		error: {
			code: 503,
			message: 'Service temporarily unavailable',
			type: 'service_unavailable_error',
			fallback_suggestion: 'retry after 30 seconds',
		},
	});
	expect((await submit('/v1/videos/generations', { model: 'm', prompt: 'p' })).status).toBe(503);
	const r3 = await submit('/v1/videos/generations', { model: 'm', prompt: 'p' });
	expect(r3.status).toBe(429);
	expect(await r3.json()).toEqual({ custom: true });
	expect(sim.tasks).toHaveLength(0);
	expect(sim.pendingFaults).toHaveLength(0);
	const ok = await submit('/v1/videos/generations', { model: 'm', prompt: 'p' });
	expect(ok.status).toBe(200);
	expect(sim.tasks).toHaveLength(1);
	expect(sim.requests.map((r) => r.status)).toEqual([503, 503, 429, 200]);
	expect(sim.requests.map((r) => r.fault)).toEqual(['http', 'http', 'http', undefined]);
});

test("'reset' fault destroys the socket; 'malformed' and 'delay' on status; provider filter", async () => {
	sim.setBehaviour(() => ({ durationMs: 0 }));
	sim.inject({ route: 'submit', kind: 'reset' });
	await expect(submit('/v1/videos/generations', { model: 'm', prompt: 'p' })).rejects.toThrow();
	expect(sim.tasks).toHaveLength(0);
	expect(sim.requests[0]).toMatchObject({ route: 'submit', status: 0, fault: 'reset' });

	const t = (await (await submit('/v1/videos/generations', { model: 'm', prompt: 'p' })).json()) as Json;
	sim.inject({ route: 'status', provider: 'apixo', status: 500 }); // another provider: not consumed here
	sim.inject({ route: 'status', kind: 'malformed', body: '<html>oops' });
	sim.inject({ route: 'status', kind: 'delay', delayMs: 150 });
	const malformed = await fetch(`${base}/v1/tasks/${t.id}`, { headers: auth });
	expect(malformed.status).toBe(200);
	expect(await malformed.text()).toBe('<html>oops');
	const started = performance.now();
	const delayed = await poll(t.id);
	expect(performance.now() - started).toBeGreaterThanOrEqual(140);
	expect(delayed.status).toBe('completed');
	expect(sim.pendingFaults).toEqual([{ route: 'status', provider: 'apixo', status: 500, times: 1 }]);
});

test("'delay' on submit creates the task when answered", async () => {
	sim.inject({ route: 'submit', kind: 'delay', delayMs: 100 });
	const pending = submit('/v1/videos/generations', { model: 'm', prompt: 'p' });
	await sleep(30);
	expect(sim.tasks).toHaveLength(0);
	expect((await pending).status).toBe(200);
	expect(sim.tasks).toHaveLength(1);
});

test('download faults apply to result files', async () => {
	sim.setBehaviour(() => ({ durationMs: 0 }));
	const t = (await (await submit('/v1/videos/generations', { model: 'm', prompt: 'p' })).json()) as Json;
	const url = (await poll(t.id)).results[0] as string;
	sim.inject({ route: 'download', status: 502, body: 'Bad Gateway' });
	const failed = await fetch(url);
	expect(failed.status).toBe(502);
	expect(await failed.text()).toBe('Bad Gateway');
	expect((await fetch(url)).status).toBe(200);
});

test('resultBytes streams a 20 MB file: fixture head, zero padding, exact Content-Length', async () => {
	const size = 20 * 1024 * 1024 + 123;
	sim.setBehaviour(() => ({ durationMs: 0, resultBytes: size }));
	const t = (await (await submit('/v1/videos/generations', { model: 'm', prompt: 'p' })).json()) as Json;
	const url = (await poll(t.id)).results[0] as string;
	const res = await fetch(url);
	expect(res.headers.get('content-length')).toBe(String(size));
	let total = 0;
	let head = Buffer.alloc(0);
	let nonZeroAfterHead = false;
	const fixture = mp4Bytes();
	for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
		const buf = Buffer.from(part);
		if (head.length < fixture.length) {
			const need = fixture.length - head.length;
			head = Buffer.concat([head, buf.subarray(0, need)]);
			if (buf.subarray(need).some((b) => b !== 0)) nonZeroAfterHead = true;
		} else if (buf.some((b) => b !== 0)) {
			nonZeroAfterHead = true;
		}
		total += buf.length;
	}
	expect(total).toBe(size);
	expect(head).toEqual(fixture);
	expect(nonZeroAfterHead).toBe(false);
});

test('baseUrl per provider, reset clears everything', async () => {
	expect(sim.baseUrl('evolink')).toBe(`${sim.origin}/evolink`);
	expect(sim.baseUrl('gateway')).toBe(`${sim.origin}/gateway`);
	expect(sim.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	sim.setBehaviour(() => ({ outcome: 'failure', durationMs: 0 }));
	sim.inject({ route: 'cancel' });
	await submit('/v1/videos/generations', { model: 'm', prompt: 'p' });
	sim.reset();
	expect(sim.requests).toHaveLength(0);
	expect(sim.tasks).toHaveLength(0);
	expect(sim.pendingFaults).toHaveLength(0);
	const t = (await (await submit('/v1/videos/generations', { model: 'm', prompt: 'p' })).json()) as Json;
	expect(sim.tasks[0].behaviour).toEqual({ durationMs: 300, outcome: 'success', resultCount: 1 });
	expect(t.task_info.estimated_time).toBe(1);
	expect((await fetch(`${sim.origin}/nowhere`)).status).toBe(404);
});
