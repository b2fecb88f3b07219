/**
 * Alibaba Cloud Model Studio through the real engine, for every catalogue mode and model the
 * provider-neutral scenarios do not cover (they run wan2.5 text/image to video and wan2.5 text to image),
 * asserting the body the simulator got; plus the legacy image protocol's partial failures, cancel on
 * stop while the task is queued, an expired task id, and the credential test.
 */
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
} from 'n8n-workflow';

import { AlibabaModelStudioApi } from '../../credentials/AlibabaModelStudioApi.credentials';
import { HarnessCredentialsHelper, HarnessNodeTypes } from '../harness';
import type { Simulator } from '../simulator';
import { NODE_NAME, providerSuite, startWan, until } from './support';

const VIDEO_PATH = '/alibaba/api/v1/services/aigc/video-generation/video-synthesis';
const MESSAGES_PATH = '/alibaba/api/v1/services/aigc/image-generation/generation';

let sim: Simulator;
const { run, itSubmits } = providerSuite('alibaba', (started) => (sim = started));

describe('Alibaba video modes and models beyond the neutral scenarios', () => {
	itSubmits('video', [
		[
			'wan2.6 reference to video: reference_urls and a W*H size',
			{ mode: 'referenceToVideo', model: 'wan2.6', prompt: 'character1 waves at character2', referenceUrls: 'https://example.com/ref1.mp4\nhttps://example.com/ref2.png', resolution: '1080p', aspectRatio: '1:1', duration: 10, options: { shotType: 'multi', negativePrompt: 'blurry' } },
			{
				path: VIDEO_PATH,
				body: {
					model: 'wan2.6-r2v',
					input: { prompt: 'character1 waves at character2', negative_prompt: 'blurry', reference_urls: ['https://example.com/ref1.mp4', 'https://example.com/ref2.png'] },
					parameters: { size: '1440*1440', duration: 10, shot_type: 'multi' },
				},
			},
			1,
			(result) => {
				const [item] = result.output(NODE_NAME);
				expect(item.json).toMatchObject({ provider: 'alibaba', model: 'wan2.6-r2v', status: 'succeeded' });
				expect(item.json.url).toMatch(/\/files\/.+\.mp4$/);
			},
		],
		[
			'wan2.6-flash reference to video with Generate Audio off',
			{ mode: 'referenceToVideo', model: 'wan2.6-flash', prompt: 'character1 dances', referenceUrls: 'https://example.com/ref1.png', resolution: '720p', aspectRatio: '9:16', duration: 2, options: { generateAudio: false } },
			{ path: VIDEO_PATH, body: { model: 'wan2.6-r2v-flash', input: { prompt: 'character1 dances', reference_urls: ['https://example.com/ref1.png'] }, parameters: { size: '720*1280', duration: 2, audio: false } } },
			1,
		],
		[
			'wan2.2 text to video',
			{ mode: 'textToVideo', model: 'wan2.2', prompt: 'Rain', resolution: '480p', aspectRatio: '9:16', duration: 5 },
			{ path: VIDEO_PATH, body: { model: 'wan2.2-t2v-plus', input: { prompt: 'Rain' }, parameters: { size: '480*832', duration: 5 } } },
			1,
		],
		[
			'wan2.6 text to video',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase', resolution: '720p', aspectRatio: '4:3', duration: 12, options: { audioUrl: 'https://example.com/track.mp3', seed: 42 } },
			{ path: VIDEO_PATH, body: { model: 'wan2.6-t2v', input: { prompt: 'A chase', audio_url: 'https://example.com/track.mp3' }, parameters: { size: '1088*832', duration: 12, seed: 42 } } },
			1,
		],
		[
			'wan2.2 image to video without a prompt',
			{ mode: 'imageToVideo', model: 'wan2.2', prompt: '', imageUrl: 'https://example.com/a.png', resolution: '1080p', duration: 5 },
			{ path: VIDEO_PATH, body: { model: 'wan2.2-i2v-plus', input: { img_url: 'https://example.com/a.png' }, parameters: { resolution: '1080P', duration: 5 } } },
			1,
		],
		[
			'wan2.6 image to video',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'Waves', imageUrl: 'https://example.com/beach.jpg', resolution: '1080p', duration: 15, options: { watermark: true, promptExtend: false } },
			{ path: VIDEO_PATH, body: { model: 'wan2.6-i2v', input: { prompt: 'Waves', img_url: 'https://example.com/beach.jpg' }, parameters: { resolution: '1080P', duration: 15, prompt_extend: false, watermark: true } } },
			1,
		],
		[
			'wan2.6-flash image to video',
			{ mode: 'imageToVideo', model: 'wan2.6-flash', prompt: 'Waves', imageUrl: 'https://example.com/beach.jpg', resolution: '720p', duration: 3, options: { generateAudio: true, shotType: 'single' } },
			{ path: VIDEO_PATH, body: { model: 'wan2.6-i2v-flash', input: { prompt: 'Waves', img_url: 'https://example.com/beach.jpg' }, parameters: { resolution: '720P', duration: 3, shot_type: 'single', audio: true } } },
			1,
		],
	]);
});

