/**
 * Input validation against the catalogue, for EvoLink: every refusal names the field, the value given
 * and what is allowed; accepted inputs become the expected provider-neutral request.
 */
import type { IDataObject } from 'n8n-workflow';

import { CATALOGUE, findModel } from '../../nodes/shared/catalogue';
import { InvalidInputError } from '../../nodes/shared/inputError';
import type { ModelSpec } from '../../nodes/shared/modelSpec';
import { urlsOf } from '../../nodes/shared/request';
import { isPrivateHost } from '../../nodes/shared/urls';
import { buildGenerationRequest, handleModelId, type GenerationInput } from '../../nodes/shared/validation';
import { describeNumbers, parseSize } from '../../nodes/shared/values';
import { refusal } from './support';

const PROVIDER_NAME = 'EvoLink';

type Input = Partial<GenerationInput> & Pick<GenerationInput, 'kind' | 'mode' | 'model'>;

function build(input: Input) {
	return buildGenerationRequest({ provider: 'evolink', options: {}, ...input }, PROVIDER_NAME);
}

const t2v25 = (over: Partial<Input> = {}): Input => ({
	kind: 'video',
	mode: 'textToVideo',
	model: 'wan2.5',
	prompt: 'A cat playing piano',
	resolution: '720p',
	aspectRatio: '16:9',
	duration: 5,
	...over,
});
const t2v26 = (over: Partial<Input> = {}): Input => t2v25({ model: 'wan2.6', ...over });
const i2v25 = (over: Partial<Input> = {}): Input => ({
	kind: 'video',
	mode: 'imageToVideo',
	model: 'wan2.5',
	prompt: 'The cat dances',
	imageUrl: 'https://cdn.example.com/cat.png',
	resolution: '720p',
	duration: 5,
	...over,
});
const i2v26 = (over: Partial<Input> = {}): Input => i2v25({ model: 'wan2.6', ...over });
const r2v26 = (over: Partial<Input> = {}): Input => ({
	kind: 'video',
	mode: 'referenceToVideo',
	model: 'wan2.6',
	prompt: 'character1 waves',
	referenceUrls: 'https://cdn.example.com/ref.mp4',
	resolution: '720p',
	aspectRatio: '16:9',
	duration: 5,
	...over,
});
const t2i = (over: Partial<Input> = {}): Input => ({
	kind: 'image',
	mode: 'textToImage',
	model: 'wan2.5',
	prompt: 'A peaceful lake',
	aspectRatio: '1:1',
	numberOfImages: 1,
	...over,
});
const i2i = (over: Partial<Input> = {}): Input => ({
	kind: 'image',
	mode: 'imageToImage',
	model: 'wan2.5',
	prompt: 'Make it snow',
	imageUrls: 'https://cdn.example.com/a.png',
	numberOfImages: 1,
	...over,
});

const longCallback = `https://hooks.example.com/${'a'.repeat(2049 - 'https://hooks.example.com/'.length)}`;

