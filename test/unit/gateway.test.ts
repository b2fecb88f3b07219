/**
 * What only the OpenAI-Compatible Gateway (New API) does (seed doc 003, providers.md §4): its catalogue
 * (video only), the exact gateway bodies built from requests that went through the real validation path,
 * the OpenAI video statuses of a submit answer, where a status answer keeps its URL and its failure, and
 * the credential. The documented bodies, unreadable answers, error bodies, status requests and base URLs
 * are in the shared contract suite (contract.test.ts, fixtures under test/fixtures/gateway/).
 */
import type { IDataObject } from 'n8n-workflow';

import { CATALOGUE, modelsFor, modesFor } from '../../nodes/shared/catalogue';
import { credentialsFor, nodeProperties } from '../../nodes/shared/description';
import { MalformedResponseError } from '../../nodes/shared/providers/adapter';
import { gateway } from '../../nodes/shared/providers/gateway/adapter';
import type { GenerationRequest } from '../../nodes/shared/request';
import type { ProviderRequest } from '../../nodes/shared/types';
import type { GenerationInput } from '../../nodes/shared/validation';
import { WanGatewayApi } from '../../credentials/WanGatewayApi.credentials';
import { documented, documentedErrors } from '../fixtures/documented';
import { DASHSCOPE_VIDEO_SIZES, itRefuses, itSends, requestsFor, thrownBy } from './support';

type Envelope = { data: Record<string, unknown> };

/** The seed's "Request Body" and "Complete Request" examples ("..." and "<OUTPUT_URL>" included). */
const DOC_REQUEST_BODY = documented<{ prompt: string; metadata: { parameters: object } }>('gateway', 'submit-request');
const DOC_COMPLETE_REQUEST_BODY = documented<{ metadata: object }>('gateway', 'submit-request-complete');
const SEED_PROMPT = DOC_REQUEST_BODY.prompt;
const DOC_SUCCESS = documented<Envelope>('gateway', 'status-succeeded');
const DOC_FAILED = documented<Envelope>('gateway', 'status-failed');
const PM_SUBMIT_RESPONSE = documented('gateway', 'submit-response-current');
const PM_TASK_NOT_EXIST = documentedErrors('gateway').find((entry) => entry.name === 'task_not_exist')?.body;

/** Gateway requests are video, 720p 16:9 5 s unless a test says otherwise. */
const videoRequest = requestsFor('gateway', { resolution: '720p', aspectRatio: '16:9', duration: 5 });
type GatewayInput = Partial<GenerationInput> & Pick<GenerationInput, 'mode' | 'model'>;
const request = (input: GatewayInput): GenerationRequest => videoRequest({ kind: 'video', ...input });

function body(input: GatewayInput): IDataObject | undefined {
	return gateway.buildSubmit(request(input)).body;
}


// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

describe('Gateway catalogue', () => {
	it('serves t2v and i2v for wan2.5 and wan2.6 with the New API / DashScope model ids', () => {
		const ids = CATALOGUE.filter((spec) => spec.provider === 'gateway').map((spec) => [spec.mode, spec.model, spec.modelId]);
		expect(ids).toEqual([
			['textToVideo', 'wan2.5', 'wan2.5-t2v-preview'],
			['textToVideo', 'wan2.6', 'wan2.6-t2v'],
			['imageToVideo', 'wan2.5', 'wan2.5-i2v-preview'],
			['imageToVideo', 'wan2.6', 'wan2.6-i2v'],
		]);
		expect(modesFor('gateway', 'video')).toEqual(['textToVideo', 'imageToVideo']);
	});

	it('offers shot type on wan2.6 only and no callback URL anywhere', () => {
		for (const spec of modelsFor('gateway', 'textToVideo').concat(modelsFor('gateway', 'imageToVideo'))) {
			expect(spec.optionalFields.includes('shotType')).toBe(spec.model === 'wan2.6');
			expect(spec.optionalFields).not.toContain('callbackUrl');
			expect(spec.optionalFields).toEqual(expect.arrayContaining(['negativePrompt', 'promptExtend', 'watermark', 'seed', 'generateAudio']));
			expect(spec.media?.audio).toEqual({ min: 0, max: 1 });
		}
	});

	it('is video only: Wan Image neither lists the gateway nor asks for its credential', () => {
		expect(modesFor('gateway', 'image')).toEqual([]);
		const imageProvider = nodeProperties('image').find((property) => property.name === 'provider');
		const videoProvider = nodeProperties('video').find((property) => property.name === 'provider');
		const values = (property: typeof imageProvider) => (property?.options ?? []).map((option) => ('value' in option ? option.value : undefined));
		expect(values(imageProvider)).not.toContain('gateway');
		expect(values(videoProvider)).toContain('gateway');
		expect(credentialsFor('image').map((credential) => credential.name)).not.toContain('wanGatewayApi');
		expect(credentialsFor('video')).toContainEqual({
			name: 'wanGatewayApi',
			required: true,
			displayOptions: { show: { provider: ['gateway'] } },
		});
	});
});

