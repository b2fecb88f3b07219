/**
 * The OpenAI-Compatible Gateway (New API) through the real engine, for the catalogue modes the
 * provider-neutral scenarios do not cover (they run wan2.5 text and image to video), asserting the body
 * the simulator received and DashScope's usage in the output; what the gateway would lose refused with no
 * request; the UNKNOWN statuses; plus the gateway's status sequence, an upstream failure, an unknown task
 * id, `sk-` tokens, a missing base URL and the credential test.
 */
import { Workflow, type INode, type INodeParameters } from 'n8n-workflow';

import { WanGatewayApi } from '../../credentials/WanGatewayApi.credentials';
import { HarnessNodeTypes, resolveCredentialExpression, runWorkflow, singleNodeWorkflow } from '../harness';
import { mp4Bytes, type Simulator } from '../simulator';
import { GATEWAY_UPSTREAM_UNKNOWN, gatewayUpstreamRequest } from '../simulator/providers/gateway';
import { NODE_NAME, providerSuite } from './support';

let sim: Simulator;
const suite = providerSuite('gateway', (started) => (sim = started));
const { statusPaths } = suite;
/** The gateway makes videos only. */
const run = (parameters: INodeParameters, extra: Parameters<typeof suite.run>[2] = {}) => suite.run('video', parameters, extra);

describe('Gateway video modes beyond the neutral scenarios', () => {
	suite.itSubmits('video', [
		[
			'wan2.6 text to video: size from 1080p 4:3, 15 s, every option New API forwards in metadata, DashScope\'s usage out',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase through a neon market', resolution: '1080p', aspectRatio: '4:3', duration: 15, options: { negativePrompt: 'blurry', audioUrl: 'https://example.com/track.mp3', promptExtend: true, seed: 7, watermark: true, generateAudio: false } },
			{
				path: '/gateway/v1/video/generations',
				body: {
					model: 'wan2.6-t2v',
					prompt: 'A chase through a neon market',
					metadata: {
						input: { negative_prompt: 'blurry', audio_url: 'https://example.com/track.mp3' },
						parameters: { size: '1632*1248', duration: 15, prompt_extend: true, watermark: true, seed: 7, audio: false },
					},
				},
			},
			1,
			(result) => {
				const taskId = sim.tasks[0].id;
				expect(statusPaths().length).toBeGreaterThan(0);
				expect(statusPaths().every((path) => path === `/gateway/v1/video/generations/${taskId}`)).toBe(true);
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'gateway', model: 'wan2.6-t2v', taskId, status: 'succeeded', progress: 100 });
				expect(item.json.urls).toEqual([`${sim.origin}/files/${taskId}/0.mp4`]);
				expect(item.json.usage).toStrictEqual({ video_count: 1, video_duration: 15, video_ratio: '1632*1248' });
			},
		],
		[
			'wan2.6 image to video for 3 s: img_url and the 720P tier, downloaded as binary',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'Waves roll in', imageUrl: 'https://example.com/beach.jpg', resolution: '720p', duration: 3, returnAs: 'binary', options: { audioUrl: 'https://example.com/waves.mp3' } },
			{
				path: '/gateway/v1/video/generations',
				body: {
					model: 'wan2.6-i2v',
					prompt: 'Waves roll in',
					metadata: { input: { img_url: 'https://example.com/beach.jpg', audio_url: 'https://example.com/waves.mp3' }, parameters: { resolution: '720P', duration: 3 } },
				},
			},
			1,
			async (result) => {
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ model: 'wan2.6-i2v', status: 'succeeded' });
				expect((await result.binaryBuffer(item.binary!.data)).equals(mp4Bytes())).toBe(true);
			},
		],
	]);

	it('a gateway token pasted with its sk- prefix works', async () => {
		const result = await run(
			{ mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat' },
			{ apiKey: `sk-${sim.apiKey}` },
		);
		expect(result.status).toBe('success');
		expect(sim.requests.every((request) => request.route === 'download' || request.authorization === 'ok')).toBe(true);
	});
});


/** The submit the node sends for a Wan 2.7 model. */
const wan27Submit = (model: string, input: object, parameters: object) => ({
	path: '/gateway/v1/video/generations',
	body: { model, prompt: expect.any(String), metadata: { input, parameters } },
});