/** [case, input, field, fragment naming the value, fragment saying what is allowed] */
const REFUSED: Array<[string, Input, string, string, string]> = [
	['empty prompt', t2v25({ prompt: '' }), 'Prompt', 'Invalid Prompt: empty.', 'A prompt is required for Text to Video.'],
	['whitespace-only prompt', t2v25({ prompt: '   \n ' }), 'Prompt', 'Invalid Prompt: "', 'A prompt is required for Text to Video.'],
	['missing prompt', t2v25({ prompt: undefined }), 'Prompt', 'empty', 'A prompt is required for Text to Video.'],
	[
		'2001-character prompt on wan2.5',
		t2v25({ prompt: 'a'.repeat(2001) }),
		'Prompt',
		'(2001 characters)',
		'At most 2000 characters for Wan 2.5 (wan2.5-text-to-video).',
	],
	[
		'1501-character prompt on wan2.6',
		t2v26({ prompt: 'b'.repeat(1501) }),
		'Prompt',
		'(1501 characters)',
		'At most 1500 characters for Wan 2.6 (wan2.6-text-to-video).',
	],
	['prompt given as a number', t2v25({ prompt: 123 }), 'Prompt', '123', 'Expected text, not a number.'],
	[
		'480p with 4:3',
		t2v25({ resolution: '480p', aspectRatio: '4:3' }),
		'Aspect Ratio',
		'"4:3"',
		'Allowed at 480p for Wan 2.5 (wan2.5-text-to-video): 16:9, 9:16, 1:1.',
	],
	[
		'480p with 3:4',
		t2v25({ resolution: '480p', aspectRatio: '3:4' }),
		'Aspect Ratio',
		'"3:4"',
		'Allowed at 480p for Wan 2.5 (wan2.5-text-to-video): 16:9, 9:16, 1:1.',
	],
	[
		'aspect ratio 21:9',
		t2v25({ aspectRatio: '21:9' }),
		'Aspect Ratio',
		'"21:9"',
		'Allowed at 720p for Wan 2.5 (wan2.5-text-to-video): 16:9, 9:16, 1:1, 4:3, 3:4.',
	],
	[
		'480p on wan2.6',
		t2v26({ resolution: '480p' }),
		'Resolution',
		'"480p"',
		'Allowed for Wan 2.6 (wan2.6-text-to-video): 720p, 1080p.',
	],
	[
		'resolution 4k on wan2.5',
		t2v25({ resolution: '4k' }),
		'Resolution',
		'"4k"',
		'Allowed for Wan 2.5 (wan2.5-text-to-video): 480p, 720p, 1080p.',
	],
	['duration 7 on wan2.5', t2v25({ duration: 7 }), 'Duration', '7', 'Allowed for Wan 2.5 (wan2.5-text-to-video): 5, 10 seconds.'],
	['duration 16 on wan2.6 t2v', t2v26({ duration: 16 }), 'Duration', '16', 'Allowed for Wan 2.6 (wan2.6-text-to-video): 2–15 seconds.'],
	['duration 1 on wan2.6 t2v', t2v26({ duration: 1 }), 'Duration', '1', 'Allowed for Wan 2.6 (wan2.6-text-to-video): 2–15 seconds.'],
	['duration 11 on wan2.6 r2v', r2v26({ duration: 11 }), 'Duration', '11', 'Allowed for Wan 2.6 (wan2.6-reference-video): 2–10 seconds.'],
	['duration 5.5', t2v25({ duration: 5.5 }), 'Duration', '5.5', 'Expected a whole number. Allowed for Wan 2.5 (wan2.5-text-to-video): 5, 10 seconds.'],
	['duration "five"', t2v25({ duration: 'five' }), 'Duration', '"five"', 'Expected a whole number.'],
	['missing duration', t2v25({ duration: undefined }), 'Duration', 'empty', 'Allowed for Wan 2.5 (wan2.5-text-to-video): 5, 10 seconds.'],
	['missing image URL for i2v', i2v25({ imageUrl: undefined }), 'Image URL', 'empty', 'Expected 1 URL, got 0.'],
	['blank image URL for i2v', i2v25({ imageUrl: ' \n ' }), 'Image URL', '" \n "', 'Expected 1 URL, got 0.'],
	[
		'two image URLs for i2v',
		i2v25({ imageUrl: 'https://cdn.example.com/a.png, https://cdn.example.com/b.png' }),
		'Image URL',
		'"https://cdn.example.com/a.png, https://cdn.example.com/b.png"',
		'Expected 1 URL, got 2.',
	],
	[
		'ftp image URL',
		i2v25({ imageUrl: 'ftp://files.example.com/cat.png' }),
		'Image URL',
		'"ftp://files.example.com/cat.png"',
		'Only http or https URLs are allowed.',
	],
	[
		'image URL that is neither a URL nor a binary field of the item',
		i2v25({ imageUrl: 'cat.png' }),
		'Image URL',
		'"cat.png"',
		'Expected a public URL (http or https) or the name of a binary field of this item (it has none).',
	],
	[
		'loopback image URL',
		i2v25({ imageUrl: 'http://127.0.0.1/x.png' }),
		'Image URL',
		'"http://127.0.0.1/x.png"',
		'must be a public address, not localhost or a private network',
	],
	[
		'192.168 image URL',
		i2v25({ imageUrl: 'http://192.168.1.2/x.png' }),
		'Image URL',
		'"http://192.168.1.2/x.png"',
		'must be a public address',
	],
	[
		'10.x image URL',
		i2v25({ imageUrl: 'http://10.0.0.1/a.png' }),
		'Image URL',
		'"http://10.0.0.1/a.png"',
		'must be a public address',
	],
	[
		'localhost image URL among two for i2i',
		i2i({ imageUrls: 'https://cdn.example.com/a.png\nhttp://localhost:8080/b.png' }),
		'Image URLs',
		'"http://localhost:8080/b.png"',
		'must be a public address',
	],
	[
		'three image URLs for i2i',
		i2i({ imageUrls: ['https://cdn.example.com/1.png', 'https://cdn.example.com/2.png', 'https://cdn.example.com/3.png'] }),
		'Image URLs',
		'(a list)',
		'Expected 1–2 URLs, got 3.',
	],
	[
		'image URL list entry that is not text',
		i2i({ imageUrls: ['https://cdn.example.com/1.png', 42] }),
		'Image URLs',
		'42',
		'Each entry must be a URL.',
	],
	[
		'four reference URLs',
		r2v26({ referenceUrls: 'https://c.example.com/1.mp4,https://c.example.com/2.mp4,https://c.example.com/3.mp4,https://c.example.com/4.mp4' }),
		'Reference URLs',
		'https://c.example.com/1.mp4',
		'Expected 1–3 URLs, got 4.',
	],
	['no reference URL', r2v26({ referenceUrls: '' }), 'Reference URLs', 'empty', 'Expected 1–3 URLs, got 0.'],
	[
		'http callback',
		t2v25({ options: { callbackUrl: 'http://hooks.example.com/done' } }),
		'Callback URL',
		'"http://hooks.example.com/done"',
		'Only https URLs are allowed.',
	],
	[
		'callback to a private host',
		t2v25({ options: { callbackUrl: 'https://172.16.4.2/hook' } }),
		'Callback URL',
		'"https://172.16.4.2/hook"',
		'must be a public address',
	],
	[
		'callback to localhost',
		t2v25({ options: { callbackUrl: 'https://localhost/hook' } }),
		'Callback URL',
		'"https://localhost/hook"',
		'must be a public address',
	],
	['callback longer than 2048 characters', t2v25({ options: { callbackUrl: longCallback } }), 'Callback URL', '(2049 characters)', 'At most 2048 characters.'],
	[
		'seed on EvoLink (no EvoLink Wan model takes a seed)',
		t2v25({ options: { seed: -1 } }),
		'Seed',
		'-1',
		'This option is not supported by EvoLink Wan 2.5 (wan2.5-text-to-video); its options are: Callback URL, Prompt Extend.',
	],
	['numberOfImages 0', t2i({ numberOfImages: 0 }), 'Number of Images', '0', 'Allowed for Wan 2.5 (wan2.5-text-to-image): 1–4.'],
	['numberOfImages 5', t2i({ numberOfImages: 5 }), 'Number of Images', '5', 'Allowed for Wan 2.5 (wan2.5-text-to-image): 1–4.'],
	['numberOfImages 1.5', t2i({ numberOfImages: 1.5 }), 'Number of Images', '1.5', 'Expected a whole number.'],
	['numberOfImages 5 on i2i', i2i({ numberOfImages: 5 }), 'Number of Images', '5', 'Allowed for Wan 2.5 (wan2.5-image-to-image): 1–4.'],
	[
		'size 100x100 (too few pixels)',
		t2i({ options: { size: '100x100' } }),
		'Size',
		'"100x100"',
		'Expected WIDTHxHEIGHT with a total of 768×768 to 1440×1440 pixels and an aspect ratio between 1:4 and 4:1',
	],
	['size 5000x300 (aspect > 4)', t2i({ options: { size: '5000x300' } }), 'Size', '"5000x300"', 'an aspect ratio between 1:4 and 4:1'],
	['size 2000x2000 (too many pixels)', t2i({ options: { size: '2000x2000' } }), 'Size', '"2000x2000"', '768×768 to 1440×1440 pixels'],
	['size abc', t2i({ options: { size: 'abc' } }), 'Size', '"abc"', 'Expected WIDTHxHEIGHT'],
	[
		'size on image-to-image',
		i2i({ options: { size: '1280x1280' } }),
		'Size',
		'"1280x1280"',
		'not supported by EvoLink Wan 2.5 (wan2.5-image-to-image); its options are: Callback URL.',
	],
	['missing image aspect ratio', t2i({ aspectRatio: undefined }), 'Aspect Ratio', 'empty', 'Allowed for Wan 2.5 (wan2.5-text-to-image): 16:9, 9:16, 1:1, 4:3, 3:4.'],
	[
		'extra parameters that are not JSON',
		t2v25({ options: { extraParameters: '{not json' } }),
		'Extra Parameters',
		'"{not json"',
		'Expected a JSON object',
	],
	['extra parameters that are a JSON array', t2v25({ options: { extraParameters: '[1,2]' } }), 'Extra Parameters', '"[1,2]"', 'Expected a JSON object'],
	['extra parameters that are a JSON string', t2v25({ options: { extraParameters: '"x"' } }), 'Extra Parameters', '""x""', 'Expected a JSON object'],
	['unknown model wan2.2', t2v25({ model: 'wan2.2' }), 'Model', '"Wan 2.2"', 'Allowed for EvoLink Text to Video: Wan 2.5, Wan 2.6, Wan 2.7.'],
	[
		'wan2.6-flash for text-to-video',
		t2v25({ model: 'wan2.6-flash' }),
		'Model',
		'"Wan 2.6 Flash"',
		'Allowed for EvoLink Text to Video: Wan 2.5, Wan 2.6, Wan 2.7.',
	],
	[
		'unknown model for i2v',
		i2v25({ model: 'wan9' }),
		'Model',
		'"wan9"',
		'Allowed for EvoLink Image to Video: Wan 2.5, Wan 2.6, Wan 2.6 Flash, Wan 2.7.',
	],
	['unknown mode', t2v25({ mode: 'videoToVideo' }), 'Mode', '"videoToVideo"', 'Allowed for EvoLink: Text to Video, Image to Video, Reference to Video, First and Last Frame to Video, Extend Video, Edit Video.'],
	['image mode on the video node', t2v25({ mode: 'textToImage' }), 'Mode', '"Text to Image"', 'Allowed for EvoLink: Text to Video, Image to Video, Reference to Video, First and Last Frame to Video, Extend Video, Edit Video.'],
	['video mode on the image node', t2i({ mode: 'textToVideo' }), 'Mode', '"Text to Video"', 'Allowed for EvoLink: Text to Image, Image to Image.'],
	[
		'negative prompt on wan2.5 t2v',
		t2v25({ options: { negativePrompt: 'blurry' } }),
		'Negative Prompt',
		'"blurry"',
		'This option is not supported by EvoLink Wan 2.5 (wan2.5-text-to-video); its options are: Callback URL, Prompt Extend. Provider-specific fields can go in Extra Parameters.',
	],
	[
		'audio URL on wan2.5',
		t2v25({ options: { audioUrl: 'https://cdn.example.com/a.mp3' } }),
		'Audio URL',
		'"https://cdn.example.com/a.mp3"',
		'not supported by EvoLink Wan 2.5 (wan2.5-text-to-video); its options are: Callback URL, Prompt Extend.',
	],
	[
		'generate audio on non-flash wan2.6 i2v',
		i2v26({ options: { generateAudio: false } }),
		'Generate Audio',
		'false',
		'not supported by EvoLink Wan 2.6 (wan2.6-image-to-video); its options are: Audio URL, Callback URL, Prompt Extend, Shot Type.',
	],
	[
		'shot type on wan2.5',
		t2v25({ options: { shotType: 'multi' } }),
		'Shot Type',
		'"multi"',
		'not supported by EvoLink Wan 2.5 (wan2.5-text-to-video)',
	],
	[
		'prompt extend on wan2.6 reference video',
		r2v26({ options: { promptExtend: true } }),
		'Prompt Extend',
		'true',
		'its options are: Callback URL, Shot Type.',
	],
	['watermark on EvoLink', t2v26({ options: { watermark: true } }), 'Watermark', 'true', 'not supported by EvoLink Wan 2.6 (wan2.6-text-to-video)'],
	['shot type "triple"', t2v26({ options: { shotType: 'triple' } }), 'Shot Type', '"triple"', 'Allowed: multi, single.'],
	['prompt extend "yes"', t2v25({ options: { promptExtend: 'yes' } }), 'Prompt Extend', '"yes"', 'Expected true or false.'],
	[
		'audio URL on a private network',
		t2v26({ options: { audioUrl: 'http://192.168.0.7/track.mp3' } }),
		'Audio URL',
		'"http://192.168.0.7/track.mp3"',
		'must be a public address',
	],
	['audio URL given as a number', t2v26({ options: { audioUrl: 5 } }), 'Audio URL', '5', 'Expected text, not a number.'],
];

