/**
 * What only the OpenAI-Compatible Gateway (New API) does (seed doc 003, providers.md §4, New API's Ali
 * adaptor source: docs/research/wan-2.7-providers.md §4): its catalogue (video only, Wan 2.5–2.7), the
 * exact gateway bodies built from requests that went through the real validation path, what the gateway
 * would silently lose refused before any request, the OpenAI video statuses of a submit answer, where a
 * status answer keeps its URL, its failure and DashScope's usage, and the credential. The documented bodies, unreadable answers, error bodies, status requests and base URLs
 * are in the shared contract suite (contract.test.ts, fixtures under test/fixtures/gateway/).
 */
import type { IDataObject } from 'n8n-workflow';

import { CATALOGUE, modelsFor, modesFor } from '../../nodes/shared/catalogue';
import { credentialsFor, nodeProperties } from '../../nodes/shared/description';
import { InvalidInputError } from '../../nodes/shared/inputError';
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
/** New API's own test body for a wan2.7-i2v clip in `metadata.input.media` (adaptor_test.go, 10d43aa). */
const SRC_EXTEND_BODY = documented<{ prompt: string; metadata: { input: object } }>('gateway', 'submit-request-wan27-extend');

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
	it('serves wan2.5/2.6 text and image to video and every Wan 2.7 mode with the New API / DashScope model ids', () => {
		const ids = CATALOGUE.filter((spec) => spec.provider === 'gateway').map((spec) => [spec.mode, spec.model, spec.modelId]);
		expect(ids).toEqual([
			['textToVideo', 'wan2.5', 'wan2.5-t2v-preview'],
			['textToVideo', 'wan2.6', 'wan2.6-t2v'],
			['textToVideo', 'wan2.7', 'wan2.7-t2v'],
			['imageToVideo', 'wan2.5', 'wan2.5-i2v-preview'],
			['imageToVideo', 'wan2.6', 'wan2.6-i2v'],
			['imageToVideo', 'wan2.7', 'wan2.7-i2v'],
			['firstLastFrameToVideo', 'wan2.7', 'wan2.7-i2v'],
			['extendVideo', 'wan2.7', 'wan2.7-i2v'],
			['referenceToVideo', 'wan2.7', 'wan2.7-r2v'],
			['editVideo', 'wan2.7', 'wan2.7-videoedit'],
		]);
		expect(modesFor('gateway', 'video')).toEqual([
			'textToVideo',
			'imageToVideo',
			'firstLastFrameToVideo',
			'extendVideo',
			'referenceToVideo',
			'editVideo',
		]);
	});

	it('offers no shot type (no New API adaptor forwards it), no callback URL, and Generate Audio before Wan 2.7 only', () => {
		const specs = CATALOGUE.filter((spec) => spec.provider === 'gateway');
		for (const spec of specs) {
			expect(spec.optionalFields).not.toContain('shotType');
			expect(spec.optionalFields).not.toContain('callbackUrl');
			expect(spec.optionalFields).toEqual(expect.arrayContaining(['negativePrompt', 'promptExtend', 'watermark', 'seed']));
			expect(spec.optionalFields.includes('generateAudio')).toBe(spec.model !== 'wan2.7');
			expect(Boolean(spec.mediaProtocol)).toBe(spec.model === 'wan2.7');
			// The gateway refuses an empty prompt in every mode.
			expect(spec.prompt.required).toBe(true);
		}
		expect(modelsFor('gateway', 'editVideo')[0].optionalFields).toContain('keepSourceAudio');
	});

	it('takes 2–15 s on wan2.6 (New API passes the duration to DashScope unchecked) and DashScope\'s Wan 2.7 ranges', () => {
		const twoToFifteen = Array.from({ length: 14 }, (_, i) => i + 2);
		expect(modelsFor('gateway', 'textToVideo').find((spec) => spec.model === 'wan2.6')?.durations).toEqual(twoToFifteen);
		expect(modelsFor('gateway', 'imageToVideo').find((spec) => spec.model === 'wan2.6')?.durations).toEqual(twoToFifteen);
		expect(modelsFor('gateway', 'textToVideo').find((spec) => spec.model === 'wan2.5')?.durations).toEqual([5, 10]);
		const [reference] = modelsFor('gateway', 'referenceToVideo');
		expect([reference.durations, reference.durationsWithReferenceVideo]).toEqual([twoToFifteen, twoToFifteen.filter((s) => s <= 10)]);
		expect(modelsFor('gateway', 'editVideo')[0].durations).toEqual([0, ...twoToFifteen.filter((s) => s <= 10)]);
	});

	it('takes no per-reference voices (New API keeps only type and url of a media entry)', () => {
		for (const spec of CATALOGUE.filter((entry) => entry.provider === 'gateway')) expect(spec.media?.voices).toBeUndefined();
		expect(modelsFor('gateway', 'referenceToVideo')[0].media).toEqual({ references: { min: 1, max: 5 }, firstFrame: { min: 0, max: 1 } });
		expect(modelsFor('gateway', 'editVideo')[0].media).toEqual({ video: { min: 1, max: 1 }, references: { min: 0, max: 4 } });
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
			'wan2.6 with every field New API forwards: audio_url, prompt_extend, watermark, seed, audio, 15 s',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'A chase through a neon market', resolution: '1080p', aspectRatio: '9:16', duration: 15, options: { negativePrompt: 'blur', audioUrl: 'https://cdn.example.com/track.mp3', promptExtend: true, watermark: true, seed: 42, generateAudio: false } },
			generation({
				model: 'wan2.6-t2v',
				prompt: 'A chase through a neon market',
				metadata: {
					input: { negative_prompt: 'blur', audio_url: 'https://cdn.example.com/track.mp3' },
					parameters: { size: '1080*1920', duration: 15, prompt_extend: true, watermark: true, seed: 42, audio: false },
				},
			}),
		],
		[
			'wan2.6 for 2 and 12 s, which DashScope takes and New API passes on',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'x', duration: 12 },
			generation({ model: 'wan2.6-t2v', prompt: 'x', metadata: { parameters: { size: '1280*720', duration: 12 } } }),
		],
		[
			'watermark false and seed 1 as given (a false watermark is DashScope\'s default, so losing it changes nothing)',
			{ mode: 'textToVideo', model: 'wan2.5', prompt: 'x', options: { promptExtend: true, watermark: false, seed: 1 } },
			generation({ model: 'wan2.5-t2v-preview', prompt: 'x', metadata: { parameters: { size: '1280*720', duration: 5, prompt_extend: true, watermark: false, seed: 1 } } }),
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
			'wan2.6 with every field New API forwards, 2 s',
			{ mode: 'imageToVideo', model: 'wan2.6', prompt: 'Waves roll in', imageUrl: 'https://cdn.example.com/beach.jpg', resolution: '1080p', duration: 2, options: { negativePrompt: 'people', audioUrl: 'https://cdn.example.com/waves.mp3', promptExtend: true, watermark: false, seed: 7, generateAudio: true } },
			generation({
				model: 'wan2.6-i2v',
				prompt: 'Waves roll in',
				metadata: {
					input: { img_url: 'https://cdn.example.com/beach.jpg', negative_prompt: 'people', audio_url: 'https://cdn.example.com/waves.mp3' },
					parameters: { resolution: '1080P', duration: 2, prompt_extend: true, watermark: false, seed: 7, audio: true },
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

/** What a Wan 2.7 text-to-video body carries in `metadata.parameters`: the empty size that clears New API's t2v default. */
const CLEARED_SIZE = { size: '' };

it('clears New API\'s default size for Wan 2.7 text to video only (the other modes get no size from the gateway)', () => {
	const parameters = (input: GatewayInput) => (body(input)?.metadata as { parameters: object }).parameters;
	expect(parameters({ mode: 'textToVideo', model: 'wan2.7', prompt: 'x' })).toHaveProperty('size', '');
	expect(parameters({ mode: 'imageToVideo', model: 'wan2.7', prompt: 'x', imageUrl: 'https://e.com/a.png' })).not.toHaveProperty('size');
	expect(parameters({ mode: 'textToVideo', model: 'wan2.6', prompt: 'x' })).toHaveProperty('size', '1280*720');
});

describe('Gateway submit, Wan 2.7 through metadata.input.media', () => {
	itSends<GatewayInput>(gateway, request, [
		[
			'New API\'s own wan2.7-i2v clip body (adaptor_test.go), with the parameters the node always sends',
			{ mode: 'extendVideo', model: 'wan2.7', prompt: SRC_EXTEND_BODY.prompt, videoUrl: 'https://example.com/input.mp4' },
			generation({ ...SRC_EXTEND_BODY, metadata: { ...SRC_EXTEND_BODY.metadata, parameters: { resolution: '720P', duration: 5 } } }),
		],
		[
			'text to video: resolution and ratio, no size (the empty size clears the 1280*720 New API adds to t2v models), the soundtrack as input.audio_url',
			{ mode: 'textToVideo', model: 'wan2.7', prompt: 'A lighthouse in a storm', resolution: '1080p', aspectRatio: '9:16', duration: 15, options: { audioUrl: 'https://cdn.example.com/storm.mp3', negativePrompt: 'people', promptExtend: true, watermark: true, seed: 3 } },
			generation({
				model: 'wan2.7-t2v',
				prompt: 'A lighthouse in a storm',
				metadata: {
					input: { negative_prompt: 'people', audio_url: 'https://cdn.example.com/storm.mp3' },
					parameters: { resolution: '1080P', ratio: '9:16', duration: 15, prompt_extend: true, watermark: true, seed: 3, ...CLEARED_SIZE },
				},
			}),
		],
		[
			'image to video: first_frame and driving_audio, no ratio (the video follows the image)',
			{ mode: 'imageToVideo', model: 'wan2.7', prompt: 'The cat starts to sing', imageUrl: 'https://cdn.example.com/cat.png', duration: 8, options: { audioUrl: 'https://cdn.example.com/song.mp3' } },
			generation({
				model: 'wan2.7-i2v',
				prompt: 'The cat starts to sing',
				metadata: {
					input: { media: [{ type: 'first_frame', url: 'https://cdn.example.com/cat.png' }, { type: 'driving_audio', url: 'https://cdn.example.com/song.mp3' }] },
					parameters: { resolution: '720P', duration: 8 },
				},
			}),
		],
		[
			'first and last frame: first_frame then last_frame on wan2.7-i2v',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'Day turns to night', imageUrl: 'https://cdn.example.com/day.png', lastFrameUrl: 'https://cdn.example.com/night.png', resolution: '1080p', duration: 5 },
			generation({
				model: 'wan2.7-i2v',
				prompt: 'Day turns to night',
				metadata: {
					input: { media: [{ type: 'first_frame', url: 'https://cdn.example.com/day.png' }, { type: 'last_frame', url: 'https://cdn.example.com/night.png' }] },
					parameters: { resolution: '1080P', duration: 5 },
				},
			}),
		],
		[
			'extend: first_clip and an ending last_frame',
			{ mode: 'extendVideo', model: 'wan2.7', prompt: 'The car drives off', videoUrl: 'https://cdn.example.com/clip.mp4', lastFrameUrl: 'https://cdn.example.com/end.png', duration: 10 },
			generation({
				model: 'wan2.7-i2v',
				prompt: 'The car drives off',
				metadata: {
					input: { media: [{ type: 'first_clip', url: 'https://cdn.example.com/clip.mp4' }, { type: 'last_frame', url: 'https://cdn.example.com/end.png' }] },
					parameters: { resolution: '720P', duration: 10 },
				},
			}),
		],
		[
			'reference to video: references typed per entry, then the optional first frame, with the ratio',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Video 1 hands Image 1 to the camera', referenceUrls: 'https://cdn.example.com/actor.mp4\nhttps://cdn.example.com/cup.png', imageUrl: 'https://cdn.example.com/start.png', aspectRatio: '1:1', duration: 10 },
			generation({
				model: 'wan2.7-r2v',
				prompt: 'Video 1 hands Image 1 to the camera',
				metadata: {
					input: {
						media: [
							{ type: 'reference_video', url: 'https://cdn.example.com/actor.mp4' },
							{ type: 'reference_image', url: 'https://cdn.example.com/cup.png' },
							{ type: 'first_frame', url: 'https://cdn.example.com/start.png' },
						],
					},
					parameters: { resolution: '720P', ratio: '1:1', duration: 10 },
				},
			}),
		],
		[
			'edit: the video, reference images, duration 0 (keep the length) and audio_setting origin',
			{ mode: 'editVideo', model: 'wan2.7', prompt: 'Make it snow', videoUrl: 'https://cdn.example.com/street.mp4', referenceUrls: 'https://cdn.example.com/snow.png', duration: 0, options: { keepSourceAudio: true } },
			generation({
				model: 'wan2.7-videoedit',
				prompt: 'Make it snow',
				metadata: {
					input: { media: [{ type: 'video', url: 'https://cdn.example.com/street.mp4' }, { type: 'reference_image', url: 'https://cdn.example.com/snow.png' }] },
					parameters: { resolution: '720P', duration: 0, audio_setting: 'origin' },
				},
			}),
		],
		[
			'edit letting the model choose the sound (audio_setting auto)',
			{ mode: 'editVideo', model: 'wan2.7', prompt: 'Make it snow', videoUrl: 'https://cdn.example.com/street.mp4', duration: 4, options: { keepSourceAudio: false } },
			generation({
				model: 'wan2.7-videoedit',
				prompt: 'Make it snow',
				metadata: {
					input: { media: [{ type: 'video', url: 'https://cdn.example.com/street.mp4' }] },
					parameters: { resolution: '720P', duration: 4, audio_setting: 'auto' },
				},
			}),
		],
	]);
});

// ---------------------------------------------------------------------------------------------
// Fidelity: what New API would lose, refused before any request (the adapter's preflight)
// ---------------------------------------------------------------------------------------------

describe('Gateway preflight: values New API drops on the way to DashScope', () => {
	const refusalOf = (input: GatewayInput) => thrownBy(() => gateway.preflight?.(request(input), {}));

	it('refuses Prompt Extend false, naming the field, the value, why and what is allowed', () => {
		const error = refusalOf({ mode: 'textToVideo', model: 'wan2.6', prompt: 'x', options: { promptExtend: false } });
		expect(error).toBeInstanceOf(InvalidInputError);
		expect((error as InvalidInputError).field).toBe('Prompt Extend');
		expect((error as Error).message).toMatch(/^Invalid Prompt Extend: false\. New API's Ali channel drops prompt_extend: false on most builds \(a plain bool with omitempty/);
		expect((error as Error).message).toMatch(/Allowed on the OpenAI-Compatible Gateway \(New API\): true, or leave it unset/);
	});

	it('refuses Seed 0 the same way, and both at once', () => {
		const seed = refusalOf({ mode: 'imageToVideo', model: 'wan2.5', prompt: 'x', imageUrl: 'https://e.com/a.png', options: { seed: 0 } });
		expect((seed as InvalidInputError).field).toBe('Seed');
		expect((seed as Error).message).toMatch(/^Invalid Seed: 0\. New API's Ali channel drops seed: 0 on most builds .* Allowed on the OpenAI-Compatible Gateway \(New API\): 1–2147483647, or leave it unset/);
		const both = refusalOf({ mode: 'editVideo', model: 'wan2.7', prompt: 'x', videoUrl: 'https://e.com/a.mp4', duration: 0, options: { promptExtend: false, seed: 0 } });
		expect((both as InvalidInputError).field).toBe('Prompt Extend, Seed');
		expect((both as Error).message).toMatch(/^This item has 2 problems\. Invalid Prompt Extend: false\. .* Invalid Seed: 0\./);
	});

	it('lets Prompt Extend true, Seed 1 and unset values through', () => {
		expect(refusalOf({ mode: 'textToVideo', model: 'wan2.7', prompt: 'x', options: { promptExtend: true, seed: 1 } })).toBeUndefined();
		expect(refusalOf({ mode: 'textToVideo', model: 'wan2.7', prompt: 'x' })).toBeUndefined();
	});
});

describe('Gateway validation refusals, before any request', () => {
	itRefuses<GatewayInput>(request, [
		[
			'Shot Type, which no New API adaptor forwards, with the options that are offered',
			{ mode: 'textToVideo', model: 'wan2.6', prompt: 'x', options: { shotType: 'multi' } },
			/^Invalid Shot Type: "multi"\. This option is not supported by OpenAI-Compatible Gateway \(New API\) Wan 2\.6 \(wan2\.6-t2v\); its options are: Audio URL, Generate Audio, Negative Prompt, Prompt Extend, Seed, Watermark\./,
		],
		['Shot Type on wan2.7', { mode: 'imageToVideo', model: 'wan2.7', prompt: 'x', imageUrl: 'https://e.com/a.png', options: { shotType: 'single' } }, /Invalid Shot Type/],
		[
			'per-reference voices on wan2.7-r2v (New API keeps only type and url)',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', referenceUrls: 'https://e.com/a.png', options: { referenceVoiceUrls: 'https://e.com/v.mp3' } },
			/Invalid Reference Voice URLs.*not supported/,
		],
		['Generate Audio on wan2.7 (DashScope 2.7 always makes sound)', { mode: 'textToVideo', model: 'wan2.7', prompt: 'x', options: { generateAudio: true } }, /Invalid Generate Audio/],
		['an empty wan2.7 edit instruction (the gateway requires a prompt)', { mode: 'editVideo', model: 'wan2.7', prompt: '', videoUrl: 'https://e.com/a.mp4', duration: 0 }, /Invalid Prompt: empty/],
		['an edit without a source video', { mode: 'editVideo', model: 'wan2.7', prompt: 'x', videoUrl: '', duration: 0 }, /Invalid Video URL/],
		['five reference images on an edit', { mode: 'editVideo', model: 'wan2.7', prompt: 'x', videoUrl: 'https://e.com/a.mp4', referenceUrls: [1, 2, 3, 4, 5].map((n) => `https://e.com/${n}.png`).join(','), duration: 0 }, /Reference URLs/],
		['a reference video with 12 s', { mode: 'referenceToVideo', model: 'wan2.7', prompt: 'x', referenceUrls: 'https://e.com/a.mp4', duration: 12 }, /Duration: 12.*with a reference video: 2–10 seconds/],
		['first and last frame on wan2.6, which has none', { mode: 'firstLastFrameToVideo', model: 'wan2.6', prompt: 'x', imageUrl: 'https://e.com/a.png', lastFrameUrl: 'https://e.com/b.png' }, /Invalid Model: "Wan 2.6".*Wan 2.7/],
		['Callback URL', { mode: 'textToVideo', model: 'wan2.6', prompt: 'x', options: { callbackUrl: 'https://example.com/hook' } }, /Callback URL/],
		['15 s on wan2.5', { mode: 'textToVideo', model: 'wan2.5', prompt: 'x', duration: 15 }, /Duration: 15.*5, 10 seconds/],
		['16 s on wan2.6', { mode: 'textToVideo', model: 'wan2.6', prompt: 'x', duration: 16 }, /Duration: 16.*2–15 seconds/],
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

	it('keeps polling a task in New API\'s own UNKNOWN (its poller still polls it), with the progress it reports', () => {
		const state = gateway.parseStatus({ code: 'success', message: '', data: { status: 'UNKNOWN', progress: '30%', fail_reason: '' } });
		expect(state).toStrictEqual({ status: 'unknown', rawStatus: 'UNKNOWN', progress: 30, urls: [] });
	});

	it('fails a task New API left in UNKNOWN at 100% (its poller and timeout sweep both skip progress 100%)', () => {
		const state = gateway.parseStatus({ code: 'success', message: '', data: { status: 'UNKNOWN', progress: '100%', fail_reason: '' } });
		expect(state).toStrictEqual({
			status: 'failed',
			rawStatus: 'UNKNOWN',
			progress: 100,
			urls: [],
			errorMessage: 'New API left this task in status UNKNOWN and no longer polls it',
		});
	});

	it('says DashScope canceled the task where New API only says "task failed"', () => {
		const upstreamUnknown = documented<Envelope>('gateway', 'status-upstream-unknown');
		const canceled = { ...upstreamUnknown, data: { ...upstreamUnknown.data, data: { output: { task_id: 'x', task_status: 'CANCELED' } } } };
		expect(gateway.parseStatus(canceled)).toMatchObject({ status: 'failed', errorMessage: 'DashScope canceled this task (CANCELED)' });
		// A reason of the gateway's own (its timeout sweep) is kept.
		const timedOut = { ...upstreamUnknown, data: { ...upstreamUnknown.data, fail_reason: '任务超时（30分钟）' } };
		expect(gateway.parseStatus(timedOut).errorMessage).toBe('任务超时（30分钟）');
	});

	it('reads status words that name Object properties as unknown, not as the property', () => {
		for (const word of ['constructor', 'toString', '__proto__']) {
			expect(gateway.parseStatus({ code: 'success', data: { status: word } }).status).toBe('unknown');
			expect(gateway.parseSubmit({ id: 'a', status: word }).state?.status).toBe('unknown');
		}
	});

	it('puts DashScope\'s usage, as DashScope names it, in the state; no usage where the stored body has none', () => {
		expect(gateway.parseStatus(DOC_SUCCESS).usage).toStrictEqual({ video_count: 1, video_duration: 5, video_ratio: '1920*1080' });
		expect(gateway.parseStatus({ ...DOC_SUCCESS, data: { ...DOC_SUCCESS.data, data: null } }).usage).toBeUndefined();
		expect(gateway.parseStatus({ ...DOC_SUCCESS, data: { ...DOC_SUCCESS.data, data: { usage: 'n/a' } } }).usage).toBeUndefined();
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