describe('Alibaba image modes and models beyond the neutral scenarios', () => {
	itSubmits('image', [
		[
			'wan2.5 image to image on the legacy protocol: input.images, n always sent',
			{ mode: 'imageToImage', model: 'wan2.5', prompt: 'Put the hat on the cat', imageUrls: 'https://example.com/cat.png, https://example.com/hat.png', numberOfImages: 2, options: { seed: 5 } },
			{
				path: '/alibaba/api/v1/services/aigc/image2image/image-synthesis',
				body: { model: 'wan2.5-i2i-preview', input: { prompt: 'Put the hat on the cat', images: ['https://example.com/cat.png', 'https://example.com/hat.png'] }, parameters: { n: 2, seed: 5 } },
			},
			2,
			(result) => expect(result.output(NODE_NAME).map((item) => item.json.index)).toEqual([0, 1]),
		],
		[
			'wan2.6 text to image on the messages protocol: three images, three items',
			{ mode: 'textToImage', model: 'wan2.6', prompt: 'A lighthouse at sunset', aspectRatio: '16:9', numberOfImages: 3, options: { negativePrompt: 'text, watermark' } },
			{
				path: MESSAGES_PATH,
				body: {
					model: 'wan2.6-t2i',
					input: { messages: [{ role: 'user', content: [{ text: 'A lighthouse at sunset' }] }] },
					parameters: { negative_prompt: 'text, watermark', size: '1696*960', n: 3 },
				},
			},
			3,
			(result) => expect(new Set(result.output(NODE_NAME).map((item) => item.json.url)).size).toBe(3),
		],
		[
			'wan2.6 image to image on the messages protocol: text first, then each image',
			{ mode: 'imageToImage', model: 'wan2.6', prompt: 'Style of image 1, background of image 2', imageUrls: 'https://example.com/1.png\nhttps://example.com/2.png', numberOfImages: 1, options: { size: '1280x720', promptExtend: false } },
			{
				path: MESSAGES_PATH,
				body: {
					model: 'wan2.6-image',
					input: {
						messages: [{ role: 'user', content: [{ text: 'Style of image 1, background of image 2' }, { image: 'https://example.com/1.png' }, { image: 'https://example.com/2.png' }] }],
					},
					parameters: { size: '1280*720', n: 1, prompt_extend: false },
				},
			},
			1,
		],
	]);

	it('a partially failed image task delivers the images that worked and names the one that did not', async () => {
		sim.setBehaviour(() => ({ durationMs: 150, outcome: 'success', failedResults: [1] }));
		const result = await run('image', { mode: 'textToImage', model: 'wan2.5', prompt: 'Three cats', numberOfImages: 3 });
		expect(result.status).toBe('success');
		const items = result.output(NODE_NAME);
		expect(items).toHaveLength(2);
		for (const item of items) {
			expect(item.json.partialFailures).toEqual(['image 2: DataInspectionFailed: Output data may contain inappropriate content.']);
			expect(item.json.urls).toHaveLength(2);
		}
		expect(items.map((item) => item.json.url)).toEqual([
			expect.stringMatching(/\/0\.png$/),
			expect.stringMatching(/\/2\.png$/),
		]);
	});

	it('an image task where every image failed fails the node with the provider code', async () => {
		sim.setBehaviour(() => ({ durationMs: 150, outcome: 'success', failedResults: [0, 1] }));
		const result = await run('image', { mode: 'textToImage', model: 'wan2.5', prompt: 'Two cats', numberOfImages: 2 });
		expect(result.status).toBe('error');
		const message = result.nodeError(NODE_NAME)!.message;
		expect(message).toContain(sim.tasks[0].id);
		expect(message).toMatch(/Output data may contain inappropriate content\..*DataInspectionFailed/);
	});
});