describe('buildGenerationRequest refuses, naming field, value and what is allowed', () => {
	it('has at least 20 refusal cases', () => {
		expect(REFUSED.length).toBeGreaterThanOrEqual(20);
	});

	it.each(REFUSED)('%s', (_name, input, field, valueFragment, allowedFragment) => {
		const error = refusal(() => build(input));
		expect(error.field).toBe(field);
		expect(error.name).toBe('InvalidInputError');
		expect(error.message.startsWith(`Invalid ${field}: `)).toBe(true);
		expect(error.message).toContain(valueFragment);
		expect(error.message).toContain(allowedFragment);
		expect(error.allowed).toContain(allowedFragment);
		expect(error.message.endsWith(error.allowed)).toBe(true);
	});

	it('truncates a long value in the message but gives its length', () => {
		const error = refusal(() => build(t2v25({ prompt: 'x'.repeat(2001) })));
		expect(error.message).toContain(`"${'x'.repeat(80)}… (2001 characters)"`);
		expect(error.message.length).toBeLessThan(300);
	});

	it('checks the prompt length in characters, not UTF-16 units', () => {
		// 2000 emoji are 4000 UTF-16 code units but 2000 characters.
		expect(build(t2v25({ prompt: '🎹'.repeat(2000) })).prompt).toBe('🎹'.repeat(2000));
		expect(refusal(() => build(t2v25({ prompt: '🎹'.repeat(2001) }))).field).toBe('Prompt');
	});
});