// ---------------------------------------------------------------------------------------------
// Submit bodies
// ---------------------------------------------------------------------------------------------

/** Every gateway video is a POST to /v1/video/generations. */
const generation = (body: IDataObject): ProviderRequest => ({ method: 'POST', path: '/v1/video/generations', body });

describe('Gateway submit, text to video', () => {
	itSends<GatewayInput>(gateway, request, [
		[
			'the seed "Request Body" (720p 16:9 → size 1280*720), plus the duration the node always sends',
			{ mode: 'textToVideo', model: 'wan2.5', prompt: SEED_PROMPT, options: { negativePrompt: 'trees, animals, outdoors' } },
			generation({ ...DOC_REQUEST_BODY, metadata: { ...DOC_REQUEST_BODY.metadata, parameters: { ...DOC_REQUEST_BODY.metadata.parameters, duration: 5 } } }),
		],
		[
			'the seed "Complete Request" (1080p 16:9 → size 1920*1080)',
			{ mode: 'textToVideo', model: 'wan2.5', prompt: SEED_PROMPT, resolution: '1080p', options: { negativePrompt: 'trees, animals, outdoors' } },
			generation({ ...DOC_COMPLETE_REQUEST_BODY, metadata: { ...DOC_COMPLETE_REQUEST_BODY.metadata, parameters: { size: '1920*1080', duration: 5 } } }),
		],
		[
			'no metadata.input when no input field is set',
			{ mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing piano' },
			generation({ model: 'wan2.5-t2v-preview', prompt: 'A cat playing piano', metadata: { parameters: { size: '1280*720', duration: 5 } } }),
		],
		[
			'wan2.6 with every documented field: audio_url, prompt_extend, watermark, seed, audio, shot_type, 15 s',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase through a neon market', resolution: '1080p', aspectRatio: '9:16', duration: 15, options: { negativePrompt: 'blur', audioUrl: 'https://cdn.example.com/track.mp3', promptExtend: true, watermark: true, seed: 42, generateAudio: false, shotType: 'multi' } },
			generation({
				model: 'wan2.6-t2v',
				prompt: 'A chase through a neon market',
				metadata: {
					input: { negative_prompt: 'blur', audio_url: 'https://cdn.example.com/track.mp3' },
					parameters: { size: '1080*1920', duration: 15, prompt_extend: true, watermark: true, seed: 42, audio: false, shot_type: 'multi' },
				},
			}),
		],
		[
			'false and 0 as given (prompt_extend false, watermark false, seed 0)',
			{ mode: 'textToVideo', model: 'wan2.5', prompt: 'x', options: { promptExtend: false, watermark: false, seed: 0 } },
			generation({ model: 'wan2.5-t2v-preview', prompt: 'x', metadata: { parameters: { size: '1280*720', duration: 5, prompt_extend: false, watermark: false, seed: 0 } } }),
		],
		[
			'the Model ID override as model',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'x', options: { modelId: 'wan2.6-t2v-custom' } },
			generation({ model: 'wan2.6-t2v-custom', prompt: 'x', metadata: { parameters: { size: '1280*720', duration: 5 } } }),
		],
	]);

	it.each(DASHSCOPE_VIDEO_SIZES)('maps %s %s to the documented size %s', (resolution, aspectRatio, size) => {
		expect(body({ mode: 'textToVideo', model: 'wan2.5', prompt: 'x', resolution, aspectRatio })?.metadata).toStrictEqual({
			parameters: { size, duration: 5 },
		});
	});
});