describe('Gateway Wan 2.7 through metadata.input.media', () => {
	suite.itSubmits('video', [
		[
			'text to video: resolution and ratio, the soundtrack as input.audio_url, usage out',
			{ mode: 'textToVideo', model: 'wan2.7', prompt: 'A lighthouse in a storm', resolution: '1080p', aspectRatio: '9:16', duration: 12, options: { audioUrl: 'https://example.com/storm.mp3', seed: 5 } },
			// The empty size clears the 1280*720 New API adds to t2v models.
			wan27Submit('wan2.7-t2v', { audio_url: 'https://example.com/storm.mp3' }, { resolution: '1080P', ratio: '9:16', duration: 12, seed: 5, size: '' }),
			1,
			(result) => {
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'gateway', model: 'wan2.7-t2v', status: 'succeeded' });
				expect(item.json.usage).toStrictEqual({ duration: 12, output_video_duration: 12, video_count: 1, SR: 1080 });
				// What reached DashScope: no size at all, so the ratio and tier decide the shape.
				expect(gatewayUpstreamRequest(sim.tasks[0].body as Record<string, unknown>).parameters).toStrictEqual({
					prompt_extend: true,
					resolution: '1080P',
					ratio: '9:16',
					duration: 12,
					seed: 5,
				});
			},
		],
		[
			'image to video: first_frame and driving_audio',
			{ mode: 'imageToVideo', model: 'wan2.7', prompt: 'The cat sings', imageUrl: 'https://example.com/cat.png', duration: 6, options: { audioUrl: 'https://example.com/song.mp3' } },
			wan27Submit('wan2.7-i2v', { media: [{ type: 'first_frame', url: 'https://example.com/cat.png' }, { type: 'driving_audio', url: 'https://example.com/song.mp3' }] }, { resolution: '720P', duration: 6 }),
			1,
		],
		[
			'first and last frame',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'Day turns to night', imageUrl: 'https://example.com/day.png', lastFrameUrl: 'https://example.com/night.png', resolution: '1080p', duration: 5 },
			wan27Submit('wan2.7-i2v', { media: [{ type: 'first_frame', url: 'https://example.com/day.png' }, { type: 'last_frame', url: 'https://example.com/night.png' }] }, { resolution: '1080P', duration: 5 }),
			1,
			(result) => expect(result.output(NODE_NAME)[0].json.usage).toStrictEqual({ duration: 5, output_video_duration: 5, video_count: 1, SR: 1080 }),
		],
		[
			'extend a clip to an ending frame',
			{ mode: 'extendVideo', model: 'wan2.7', prompt: 'The car drives off', videoUrl: 'https://example.com/clip.mp4', lastFrameUrl: 'https://example.com/end.png', duration: 10 },
			wan27Submit('wan2.7-i2v', { media: [{ type: 'first_clip', url: 'https://example.com/clip.mp4' }, { type: 'last_frame', url: 'https://example.com/end.png' }] }, { resolution: '720P', duration: 10 }),
			1,
		],
		[
			'reference to video: a video and an image told apart, then the first frame',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Video 1 hands Image 1 over', referenceUrls: 'https://example.com/actor.mp4\nhttps://example.com/cup.png', imageUrl: 'https://example.com/start.png', aspectRatio: '1:1', duration: 10 },
			wan27Submit(
				'wan2.7-r2v',
				{
					media: [
						{ type: 'reference_video', url: 'https://example.com/actor.mp4' },
						{ type: 'reference_image', url: 'https://example.com/cup.png' },
						{ type: 'first_frame', url: 'https://example.com/start.png' },
					],
				},
				{ resolution: '720P', ratio: '1:1', duration: 10 },
			),
			1,
		],
		[
			'edit keeping the source length and sound: duration 0, audio_setting origin; usage counts input and output',
			{ mode: 'editVideo', model: 'wan2.7', prompt: 'Make it snow', videoUrl: 'https://example.com/street.mp4', referenceUrls: 'https://example.com/snow.png', duration: 0, options: { keepSourceAudio: true } },
			wan27Submit('wan2.7-videoedit', { media: [{ type: 'video', url: 'https://example.com/street.mp4' }, { type: 'reference_image', url: 'https://example.com/snow.png' }] }, { resolution: '720P', duration: 0, audio_setting: 'origin' }),
			1,
			(result) => {
				// duration 0 does not reach DashScope (New API's omitempty): DashScope's default keeps the length.
				expect(gatewayUpstreamRequest(sim.tasks[0].body as Record<string, unknown>).parameters).not.toHaveProperty('duration');
				expect(result.output(NODE_NAME)[0].json.usage).toStrictEqual({ duration: 10, input_video_duration: 5, output_video_duration: 5, video_count: 1, SR: 720 });
			},
		],
	]);
});

