/**
 * The provider-neutral scenario list: the same workflows run against every provider, the only
 * difference being the `provider` parameter and its credential (pointing at the simulator).
 */
import type { INodeParameters } from 'n8n-workflow';

import { mp4Bytes, pngBytes, type Simulator } from '../simulator';
import { PROVIDER_CASES } from './cases';
import { NODE_NAME, runWan, startWan, until, useSimulator } from './support';

const FAST = { pollInterval: 0.1 };

describe.each(PROVIDER_CASES)('$provider', (providerCase) => {
	const { provider } = providerCase;
	let sim: Simulator;
	useSimulator((started) => (sim = started));

	const video = (parameters: INodeParameters, extra: Partial<Parameters<typeof runWan>[0]> = {}) =>
		runWan({ sim, provider, kind: 'video', parameters, ...extra });

	test('text to video, waiting, returns the file as binary with a real name and type', async () => {
		const result = await video({ ...providerCase.textToVideo, options: FAST });
		expect(result.status).toBe('success');
		const [item] = result.output(NODE_NAME);
		const task = sim.tasks[0];
		expect(item.json).toMatchObject({
			provider,
			taskId: task.id,
			status: 'succeeded',
			index: 0,
			progress: 100,
		});
		expect(item.json.url).toEqual((item.json.urls as string[])[0]);
		expect(item.json.elapsedMs).toEqual(expect.any(Number));
		expect(item.pairedItem).toEqual({ item: 0 });
		const binary = item.binary!.data;
		expect(binary.mimeType).toBe('video/mp4');
		expect(binary.fileName).toBe(`${task.id.replace(/[^A-Za-z0-9._-]/g, '_')}.mp4`);
		expect((await result.binaryBuffer(binary)).equals(mp4Bytes())).toBe(true);
	});

	test('text to video with Return As URL downloads nothing', async () => {
		const result = await video({ ...providerCase.textToVideo, returnAs: 'url', options: FAST });
		expect(result.status).toBe('success');
		const [item] = result.output(NODE_NAME);
		expect(item.binary).toBeUndefined();
		expect(item.json.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
		expect(sim.requests.filter((request) => request.route === 'download')).toHaveLength(0);
	});

	test("Include Input Fields keeps the input item's fields under the node's own; off by default", async () => {
		const items = [{ title: 'Monday clip', status: 'draft' }];
		const parameters = { ...providerCase.textToVideo, returnAs: 'url' };
		const kept = await video({ ...parameters, options: { ...FAST, includeInputFields: true } }, { items });
		const [item] = kept.output(NODE_NAME);
		expect(item.json).toMatchObject({ title: 'Monday clip', status: 'succeeded', taskId: sim.tasks[0].id });
		const plain = await video({ ...parameters, options: FAST }, { items });
		expect(plain.output(NODE_NAME)[0].json).not.toHaveProperty('title');
	});

	test('image to video', async () => {
		const result = await video({ ...providerCase.imageToVideo, returnAs: 'url', options: FAST });
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME)).toHaveLength(1);
		expect(JSON.stringify(sim.tasks[0].body)).toContain('https://example.com/cat.png');
	});

	test('without waiting, outputs the handle; Get Task on it returns the file', async () => {
		sim.setBehaviour(() => ({ durationMs: 400, outcome: 'success' }));
		const submitted = await video({ ...providerCase.textToVideo, waitForCompletion: false, options: FAST });
		expect(submitted.status).toBe('success');
		const [handle] = submitted.output(NODE_NAME);
		expect(handle.json).toEqual({
			provider,
			model: expect.any(String),
			taskId: sim.tasks[0].id,
			status: expect.stringMatching(/queued|running/),
			progress: expect.any(Number),
			...(providerCase.submitUsage ? { usage: providerCase.submitUsage } : {}),
		});
		expect(sim.requests.filter((request) => request.route === 'status')).toHaveLength(0);

		const fetched = await video(
			{
				operation: 'getTask',
				mode: providerCase.textToVideo.mode,
				model: providerCase.textToVideo.model,
				taskId: '={{ $json.taskId }}',
				options: FAST,
			},
			{ items: [handle.json] },
		);
		expect(fetched.status).toBe('success');
		const [item] = fetched.output(NODE_NAME);
		expect(item.json).toMatchObject({ taskId: handle.json.taskId, status: 'succeeded' });
		expect((await fetched.binaryBuffer(item.binary!.data)).equals(mp4Bytes())).toBe(true);
		expect(sim.tasks).toHaveLength(1);
	});

	test('a failed task fails the node with the provider message and task id', async () => {
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'failure' }));
		const result = await video({ ...providerCase.textToVideo, options: FAST });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(providerCase.failureMessage);
		expect(error.message).toContain(sim.tasks[0].id);
	});

	test('a failed task under continue-on-fail becomes an error item naming the task', async () => {
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'failure' }));
		const result = await video({ ...providerCase.textToVideo, options: FAST }, { continueOnFail: true });
		expect(result.status).toBe('success');
		const [item] = result.output(NODE_NAME);
		expect(item.json).toMatchObject({
			provider,
			taskId: sim.tasks[0].id,
			status: 'failed',
			error: expect.stringMatching(providerCase.failureMessage),
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('a timeout fails with the task id and how to fetch it later', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'never' }));
		const result = await video({ ...providerCase.textToVideo, options: { ...FAST, timeout: 1 } });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toContain(sim.tasks[0].id);
		expect(error.message).toMatch(/did not finish within 1 s/);
		expect(error.description).toMatch(/Get Task/);
	});

	test('a timeout with On Timeout "Return Pending Task" outputs the handle', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'never' }));
		const result = await video({
			...providerCase.textToVideo,
			options: { ...FAST, timeout: 1, onTimeout: 'returnPending' },
		});
		expect(result.status).toBe('success');
		const [item] = result.output(NODE_NAME);
		expect(item.json).toMatchObject({ provider, taskId: sim.tasks[0].id, status: 'running' });
	});

	test('stopping the execution mid-poll ends it at once with no further requests', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'never' }));
		const run = startWan({ sim, provider, kind: 'video', parameters: { ...providerCase.textToVideo, options: { pollInterval: 0.2 } } });
		await until(() => sim.requests.some((request) => request.route === 'status'));
		const canceledAt = performance.now();
		run.cancel();
		const result = await run.result;
		const endedAfterMs = performance.now() - canceledAt;
		expect(result.status).toBe('canceled');
		expect(endedAfterMs).toBeLessThan(1000);
		await new Promise((resolve) => setTimeout(resolve, 500));
		const after = sim.requests.filter((request) => request.at > canceledAt && request.route !== 'cancel');
		expect(after).toEqual([]);
	});

	test('a batch of three submits every task before the first one finishes', async () => {
		const jobMs = 1000;
		sim.setBehaviour(() => ({ durationMs: jobMs, outcome: 'success' }));
		const started = performance.now();
		const result = await video(
			{ ...providerCase.textToVideo, prompt: '={{ $json.prompt }}', returnAs: 'url', options: { pollInterval: 0.2 } },
			{ items: [{ prompt: 'first' }, { prompt: 'second' }, { prompt: 'third' }] },
		);
		const wallMs = performance.now() - started;
		expect(result.status).toBe('success');
		const submits = sim.requests.filter((request) => request.route === 'submit');
		expect(submits).toHaveLength(3);
		const firstDone = Math.min(...sim.tasks.map((task) => task.doneAt));
		expect(Math.max(...submits.map((request) => request.at))).toBeLessThan(firstDone);
		const items = result.output(NODE_NAME);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const prompts = items.map((item) => sim.tasks.find((task) => task.id === item.json.taskId)?.prompt);
		expect(prompts).toEqual(['first', 'second', 'third']);
		// Figures for the closing note: one job's duration next to the batch's wall time.
		console.info(`[${provider}] 3-item batch: wall ${Math.round(wallMs)} ms, one job ${jobMs} ms`);
	});

	test('bad input is refused before any request, naming the field and value', async () => {
		const result = await video({ ...providerCase.textToVideo, prompt: '   ', options: FAST });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(/Invalid Prompt: "\s*". A prompt is required/);
		expect(sim.requests).toEqual([]);
	});

	test('with continue-on-fail a refused item does not stop the others', async () => {
		const result = await video(
			{ ...providerCase.textToVideo, prompt: '={{ $json.prompt }}', returnAs: 'url', options: FAST },
			{ items: [{ prompt: '' }, { prompt: 'A dog surfing' }], continueOnFail: true },
		);
		expect(result.status).toBe('success');
		const [refused, generated] = result.output(NODE_NAME);
		expect(refused.json.error).toMatch(/Invalid Prompt/);
		expect(refused.pairedItem).toEqual({ item: 0 });
		expect(generated.json).toMatchObject({ status: 'succeeded' });
		expect(generated.pairedItem).toEqual({ item: 1 });
		expect(sim.tasks.map((task) => task.prompt)).toEqual(['A dog surfing']);
	});

	test('a wrong API key fails with the provider message and never shows the key', async () => {
		const wrongKey = 'wrong-key-SECRET-4242';
		const result = await video({ ...providerCase.textToVideo, options: FAST }, { apiKey: wrongKey });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect((error as { httpCode?: string }).httpCode).toBe('401');
		expect(JSON.stringify(result.run)).not.toContain(wrongKey);
		expect(sim.tasks).toHaveLength(0);
	});

	if (providerCase.textToImage) {
		const textToImage = providerCase.textToImage;
		test('text to image with three images gives three items, each with its own file', async () => {
			const result = await runWan({
				sim,
				provider,
				kind: 'image',
				parameters: { ...textToImage, numberOfImages: 3, options: FAST },
			});
			expect(result.status).toBe('success');
			const items = result.output(NODE_NAME);
			expect(items).toHaveLength(3);
			const taskId = sim.tasks[0].id;
			for (const [index, item] of items.entries()) {
				expect(item.json).toMatchObject({ taskId, index });
				expect(item.pairedItem).toEqual({ item: 0 });
				const binary = item.binary!.data;
				expect(binary.mimeType).toBe('image/png');
				expect(binary.fileName).toBe(`${taskId.replace(/[^A-Za-z0-9._-]/g, '_')}-${index}.png`);
				expect((await result.binaryBuffer(binary)).equals(pngBytes(index))).toBe(true);
			}
		});
	}
});