describe('Gateway submit, image to video', () => {
	itSends<GatewayInput>(gateway, request, [
		[
			'wan2.5 with the image in metadata.input.img_url and the tier as parameters.resolution, no size',
			{ mode: 'imageToVideo', model: 'wan2.5', prompt: 'The cat starts to dance', imageUrl: ' https://cdn.example.com/cat.png ', resolution: '480p', aspectRatio: '4:3', duration: 10 },
			generation({ model: 'wan2.5-i2v-preview', prompt: 'The cat starts to dance', metadata: { input: { img_url: 'https://cdn.example.com/cat.png' }, parameters: { resolution: '480P', duration: 10 } } }),
		],
		[
			'wan2.6 with every documented field',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'Waves roll in', imageUrl: 'https://cdn.example.com/beach.jpg', resolution: '1080p', duration: 10, options: { negativePrompt: 'people', audioUrl: 'https://cdn.example.com/waves.mp3', promptExtend: true, watermark: false, seed: 7, generateAudio: true, shotType: 'single' } },
			generation({
				model: 'wan2.6-i2v',
				prompt: 'Waves roll in',
				metadata: {
					input: { img_url: 'https://cdn.example.com/beach.jpg', negative_prompt: 'people', audio_url: 'https://cdn.example.com/waves.mp3' },
					parameters: { resolution: '1080P', duration: 10, prompt_extend: true, watermark: false, seed: 7, audio: true, shot_type: 'single' },
				},
			}),
		],
		[
			'Extra Parameters merged into metadata key by key, keeping the built fields',
			{ mode: 'imageToVideo', model: 'wan2.5', prompt: 'x', imageUrl: 'https://cdn.example.com/a.png', options: { extraParameters: '{"metadata":{"input":{"template":"flying"},"parameters":{"resolution":"1080P"}}}' } },
			generation({ model: 'wan2.5-i2v-preview', prompt: 'x', metadata: { input: { img_url: 'https://cdn.example.com/a.png', template: 'flying' }, parameters: { resolution: '1080P', duration: 5 } } }),
		],
	]);

	it('sends no top-level image: metadata.input.img_url is what every gateway build forwards', () => {
		const built = body({ mode: 'imageToVideo', model: 'wan2.5', prompt: 'x', imageUrl: 'https://cdn.example.com/a.png' });
		expect(Object.keys(built ?? {}).sort()).toEqual(['metadata', 'model', 'prompt']);
	});
});

describe('Gateway validation refusals, before any request', () => {
	itRefuses<GatewayInput>(request, [
		['Shot Type on wan2.5', { mode: 'textToVideo', model: 'wan2.5', prompt: 'x', options: { shotType: 'multi' } }, /Shot Type/],
		['Callback URL', { mode: 'textToVideo', model: 'wan2.6', prompt: 'x', options: { callbackUrl: 'https://example.com/hook' } }, /Callback URL/],
		['15 s on wan2.5', { mode: 'textToVideo', model: 'wan2.5', prompt: 'x', duration: 15 }, /Duration: 15.*5, 10 seconds/],
		['12 s on wan2.6', { mode: 'textToVideo', model: 'wan2.6', prompt: 'x', duration: 12 }, /Duration: 12.*5, 10, 15 seconds/],
		['480p on wan2.6', { mode: 'imageToVideo', model: 'wan2.6', prompt: 'x', imageUrl: 'https://e.com/a.png', resolution: '480p' }, /Resolution/],
		['4:3 at 480p', { mode: 'textToVideo', model: 'wan2.5', prompt: 'x', resolution: '480p', aspectRatio: '4:3' }, /Aspect Ratio/],
		['an empty image-to-video prompt', { mode: 'imageToVideo', model: 'wan2.5', prompt: '', imageUrl: 'https://e.com/a.png' }, /Prompt/],
		['a prompt over 1500 characters', { mode: 'textToVideo', model: 'wan2.6', prompt: 'x'.repeat(1501) }, /At most 1500/],
		['no image', { mode: 'imageToVideo', model: 'wan2.6', prompt: 'x', imageUrl: '' }, /Image URL/],
		['image modes', { kind: 'image', mode: 'textToImage', model: 'wan2.5', prompt: 'x' }, /Invalid Mode/],
	]);
});