describe('Gateway refusals, before any request', () => {
	it.each([
		['Prompt Extend false', { promptExtend: false }, /^Invalid Prompt Extend: false\. New API's Ali channel drops prompt_extend: false on most builds/],
		['Seed 0', { seed: 0 }, /^Invalid Seed: 0\. New API's Ali channel drops seed: 0 on most builds/],
	])('%s, naming the field and what is allowed, with no request', async (_name, options, message) => {
		const result = await run({ mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', options });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(/Nothing was sent/);
		expect(sim.requests).toEqual([]);
	});

	it.each([
		['Shot Type on wan2.6', { mode: 'textToVideo', model: 'wan2.6', prompt: 'A cat', options: { shotType: 'multi' } }, 'shot_type'],
		['Reference Voice URLs on wan2.7', { mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 speaks', referenceUrls: 'https://example.com/a.png', options: { referenceVoiceUrls: 'https://example.com/voice.mp3' } }, 'reference_voice'],
	])('%s is not offered: n8n drops the hidden option and nothing of it is sent', async (_name, parameters, field) => {
		const result = await run(parameters);
		expect(result.status).toBe('success');
		expect(JSON.stringify(suite.submitted().body)).not.toContain(field);
	});

	it('an edit without a source video', async () => {
		const result = await run({ mode: 'editVideo', model: 'wan2.7', prompt: 'Make it snow', videoUrl: '', duration: 0 });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(/Invalid Video URL: empty/);
		expect(sim.requests).toEqual([]);
	});

	it('Prompt Extend false and Seed 0 on one item with continue-on-fail: one failed item, still no request', async () => {
		const result = await run({ mode: 'editVideo', model: 'wan2.7', prompt: 'Make it snow', videoUrl: 'https://example.com/a.mp4', duration: 0, options: { promptExtend: false, seed: 0 } }, { continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME)[0].json.error).toMatch(/^This item has 2 problems\. Invalid Prompt Extend: false\. .* Invalid Seed: 0\./);
		expect(sim.requests).toEqual([]);
	});
});

describe('Gateway UNKNOWN statuses', () => {
	it('New API\'s own UNKNOWN is polled on until the task ends', async () => {
		sim.inject({
			provider: 'gateway',
			route: 'status',
			status: 200,
			times: 2,
			body: { code: 'success', message: '', data: { task_id: 'x', status: 'UNKNOWN', progress: '30%', fail_reason: '', data: null } },
		});
		const result = await run({ mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat' });
		expect(result.status).toBe('success');
		expect(statusPaths().length).toBeGreaterThanOrEqual(3);
		expect(result.output(NODE_NAME)[0].json).toMatchObject({ status: 'succeeded', usage: { video_count: 1, video_duration: 5 } });
	});

	it('DashScope\'s UNKNOWN (New API: FAILURE "task failed") fails the item saying what happened', async () => {
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'failure', failure: GATEWAY_UPSTREAM_UNKNOWN }));
		const result = await run({ mode: 'textToVideo', model: 'wan2.7', prompt: 'A cat' });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toBe(
			`OpenAI-Compatible Gateway (New API) task ${sim.tasks[0].id} failed: DashScope no longer knows this task (UNKNOWN: its id expired after 24 hours or was never accepted)`,
		);
	});
});

describe('Gateway failures', () => {
	it('an image-to-video model without an image fails upstream as in the seed doc, code and message passed on', async () => {
		const result = await run({
			mode: 'textToVideo',
			model: 'wan2.5',
			prompt: 'A cat',
			options: { modelId: 'wan2.5-i2v-preview' },
		});
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toBe(
			`OpenAI-Compatible Gateway (New API) task ${sim.tasks[0].id} failed: image_url must provided [InvalidParameter]`,
		);
	});

	it('a behaviour failure reaches the node as the gateway words it', async () => {
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'failure', failure: { code: 'Throttling.RateQuota', message: 'Requests rate limit exceeded' } }));
		const result = await run({ mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat' }, { continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME)[0].json).toMatchObject({
			provider: 'gateway',
			taskId: sim.tasks[0].id,
			status: 'failed',
			errorCode: 'Throttling.RateQuota',
			error: expect.stringContaining('Requests rate limit exceeded'),
		});
	});

	it('Get Task with an unknown id fails with the gateway\'s task_not_exist (HTTP 400)', async () => {
		const result = await run({ operation: 'getTask', mode: 'textToVideo', model: 'wan2.5', taskId: 'no-such-task' });
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toMatch(/HTTP 400\): task_not_exist \[task_not_exist\]/);
		expect((error as { httpCode?: string }).httpCode).toBe('400');
		expect(statusPaths()).toEqual(['/gateway/v1/video/generations/no-such-task']);
	});

	it('a credential without a base URL fails before any request, saying what to enter', async () => {
		const workflow = singleNodeWorkflow({
			type: 'n8n-nodes-wan.wanVideo',
			name: NODE_NAME,
			parameters: { provider: 'gateway', mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat' },
			credentials: { wanGatewayApi: { id: '1', name: 'gateway' } },
		});
		const result = await runWorkflow(workflow, { credentials: { wanGatewayApi: { apiKey: sim.apiKey, baseUrl: '' } } });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)!.message).toMatch(/no Base URL.*e\.g\. https:\/\/gateway\.example\.com/);
		expect(sim.requests).toEqual([]);
	});
});