describe('seed range (on a test model that accepts a seed)', () => {
	const seeded: ModelSpec = {
		provider: 'gateway',
		model: 'unit-test-seeded',
		mode: 'textToVideo',
		modelId: 'unit-test-seeded-t2v',
		prompt: { required: false, maxLength: 100 },
		resolutions: ['720p'],
		aspectRatios: ['16:9'],
		durations: [5],
		optionalFields: ['seed', 'negativePrompt', 'watermark'],
	};
	const catalogue = CATALOGUE as ModelSpec[];

	beforeAll(() => {
		catalogue.push(seeded);
	});
	afterAll(() => {
		catalogue.splice(catalogue.indexOf(seeded), 1);
	});

	const seededInput = (options: GenerationInput['options']): GenerationInput => ({
		provider: 'gateway',
		kind: 'video',
		mode: 'textToVideo',
		model: 'unit-test-seeded',
		resolution: '720p',
		aspectRatio: '16:9',
		duration: 5,
		options,
	});

	it.each<[string, unknown, string]>([
		['-1', -1, '-1'],
		['2147483648', 2147483648, '2147483648'],
		['1.5', 1.5, '1.5'],
		['"abc"', 'abc', '"abc"'],
	])('refuses seed %s', (_name, seed, shown) => {
		const error = refusal(() => buildGenerationRequest(seededInput({ seed: seed as IDataObject['seed'] }), 'Gateway'));
		expect(error.field).toBe('Seed');
		expect(error.message).toContain(shown);
		expect(error.message).toContain('Allowed: 0–2147483647.');
	});

	it.each<[unknown, number]>([
		[0, 0],
		[2147483647, 2147483647],
		['42', 42],
	])('accepts seed %p', (seed, expected) => {
		expect(buildGenerationRequest(seededInput({ seed: seed as IDataObject['seed'] }), 'Gateway').seed).toBe(expected);
	});

	it('refuses a negative prompt over 500 characters and accepts 500', () => {
		const error = refusal(() => buildGenerationRequest(seededInput({ negativePrompt: 'n'.repeat(501) }), 'Gateway'));
		expect(error.field).toBe('Negative Prompt');
		expect(error.message).toContain('At most 500 characters.');
		expect(buildGenerationRequest(seededInput({ negativePrompt: 'n'.repeat(500) }), 'Gateway').negativePrompt).toHaveLength(500);
	});

	it('accepts a missing prompt where the model does not require one', () => {
		expect(buildGenerationRequest(seededInput({}), 'Gateway').prompt).toBeUndefined();
	});
});

