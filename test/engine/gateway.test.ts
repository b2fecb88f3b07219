/**
 * The OpenAI-Compatible Gateway (New API) through the real engine, for the catalogue modes the
 * provider-neutral scenarios do not cover (they run wan2.5 text and image to video), asserting the body
 * the simulator received; plus the gateway's status sequence, an upstream failure, an unknown task id,
 * `sk-` tokens, a missing base URL and the credential test.
 */
import { Workflow, type INode, type INodeParameters } from 'n8n-workflow';

import { WanGatewayApi } from '../../credentials/WanGatewayApi.credentials';
import { HarnessNodeTypes, resolveCredentialExpression, runWorkflow, singleNodeWorkflow } from '../harness';
import { mp4Bytes, type Simulator } from '../simulator';
import { NODE_NAME, providerSuite } from './support';

let sim: Simulator;
const suite = providerSuite('gateway', (started) => (sim = started));
const { statusPaths } = suite;
/** The gateway makes videos only. */
const run = (parameters: INodeParameters, extra: Parameters<typeof suite.run>[2] = {}) => suite.run('video', parameters, extra);

describe('Gateway video modes beyond the neutral scenarios', () => {
	suite.itSubmits('video', [
		[
			'wan2.6 text to video: size from 1080p 4:3, 15 s, every documented option in metadata',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase through a neon market', resolution: '1080p', aspectRatio: '4:3', duration: 15, options: { negativePrompt: 'blurry', audioUrl: 'https://example.com/track.mp3', promptExtend: true, shotType: 'multi', seed: 7, watermark: true, generateAudio: false } },
			{
				path: '/gateway/v1/video/generations',
				body: {
					model: 'wan2.6-t2v',
					prompt: 'A chase through a neon market',
					metadata: {
						input: { negative_prompt: 'blurry', audio_url: 'https://example.com/track.mp3' },
						parameters: { size: '1632*1248', duration: 15, prompt_extend: true, watermark: true, seed: 7, audio: false, shot_type: 'multi' },
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
			},
		],
		[
			'wan2.6 image to video: img_url and the 720P tier, downloaded as binary',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'Waves roll in', imageUrl: 'https://example.com/beach.jpg', resolution: '720p', duration: 10, returnAs: 'binary', options: { audioUrl: 'https://example.com/waves.mp3', shotType: 'single' } },
			{
				path: '/gateway/v1/video/generations',
				body: {
					model: 'wan2.6-i2v',
					prompt: 'Waves roll in',
					metadata: { input: { img_url: 'https://example.com/beach.jpg', audio_url: 'https://example.com/waves.mp3' }, parameters: { resolution: '720P', duration: 10, shot_type: 'single' } },
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