describe('Gateway simulator, as seed doc 003 shows the gateway', () => {
	async function call(method: string, path: string, body?: unknown, apiKey = sim.apiKey) {
		const response = await fetch(`${sim.baseUrl('gateway')}${path}`, {
			method,
			headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	}

	it('moves NOT_START → QUEUED → IN_PROGRESS → SUCCESS with the upstream body in data.data', async () => {
		sim.setBehaviour(() => ({ durationMs: 3000, outcome: 'success' }));
		const created = await call('POST', '/v1/video/generations', { model: 'wan2.5-t2v-preview', prompt: 'A cat' });
		expect(created.status).toBe(200);
		expect(created.body).toEqual({
			id: sim.tasks[0].id,
			task_id: sim.tasks[0].id,
			object: 'video',
			model: 'wan2.5-t2v-preview',
			status: 'queued',
			progress: 0,
			created_at: expect.any(Number),
		});
		const seen: string[] = [];
		let last: Record<string, unknown> = {};
		for (let polls = 0; polls < 300 && last.status !== 'SUCCESS'; polls++) {
			const polled = await call('GET', `/v1/video/generations/${String(created.body.id)}`);
			expect(polled.status).toBe(200);
			expect(polled.body).toMatchObject({ code: 'success', message: '' });
			last = polled.body.data as Record<string, unknown>;
			if (seen.at(-1) !== last.status) seen.push(String(last.status));
			await new Promise((resolve) => setTimeout(resolve, 30));
		}
		expect(seen).toEqual(['NOT_START', 'QUEUED', 'IN_PROGRESS', 'SUCCESS']);
		const url = `${sim.origin}/files/${sim.tasks[0].id}/0.mp4`;
		expect(last).toMatchObject({
			task_id: sim.tasks[0].id,
			action: 'textGenerate',
			fail_reason: url,
			progress: '100%',
			data: { output: { task_status: 'SUCCEEDED', video_url: url, orig_prompt: 'A cat' }, usage: { video_count: 1 } },
		});
		expect(last).not.toHaveProperty('result_url');
	});

	it('answers a failure with fail_reason "task failed, code: X , message: Y" and the upstream code', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'failure' }));
		const created = await call('POST', '/v1/video/generations', { model: 'wan2.5-t2v-preview', prompt: 'A cat' });
		const polled = await call('GET', `/v1/video/generations/${String(created.body.id)}`);
		expect(polled.body.data).toMatchObject({
			status: 'FAILURE',
			progress: '100%',
			fail_reason: 'task failed, code: DataInspectionFailed , message: Input data may contain inappropriate content.',
			data: { output: { code: 'DataInspectionFailed', message: 'Input data may contain inappropriate content.', task_status: 'FAILED' } },
		});
	});

	it('forwards to DashScope only what every New API build forwards', () => {
		const upstream = gatewayUpstreamRequest({
			model: 'wan2.7-r2v',
			prompt: 'Image 1 speaks',
			metadata: {
				input: { media: [{ type: 'reference_image', url: 'https://e.com/a.png', reference_voice: 'https://e.com/v.mp3' }], extra: 1 },
				parameters: { shot_type: 'multi', prompt_extend: false, seed: 0, watermark: true, ratio: '16:9' },
			},
		});
		expect(upstream).toStrictEqual({
			model: 'wan2.7-r2v',
			input: { prompt: 'Image 1 speaks', media: [{ type: 'reference_image', url: 'https://e.com/a.png' }] },
			// prompt_extend false and seed 0 are gone: DashScope's defaults (extend on, a random seed) apply.
			parameters: { resolution: '720P', duration: 5, watermark: true, ratio: '16:9' },
		});
		// A t2v model gets New API's default size unless the request clears it.
		expect(gatewayUpstreamRequest({ model: 'wan2.7-t2v', prompt: 'x' }).parameters).toMatchObject({ size: '1280*720' });
		expect(gatewayUpstreamRequest({ model: 'wan2.7-t2v', prompt: 'x', metadata: { parameters: { size: '' } } }).parameters).not.toHaveProperty('size');
	});

	it('refuses Wan 2.7 without media as New API and DashScope do, creating no task', async () => {
		expect(await call('POST', '/v1/video/generations', { model: 'wan2.7-r2v', prompt: 'x' })).toEqual({
			status: 400,
			body: { code: 'ali_api_error', message: 'InvalidParameter: Field required: input.media', data: null },
		});
		expect((await call('POST', '/v1/video/generations', { model: 'wan2.7-i2v', prompt: 'x' })).status).toBe(500);
		expect(sim.tasks).toHaveLength(0);
	});

	it('answers a Wan 2.7 task as a current build: result_url set, fail_reason empty, Wan 2.7 usage', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'success' }));
		const created = await call('POST', '/v1/video/generations', { model: 'wan2.7-t2v', prompt: 'x', metadata: { parameters: { duration: 4, resolution: '720P' } } });
		const polled = await call('GET', `/v1/video/generations/${String(created.body.id)}`);
		const url = `${sim.origin}/files/${sim.tasks[0].id}/0.mp4`;
		expect(polled.body.data).toMatchObject({
			status: 'SUCCESS',
			fail_reason: '',
			result_url: url,
			data: { output: { task_status: 'SUCCEEDED', video_url: url }, usage: { duration: 4, output_video_duration: 4, video_count: 1, SR: 720 } },
		});
	});

	it('refuses garbage with {code, message, data}, a bad token OpenAI-style, an unknown id with 400', async () => {
		expect(await call('POST', '/v1/video/generations', { prompt: 'A cat' })).toEqual({
			status: 400,
			body: { code: 'missing_model', message: 'model field is required', data: null },
		});
		expect(await call('POST', '/v1/video/generations', { model: 'wan2.6-t2v', prompt: ' ' })).toEqual({
			status: 400,
			body: { code: 'invalid_request', message: 'prompt is required', data: null },
		});
		expect(await call('GET', '/v1/video/generations/nope')).toEqual({
			status: 400,
			body: { code: 'task_not_exist', message: 'task_not_exist', data: null },
		});
		const denied = await call('GET', '/v1/models', undefined, 'wrong');
		expect(denied.status).toBe(401);
		expect(denied.body).toEqual({
			error: { message: expect.stringMatching(/^无效的令牌 \(request id: \d+\)$/), type: 'new_api_error', code: '' },
		});
		expect(sim.tasks).toHaveLength(0);
	});
});