describe('buildGenerationRequest accepts', () => {
	it('a valid wan2.5 text-to-video request, as the exact neutral request', () => {
		expect(build(t2v25({ prompt: '  A cat playing piano \n' }))).toEqual({
			kind: 'video',
			mode: 'textToVideo',
			spec: findModel('evolink', 'textToVideo', 'wan2.5'),
			modelId: 'wan2.5-text-to-video',
			prompt: 'A cat playing piano',
			negativePrompt: undefined,
			media: {},
			resolution: '720p',
			aspectRatio: '16:9',
			duration: 5,
			generateAudio: undefined,
			promptExtend: undefined,
			seed: undefined,
			shotType: undefined,
			watermark: undefined,
			callbackUrl: undefined,
			extraParameters: undefined,
		});
	});

	it('a 2000-character prompt on wan2.5 and a 1500-character prompt on wan2.6', () => {
		expect(build(t2v25({ prompt: 'a'.repeat(2000) })).prompt).toHaveLength(2000);
		expect(build(t2v26({ prompt: 'b'.repeat(1500) })).prompt).toHaveLength(1500);
	});

	it.each([
		['480p', '16:9'],
		['480p', '9:16'],
		['480p', '1:1'],
		['720p', '4:3'],
		['1080p', '3:4'],
		['1080p', '4:3'],
	])('wan2.5 at %s with %s', (resolution, aspectRatio) => {
		const req = build(t2v25({ resolution, aspectRatio }));
		expect(req.resolution).toBe(resolution);
		expect(req.aspectRatio).toBe(aspectRatio);
	});

	it.each<[string, () => Input, number]>([
		['wan2.5 t2v', () => t2v25({ duration: 5 }), 5],
		['wan2.5 t2v', () => t2v25({ duration: 10 }), 10],
		['wan2.6 t2v', () => t2v26({ duration: 2 }), 2],
		['wan2.6 t2v', () => t2v26({ duration: 15 }), 15],
		['wan2.6 t2v', () => t2v26({ duration: 7 }), 7],
		['wan2.6 r2v', () => r2v26({ duration: 2 }), 2],
		['wan2.6 r2v', () => r2v26({ duration: 10 }), 10],
		['wan2.5 t2v, numeric string', () => t2v25({ duration: '5' }), 5],
		['wan2.6 t2v, padded numeric string', () => t2v26({ duration: ' 12 ' }), 12],
	])('duration on %s → %d', (_name, input, expected) => {
		expect(build(input()).duration).toBe(expected);
	});

	it('a numeric string for the number of images', () => {
		expect(build(t2i({ numberOfImages: '3' })).numberOfImages).toBe(3);
	});

	it('image URL lists separated by commas and new lines, trimmed, blanks dropped', () => {
		const req = build(i2i({ imageUrls: ' https://cdn.example.com/a.png ,\n  https://cdn.example.com/b.png\n\n' }));
		expect(urlsOf(req, 'images')).toEqual(['https://cdn.example.com/a.png', 'https://cdn.example.com/b.png']);
		expect(urlsOf(req, 'references')).toEqual([]);
	});

	it('image URL lists given as an array by an expression', () => {
		const req = build(i2i({ imageUrls: [' https://cdn.example.com/a.png', 'https://cdn.example.com/b.png '] }));
		expect(urlsOf(req, 'images')).toEqual(['https://cdn.example.com/a.png', 'https://cdn.example.com/b.png']);
	});

	it('three reference URLs separated by new lines', () => {
		const req = build(
			r2v26({ referenceUrls: 'https://c.example.com/1.mp4\r\nhttps://c.example.com/2.mp4\nhttps://c.example.com/3.mov' }),
		);
		expect(urlsOf(req, 'references')).toEqual([
			'https://c.example.com/1.mp4',
			'https://c.example.com/2.mp4',
			'https://c.example.com/3.mov',
		]);
		expect(urlsOf(req, 'images')).toEqual([]);
	});

	it('the i2v image URL trimmed, and no aspect ratio for i2v', () => {
		const req = build(i2v25({ imageUrl: '\n https://cdn.example.com/cat.png \n', aspectRatio: '4:3' }));
		expect(urlsOf(req, 'firstFrame')).toEqual(['https://cdn.example.com/cat.png']);
		expect(req.aspectRatio).toBeUndefined();
	});

	it('a callback URL of exactly 2048 characters', () => {
		const url = longCallback.slice(0, 2048);
		expect(url).toHaveLength(2048);
		expect(build(t2v25({ options: { callbackUrl: url } })).callbackUrl).toBe(url);
	});

	it('options left empty by n8n are ignored, not refused', () => {
		const req = build(t2v25({ options: { negativePrompt: '', audioUrl: '', seed: '', shotType: '', extraParameters: '' } }));
		expect(req.negativePrompt).toBeUndefined();
		expect(urlsOf(req, 'audio')).toEqual([]);
		expect(req.shotType).toBeUndefined();
		expect(req.extraParameters).toBeUndefined();
	});

	it('the supported wan2.6-flash options', () => {
		const req = build(
			i2v25({
				model: 'wan2.6-flash',
				duration: 3,
				options: {
					generateAudio: false,
					promptExtend: true,
					shotType: 'multi',
					audioUrl: 'https://cdn.example.com/a.mp3',
					callbackUrl: 'https://hooks.example.com/done',
				},
			}),
		);
		expect(req).toMatchObject({
			modelId: 'wan2.6-image-to-video-flash',
			generateAudio: false,
			promptExtend: true,
			shotType: 'multi',
			media: { audio: [{ url: 'https://cdn.example.com/a.mp3' }] },
			callbackUrl: 'https://hooks.example.com/done',
		});
	});

	it('an explicit image size instead of the aspect ratio', () => {
		const req = build(t2i({ aspectRatio: 'bogus', options: { size: '1024x768' } }));
		expect(req.size).toEqual({ width: 1024, height: 768 });
		expect(req.aspectRatio).toBeUndefined();
	});

	it.each([
		['768x768', { width: 768, height: 768 }],
		['1440x1440', { width: 1440, height: 1440 }],
		['2880x720', { width: 2880, height: 720 }],
		['720*2880', { width: 720, height: 2880 }],
	])('size %s at the edges of the documented range', (size, expected) => {
		expect(build(t2i({ options: { size } })).size).toEqual(expected);
	});

	it('extra parameters as JSON text or as an object', () => {
		expect(build(t2v25({ options: { extraParameters: '{"model_params":{"foo":1}}' } })).extraParameters).toEqual({
			model_params: { foo: 1 },
		});
		expect(build(t2v25({ options: { extraParameters: { a: [1, 2] } } })).extraParameters).toEqual({ a: [1, 2] });
	});

	it('a Model ID override', () => {
		expect(build(t2v25({ options: { modelId: ' wan2.5-t2v-preview ' } })).modelId).toBe('wan2.5-t2v-preview');
	});
});