describe('Alibaba task lifecycle', () => {
	const textToVideo = { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' };

	it('stopping the execution while the task is PENDING cancels it with exactly one request', async () => {
		// PENDING for the first tenth of the task's duration: 6 s.
		sim.setBehaviour(() => ({ durationMs: 60_000, outcome: 'success' }));
		const started = startWan({ sim, provider: 'alibaba', kind: 'video', parameters: { ...textToVideo, options: { pollInterval: 0.2 } } });
		// A second poll is sent only after the first answer (RUNNING) was read: the node knows it is running.
		await until(() => sim.requests.filter((request) => request.route === 'status' && request.status === 200).length >= 2);
		const canceledAt = performance.now();
		started.cancel();
		const result = await started.result;
		expect(result.status).toBe('canceled');
		await until(() => sim.requests.some((request) => request.route === 'cancel'));
		await new Promise((resolve) => setTimeout(resolve, 500));
		const after = sim.requests.filter((request) => request.at > canceledAt);
		expect(after).toHaveLength(1);
		expect(after[0]).toMatchObject({
			route: 'cancel',
			method: 'POST',
			status: 200,
			taskId: sim.tasks[0].id,
			path: `/alibaba/api/v1/tasks/${sim.tasks[0].id}/cancel`,
			authorization: 'ok',
		});
		expect(sim.tasks[0].canceled).toBe(true);
	});

	it('stopping the execution while the task is RUNNING sends no cancel (DashScope cancels only queued tasks)', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'never' }));
		const started = startWan({ sim, provider: 'alibaba', kind: 'video', parameters: { ...textToVideo, options: { pollInterval: 0.2 } } });
		// A second poll is sent only after the first answer (RUNNING) was read: the node knows it is running.
		await until(() => sim.requests.filter((request) => request.route === 'status' && request.status === 200).length >= 2);
		const canceledAt = performance.now();
		started.cancel();
		expect((await started.result).status).toBe('canceled');
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(sim.requests.filter((request) => request.at > canceledAt)).toEqual([]);
		expect(sim.tasks[0].canceled).toBe(false);
	});

	it('Get Task on an expired or unknown id fails at the first poll, saying the task is gone', async () => {
		const result = await run('video', {
			operation: 'getTask',
			mode: 'textToVideo',
			model: 'wan2.5',
			taskId: '502a00b1-19d9-4839-a82f-xxxxxx',
			options: { timeout: 60 },
		});
		expect(result.status).toBe('error');
		const error = result.nodeError(NODE_NAME)!;
		expect(error.message).toContain('502a00b1-19d9-4839-a82f-xxxxxx');
		expect(error.message).toMatch(/failed: task not found or expired/);
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0]).toMatchObject({ route: 'status', status: 200 });
	});
});

describe('Alibaba credential and protocol checks against the simulator', () => {
	const credential = new AlibabaModelStudioApi();
	const helper = new HarnessCredentialsHelper({}, { alibabaModelStudioApi: credential });
	const node: INode = {
		id: '1',
		name: NODE_NAME,
		type: 'n8n-nodes-wan.wanVideo',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes: new HarnessNodeTypes() });

	/** The test request's base URL, resolved by the harness helper with n8n's expression engine. */
	function testBaseUrl(credentials: ICredentialDataDecryptedObject): string {
		return String(helper['resolveValue'](credential.test.request.baseURL, credentials, workflow, node));
	}

	async function callCredentialTest(apiKey: string): Promise<{ status: number; body: unknown }> {
		const credentials = { apiKey, region: 'intl', baseUrl: sim.baseUrl('alibaba') };
		const headers = credential.test.request.headers as Record<string, string>;
		const authorization = String(helper['resolveValue'](headers.Authorization, credentials, workflow, node));
		const response = await fetch(`${testBaseUrl(credentials)}${credential.test.request.url}`, {
			method: credential.test.request.method,
			headers: { Authorization: authorization },
		});
		return { status: response.status, body: await response.json() };
	}

	it.each([
		['intl', 'https://dashscope-intl.aliyuncs.com'],
		['cn', 'https://dashscope.aliyuncs.com'],
		['us', 'https://dashscope-us.aliyuncs.com'],
	])('the test request goes to the %s region when no Base URL is set', (region, url) => {
		expect(testBaseUrl({ apiKey: 'k', region, baseUrl: '' })).toBe(url);
	});

	it('the test request goes to the Base URL override when set', () => {
		expect(testBaseUrl({ apiKey: 'k', region: 'cn', baseUrl: 'https://ws-1.cn-beijing.maas.aliyuncs.com' })).toBe(
			'https://ws-1.cn-beijing.maas.aliyuncs.com',
		);
	});

	it('a right key passes the credential test (200, task UNKNOWN)', async () => {
		const { status, body } = await callCredentialTest(sim.apiKey);
		expect(status).toBe(200);
		expect(body).toMatchObject({ output: { task_id: 'credential-check', task_status: 'UNKNOWN' } });
	});

	it('a wrong key fails the credential test (401 InvalidApiKey)', async () => {
		const { status, body } = await callCredentialTest('sk-wrong');
		expect(status).toBe(401);
		expect(body).toMatchObject({ code: 'InvalidApiKey', message: 'Invalid API-key provided.' });
	});

	it('a create without X-DashScope-Async is refused with 403 AccessDenied and creates no task', async () => {
		const response = await fetch(`${sim.baseUrl('alibaba')}/api/v1/services/aigc/video-generation/video-synthesis`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ model: 'wan2.5-t2v-preview', input: { prompt: 'x' }, parameters: {} }),
		});
		expect(response.status).toBe(403);
		expect(await response.json()).toMatchObject({
			code: 'AccessDenied',
			message: 'current user api does not support synchronous calls',
		});
		expect(sim.tasks).toHaveLength(0);
	});
});