describe('Gateway credential test against the simulator', () => {
	const credential = new WanGatewayApi();
	const node: INode = { id: '1', name: 'Test', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: new HarnessNodeTypes() });

	/** The request n8n sends: baseURL resolved by n8n's expression engine, the Test request's Bearer header. */
	async function credentialTest(apiKey: string, baseUrl = sim.baseUrl('gateway')) {
		const { request } = credential.test;
		const values = { apiKey, baseUrl };
		const baseURL = workflow.expression.getSimpleParameterValue(node, request.baseURL!, 'internal', {
			$credentials: values,
		} as never) as string;
		const headers = credential.test.request.headers as Record<string, string>;
		const authorization = resolveCredentialExpression(headers.Authorization, values) as string;
		const response = await fetch(`${baseURL}${request.url}`, { method: request.method, headers: { Authorization: authorization } });
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	}

	it('is a 2xx OpenAI model list for the right key and a 401 for a wrong one', async () => {
		const right = await credentialTest(sim.apiKey);
		expect(right.status).toBe(200);
		expect(right.body).toMatchObject({ object: 'list', data: expect.arrayContaining([expect.objectContaining({ id: 'wan2.6-t2v' })]) });
		expect((await credentialTest('wrong-key')).status).toBe(401);
		expect(sim.requests.map((request) => request.path)).toEqual(['/gateway/v1/models', '/gateway/v1/models']);
	});

	it('ignores a trailing /v1 (and slash) in the base URL, as the node does', async () => {
		expect((await credentialTest(sim.apiKey, `${sim.baseUrl('gateway')}/v1/`)).status).toBe(200);
		expect(sim.requests.at(-1)?.path).toBe('/gateway/v1/models');
	});
});