describe('handleModelId', () => {
	it('uses the override, else the catalogue id, else undefined', () => {
		expect(handleModelId('evolink', 'textToVideo', 'wan2.6', 'custom-id')).toBe('custom-id');
		expect(handleModelId('evolink', 'textToVideo', 'wan2.6', '')).toBe('wan2.6-text-to-video');
		expect(handleModelId('evolink', 'referenceToVideo', 'wan2.6-flash', undefined)).toBe('wan2.6-reference-video-flash');
		expect(handleModelId('evolink', 'textToVideo', 'wan2.2', undefined)).toBeUndefined();
	});
});

describe('parseSize', () => {
	it.each([
		['1280x1280', { width: 1280, height: 1280 }],
		['1024X768', { width: 1024, height: 768 }],
		[' 1024 * 768 ', { width: 1024, height: 768 }],
		['1024×768', { width: 1024, height: 768 }],
	])('parses %p', (text, expected) => {
		expect(parseSize(text)).toEqual(expected);
	});

	it.each(['abc', '1024', '1024x', 'x768', '-1x5', '10.5x20'])('rejects %p', (text) => {
		expect(parseSize(text)).toBeUndefined();
	});
});

describe('isPrivateHost', () => {
	it.each([
		'localhost',
		'LOCALHOST',
		'api.localhost',
		'printer.local',
		'metadata.google.internal',
		'0.0.0.0',
		'127.0.0.1',
		'127.1.2.3',
		'10.0.0.1',
		'10.255.255.255',
		'192.168.1.2',
		'172.16.0.1',
		'172.20.10.10',
		'172.31.255.255',
		'169.254.169.254',
		'[::1]',
		'::1',
		'[::]',
		'[fc00::1]',
		'[fd12:3456::1]',
		'[fe80::1]',
	])('%s is private', (host) => {
		expect(isPrivateHost(host)).toBe(true);
	});

	it.each([
		'example.com',
		'api.evolink.ai',
		'8.8.8.8',
		'172.15.0.1',
		'172.32.0.1',
		'192.169.0.1',
		'11.0.0.1',
		'localhost.example.com',
		'[2001:4860:4860::8888]',
	])('%s is public', (host) => {
		expect(isPrivateHost(host)).toBe(false);
	});

	it('catches private hosts however the URL spells them, once parsed', () => {
		// The WHATWG parser normalises these to 127.0.0.1 before isPrivateHost sees them.
		for (const url of ['http://2130706433/x.png', 'http://0x7f.0.0.1/x.png', 'http://127.1/x.png']) {
			const error = refusal(() => build(i2v25({ imageUrl: url })));
			expect(error.field).toBe('Image URL');
			expect(error.message).toContain('public address');
		}
	});

	it('catches loopback and private IPv4 addresses written as IPv4-mapped IPv6', () => {
		// new URL('http://[::ffff:127.0.0.1]/').hostname === '[::ffff:7f00:1]': still this machine.
		for (const url of ['http://[::ffff:127.0.0.1]/x.png', 'http://[::ffff:192.168.1.2]/x.png', 'http://[::ffff:10.0.0.1]/x.png']) {
			const error = refusal(() => build(i2v25({ imageUrl: url })));
			expect(error.field).toBe('Image URL');
			expect(error.message).toContain('public address');
		}
	});

	it('catches localhost written as a fully qualified name with a trailing dot', () => {
		const error = refusal(() => build(t2v25({ options: { callbackUrl: 'https://localhost./hook' } })));
		expect(error.field).toBe('Callback URL');
		expect(error.message).toContain('public address');
	});
});