describe('Gateway parseSubmit', () => {
	it('falls back to task_id when there is no id', () => {
		expect(gateway.parseSubmit({ ...PM_SUBMIT_RESPONSE, id: '' }).taskId).toBe('<same, legacy>');
		expect(gateway.parseSubmit({ task_id: 'abc' })).toStrictEqual({ taskId: 'abc' });
	});

	it('maps the OpenAI video statuses', () => {
		expect(gateway.parseSubmit({ id: 'a', status: 'in_progress', progress: 10 }).state).toMatchObject({ status: 'running', progress: 10 });
		expect(gateway.parseSubmit({ id: 'a', status: 'completed' }).state?.status).toBe('succeeded');
		expect(gateway.parseSubmit({ id: 'a', status: 'failed' }).state?.status).toBe('failed');
		expect(gateway.parseSubmit({ id: 'a', status: 'unknown' }).state?.status).toBe('unknown');
	});

});

describe('Gateway parseStatus', () => {
	it('prefers result_url (current builds) over the raw upstream body', () => {
		const state = gateway.parseStatus({
			...DOC_SUCCESS,
			data: { ...DOC_SUCCESS.data, result_url: 'https://dashscope-result.example.com/a.mp4?Expires=1' },
		});
		expect(state.urls).toEqual(['https://dashscope-result.example.com/a.mp4?Expires=1']);
	});

	it('takes the URL from fail_reason on SUCCESS when the upstream body was redacted', () => {
		const state = gateway.parseStatus({
			...DOC_SUCCESS,
			data: { ...DOC_SUCCESS.data, fail_reason: 'https://dashscope-result.example.com/b.mp4?Expires=2', data: null },
		});
		expect(state).toMatchObject({ status: 'succeeded', urls: ['https://dashscope-result.example.com/b.mp4?Expires=2'] });
		expect(state.errorMessage).toBeUndefined();
	});

	it('reads a SUCCESS without any URL as no URLs (the scheduler reports that)', () => {
		const state = gateway.parseStatus({ code: 'success', message: '', data: { status: 'SUCCESS', fail_reason: '', data: null } });
		expect(state).toMatchObject({ status: 'succeeded', urls: [] });
	});

	it('falls back to the upstream output code and message when fail_reason is a bare "task failed"', () => {
		const state = gateway.parseStatus({ ...DOC_FAILED, data: { ...DOC_FAILED.data, fail_reason: 'task failed' } });
		expect(state).toMatchObject({ errorCode: 'InvalidParameter', errorMessage: 'image_url must provided' });
	});

	it('keeps a fail_reason without the pattern whole when there is no upstream message', () => {
		const state = gateway.parseStatus({
			code: 'success',
			message: '',
			data: { status: 'FAILURE', fail_reason: 'The size is not match xxxxxx', progress: '100%', data: null },
		});
		expect(state).toMatchObject({ status: 'failed', errorMessage: 'The size is not match xxxxxx' });
		expect(state.errorCode).toBeUndefined();
	});

	it('ignores a fail_reason on a task that has not failed', () => {
		const state = gateway.parseStatus({ code: 'success', data: { status: 'IN_PROGRESS', fail_reason: 'retrying upstream' } });
		expect(state.errorMessage).toBeUndefined();
	});

	it('names the gateway code when a 2xx body is a task error', () => {
		const error = thrownBy(() => gateway.parseStatus(PM_TASK_NOT_EXIST));
		expect(error).toBeInstanceOf(MalformedResponseError);
		expect((error as Error).message).toBe('Gateway task response has no data.status (code "task_not_exist": task_not_exist)');
	});

});

describe('Gateway credential', () => {
	it('credential: API key and a required base URL with no default; GET /v1/models with a Bearer header as the test', () => {
		const credential = new WanGatewayApi();
		expect(credential.properties.map((property) => [property.name, property.required, property.default])).toEqual([
			['apiKey', true, ''],
			['baseUrl', true, ''],
		]);
		expect(credential.properties[0].typeOptions).toEqual({ password: true });
		expect(credential.test.request).toMatchObject({
			url: '/v1/models',
			method: 'GET',
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
		});
		expect(credential.test.request.ignoreHttpStatusErrors).toBeUndefined();
	});
});
