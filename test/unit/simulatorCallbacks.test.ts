/** The simulator's task callbacks: posted to the URL the submit named, with the provider's payload and retries. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSimulator, type Simulator } from '../simulator';

interface Received {
	body: Record<string, unknown>;
	path: string;
}

/** A callback receiver answering `statuses` in turn (then 200). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; server: Server }> {
	const received: Received[] = [];
	const server = createServer((req, res) => {
		const parts: Buffer[] = [];
		req.on('data', (chunk: Buffer) => parts.push(chunk));
		req.on('end', () => {
			received.push({ body: JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown>, path: req.url ?? '' });
			res.writeHead(statuses[received.length - 1] ?? 200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=t`, received, server };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

async function post(sim: Simulator, path: string, body: unknown, scheme = 'Bearer'): Promise<Record<string, unknown>> {
	const response = await fetch(`${sim.origin}${path}`, {
		method: 'POST',
		headers: { authorization: `${scheme} ${sim.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return (await response.json()) as Record<string, unknown>;
}

describe('simulator callbacks', () => {
	let sim: Simulator;
	const servers: Server[] = [];
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterEach(() => sim.reset());
	afterAll(async () => {
		servers.forEach((server) => server.close());
		await sim.close();
	});

	it("EvoLink: the task query's body when the task ends, retried after 1 and 2 s until answered 2xx", async () => {
		const hook = await receiver([500, 503]);
		servers.push(hook.server);
		sim.setBehaviour(() => ({ durationMs: 100 }));
		const submitted = await post(sim, '/evolink/v1/videos/generations', { model: 'wan2.5-text-to-video', prompt: 'a cat', callback_url: hook.url });
		// The receiver sees the third request before the simulator has read its answer: wait for the answer.
		await until(() => sim.callbacks.length === 3 && sim.callbacks[2].status !== 0, 6000);
		const attempts = sim.callbacks.map(({ attempt, status, taskId }) => ({ attempt, status, taskId }));
		expect(attempts).toEqual([
			{ attempt: 0, status: 500, taskId: submitted.id },
			{ attempt: 1, status: 503, taskId: submitted.id },
			{ attempt: 2, status: 200, taskId: submitted.id },
		]);
		const [first, second, third] = sim.callbacks.map((attempt) => attempt.at);
		const task = sim.task(String(submitted.id))!;
		expect(first).toBeGreaterThanOrEqual(task.doneAt);
		expect(second - first).toBeGreaterThanOrEqual(1000);
		expect(second - first).toBeLessThan(1500);
		expect(third - second).toBeGreaterThanOrEqual(2000);
		expect(third - second).toBeLessThan(2500);
		expect(hook.received[0].path).toBe('/hook?token=t');
		expect(hook.received[2].body).toMatchObject({ id: submitted.id, status: 'completed', results: [expect.stringContaining('/files/')] });
		// A callback is not a poll: the task was never polled.
		expect(task.firstTerminalPollAt).toBeUndefined();
	}, 10_000);

	it('APIXO: the status envelope, once, when answered 2xx; no callback without request_type callback', async () => {
		const hook = await receiver([]);
		servers.push(hook.server);
		sim.setBehaviour(() => ({ durationMs: 50 }));
		const input = { mode: 'text-to-video', prompt: 'a cat', resolution: '720p', duration: 5, aspect_ratio: '16:9' };
		const withCallback = await post(sim, '/apixo/api/v1/generateTask/wan-2-5-video', { request_type: 'callback', callback_url: hook.url, input });
		await post(sim, '/apixo/api/v1/generateTask/wan-2-5-video', { request_type: 'async', input });
		await until(() => hook.received.length === 1, 3000);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(sim.callbacks).toHaveLength(1);
		expect(hook.received[0].body).toMatchObject({
			code: 200,
			data: { taskId: (withCallback.data as Record<string, unknown>).taskId, state: 'success' },
		});
	});

	it("fal: the request id and the result as payload, to the ?fal_webhook= URL", async () => {
		const hook = await receiver([]);
		servers.push(hook.server);
		sim.setBehaviour(() => ({ durationMs: 50 }));
		const answer = await post(sim, `/fal/fal-ai/wan-25-preview/text-to-video?fal_webhook=${encodeURIComponent(hook.url)}`, { prompt: 'a cat' }, 'Key');
		await until(() => hook.received.length === 1, 3000);
		expect(hook.received[0].body).toMatchObject({
			request_id: answer.request_id,
			status: 'OK',
			payload: { video: { url: expect.stringContaining('/files/') } },
		});
	});

	it('WaveSpeed: the prediction without its envelope, to the ?webhook= URL', async () => {
		const hook = await receiver([]);
		servers.push(hook.server);
		sim.setBehaviour(() => ({ durationMs: 50 }));
		const answer = await post(sim, `/wavespeed/api/v3/alibaba/wan-2.6/text-to-video?webhook=${encodeURIComponent(hook.url)}`, { prompt: 'a cat' });
		await until(() => hook.received.length === 1, 3000);
		expect(hook.received[0].body).toMatchObject({ id: (answer.data as Record<string, unknown>).id, status: 'completed' });
		expect(hook.received[0].body).not.toHaveProperty('data');
	});
});