describe('describeNumbers', () => {
	it.each<[number[], string]>([
		[Array.from({ length: 14 }, (_, i) => i + 2), '2–15'],
		[Array.from({ length: 9 }, (_, i) => i + 2), '2–10'],
		[[5, 10], '5, 10'],
		[[10, 5], '5, 10'],
		[[5, 10, 15], '5, 10, 15'],
		[[3, 1, 2], '1–3'],
		[[1, 2], '1, 2'],
		[[7], '7'],
	])('%p → %s', (values, expected) => {
		expect(describeNumbers(values)).toBe(expected);
	});

	it('does not reorder its argument', () => {
		const values = [10, 5];
		describeNumbers(values);
		expect(values).toEqual([10, 5]);
	});
});

describe('URL lists', () => {
	it('keeps commas inside a URL (image CDN transformations) and splits only before a new URL', () => {
		const cloudinary = 'https://res.cloudinary.com/demo/image/upload/w_500,h_300/sample.jpg';
		const request = buildGenerationRequest(
			{
				provider: 'evolink',
				kind: 'image',
				mode: 'imageToImage',
				model: 'wan2.5',
				prompt: 'Make it blue',
				imageUrls: `${cloudinary}, https://cdn.example.com/b.png`,
				numberOfImages: 1,
				options: {},
			},
			'EvoLink',
		);
		expect(urlsOf(request, 'images')).toEqual([cloudinary, 'https://cdn.example.com/b.png']);
	});
});

describe('every problem of an item in one refusal', () => {
	it('an empty prompt does not hide a 480p + 4:3 request, nor a wrong duration', () => {
		const error = refusal(() => build(t2v25({ prompt: '', resolution: '480p', aspectRatio: '4:3', duration: 7 })));
		expect(error.problems.map((problem) => problem.field)).toEqual(['Prompt', 'Aspect Ratio', 'Duration']);
		expect(error.message).toBe(
			'This item has 3 problems. Invalid Prompt: empty. A prompt is required for Text to Video. ' +
				'Invalid Aspect Ratio: "4:3". Allowed at 480p for Wan 2.5 (wan2.5-text-to-video): 16:9, 9:16, 1:1. ' +
				'Invalid Duration: 7. Allowed for Wan 2.5 (wan2.5-text-to-video): 5, 10 seconds.',
		);
	});

	it('every option the model does not take is refused, not only the first', () => {
		const error = refusal(() => build(t2v25({ options: { seed: 4, watermark: true, negativePrompt: 'blur' } })));
		expect(error.problems.map((problem) => problem.field)).toEqual(['Negative Prompt', 'Seed', 'Watermark']);
	});

	it('one problem per field: a seed the model does not take is not also refused for its range', () => {
		const error = refusal(() => build(t2v25({ options: { seed: -1 } })));
		expect(error.problems).toHaveLength(1);
		expect(error.field).toBe('Seed');
	});
});
