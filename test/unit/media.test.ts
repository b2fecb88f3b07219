/**
 * Typed media entries: what a URL holds, mixed reference lists told apart per entry, the caps a model
 * puts on each type, the durations allowed with reference videos, and entries whose host is asked.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { CATALOGUE } from '../../nodes/shared/catalogue';
import { InvalidInputError } from '../../nodes/shared/inputError';
import { resolveMediaTypes } from '../../nodes/shared/mediaProbe';
import { mediaTypeOfName, mediaTypeOfUrl } from '../../nodes/shared/mediaTypes';
import type { ModelSpec } from '../../nodes/shared/modelSpec';
import type { BinaryFile, GenerationRequest } from '../../nodes/shared/request';
import { binaryFieldsOf } from '../../nodes/shared/binaryMedia';
import { buildGenerationRequest, checkMediaTypes, type GenerationInput } from '../../nodes/shared/validation';
import { refusal } from './support';

const TWO_TO_FIFTEEN = Array.from({ length: 14 }, (_, i) => i + 2);
const TWO_TO_TEN = Array.from({ length: 9 }, (_, i) => i + 2);

describe('mediaTypeOfUrl', () => {
	it.each<[string, string | undefined]>([
		['https://cdn.example.com/cat.png', 'image'],
		['https://cdn.example.com/cat.JPEG', 'image'],
		['https://cdn.example.com/clip.mp4', 'video'],
		['https://cdn.example.com/clip.mov#t=2', 'video'],
		['https://cdn.example.com/voice.mp3', 'audio'],
		// A signed link: the extension is in the path, the signature after it.
		['https://bucket.s3.amazonaws.com/refs/clip.MP4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab12', 'video'],
		['https://oss.example.com/a/ref.webp?Expires=1757256143&OSSAccessKeyId=LTAI&Signature=abc%2Bdef', 'image'],
		// A signed link without an extension that names its type in the query.
		['https://storage.example.com/o/abc123?response-content-type=video%2Fmp4&sig=1', 'video'],
		['https://cdn.example.com/render?id=42&format=png', 'image'],
		// Nothing says: the host is asked.
		['https://storage.example.com/o/abc123?X-Goog-Signature=ff', undefined],
		['https://cdn.example.com/clip.mp4/download', undefined],
		['https://cdn.example.com/archive.zip', undefined],
		['not a url', undefined],
	])('%s holds %p', (url, expected) => {
		expect(mediaTypeOfUrl(url)).toBe(expected);
	});

	it.each<[string, string | undefined]>([
		['video/mp4', 'video'],
		['image/png', 'image'],
		['audio/mpeg', 'audio'],
		['IMAGE/WEBP', 'image'],
		['.mov', 'video'],
		['application/octet-stream', undefined],
	])('mediaTypeOfName(%p) is %p', (name, expected) => {
		expect(mediaTypeOfName(name)).toBe(expected);
	});
});

/** Test models, added to the catalogue for this file only. */
const REFERENCE_MODEL: ModelSpec = {
	provider: 'gateway',
	model: 'wan9.9-refs',
	mode: 'referenceToVideo',
	modelId: 'unit-test-r2v',
	prompt: { required: true, maxLength: 100 },
	resolutions: ['720p'],
	aspectRatios: ['16:9'],
	durations: TWO_TO_FIFTEEN,
	durationsWithReferenceVideo: TWO_TO_TEN,
	media: { references: { min: 1, max: 5, maxOfType: { video: 3 } }, firstFrame: { min: 0, max: 1 }, voices: { min: 0, max: 5 } },
	optionalFields: [],
};
const EDIT_MODEL: ModelSpec = {
	provider: 'gateway',
	model: 'wan9.9-edit',
	mode: 'editVideo',
	modelId: 'unit-test-edit',
	prompt: { required: false, maxLength: 100 },
	resolutions: ['720p'],
	durations: [0, ...TWO_TO_TEN],
	media: { video: { min: 1, max: 1 }, references: { min: 0, max: 4 } },
	optionalFields: ['keepSourceAudio'],
};
const IMAGE_SET_MODEL: ModelSpec = {
	provider: 'apixo',
	model: 'wan9.9-sets',
	mode: 'textToImage',
	modelId: 'unit-test-sets',
	prompt: { required: true, maxLength: 100 },
	aspectRatios: ['1:1'],
	numberOfImages: { min: 1, max: 4 },
	imageSetSize: { min: 1, max: 12 },
	optionalFields: ['imageSet'],
};
const NO_SET_MODEL: ModelSpec = { ...IMAGE_SET_MODEL, model: 'wan9.9-plain', modelId: 'unit-test-plain', imageSetSize: undefined, optionalFields: [] };
const TEST_MODELS = [REFERENCE_MODEL, EDIT_MODEL, IMAGE_SET_MODEL, NO_SET_MODEL];

beforeAll(() => {
	(CATALOGUE as ModelSpec[]).push(...TEST_MODELS);
});
afterAll(() => {
	for (const spec of TEST_MODELS) (CATALOGUE as ModelSpec[]).splice(CATALOGUE.indexOf(spec), 1);
});

const references = (referenceUrls: string, over: Partial<GenerationInput> = {}): GenerationInput => ({
	provider: 'gateway',
	kind: 'video',
	mode: 'referenceToVideo',
	model: 'wan9.9-refs',
	prompt: 'Image 1 meets Video 1',
	referenceUrls,
	resolution: '720p',
	aspectRatio: '16:9',
	duration: 5,
	options: {},
	...over,
});
const edit = (over: Partial<GenerationInput> = {}): GenerationInput => ({
	provider: 'gateway',
	kind: 'video',
	mode: 'editVideo',
	model: 'wan9.9-edit',
	videoUrl: 'https://cdn.example.com/source.mp4',
	resolution: '720p',
	duration: 0,
	options: {},
	...over,
});

describe('a mixed reference list', () => {
	it('types each entry, in the order given, from its own URL', () => {
		const request = buildGenerationRequest(
			references('https://cdn.example.com/a.png, https://cdn.example.com/b.mp4?sig=1\nhttps://storage.example.com/o/c'),
			'Gateway',
		);
		expect(request.media.references).toStrictEqual([
			{ url: 'https://cdn.example.com/a.png', type: 'image' },
			{ url: 'https://cdn.example.com/b.mp4?sig=1', type: 'video' },
			{ url: 'https://storage.example.com/o/c', type: undefined },
		]);
	});

	it('types a single-type field from the field where the URL does not say', () => {
		const request = buildGenerationRequest(
			references('https://cdn.example.com/a.png', { imageUrl: 'https://storage.example.com/o/first' }),
			'Gateway',
		);
		expect(request.media.firstFrame).toStrictEqual([{ url: 'https://storage.example.com/o/first', type: 'image' }]);
	});

	it('refuses more videos than the model takes, naming them and the cap', () => {
		const videos = [1, 2, 3, 4].map((n) => `https://cdn.example.com/${n}.mp4`).join(', ');
		const error = refusal(() => buildGenerationRequest(references(videos), 'Gateway'));
		expect(error.problems).toStrictEqual([{ field: 'Reference URLs', value: videos, allowed: 'At most 3 videos, got 4.' }]);
	});

	it('allows the shorter durations only once a reference is a video', () => {
		expect(buildGenerationRequest(references('https://cdn.example.com/a.png', { duration: 15 }), 'Gateway').duration).toBe(15);
		const error = refusal(() =>
			buildGenerationRequest(references('https://cdn.example.com/a.png, https://cdn.example.com/b.mov', { duration: 15 }), 'Gateway'),
		);
		expect(error.field).toBe('Duration');
		expect(error.message).toBe(
			'Invalid Duration: 15. Allowed for Wan 9.9 Refs (unit-test-r2v) with a reference video: 2–10 seconds.',
		);
	});

	it('refuses more voices than references: each voice speaks for the reference at its position', () => {
		const voiced = references('https://cdn.example.com/a.png', {
			options: { referenceVoiceUrls: 'https://cdn.example.com/1.mp3, https://cdn.example.com/2.mp3' },
		});
		const error = refusal(() => buildGenerationRequest(voiced, 'Gateway'));
		expect(error.message).toBe(
			'Invalid Reference Voice URLs: "https://cdn.example.com/1.mp3, https://cdn.example.com/2.mp3". One voice per reference, in the same order: at most 1 here (1 reference), got 2.',
		);
	});

	it('checks entries typed later, by their hosts, the same way', () => {
		const request = buildGenerationRequest(references('https://storage.example.com/o/a', { duration: 12 }), 'Gateway');
		expect(() => checkMediaTypes(request)).not.toThrow();
		const typed: GenerationRequest = { ...request, media: { references: [{ url: 'https://storage.example.com/o/a', type: 'video' }] } };
		expect(refusal(() => checkMediaTypes(typed)).field).toBe('Duration');
	});
});

describe('a media field the model does not take', () => {
	it('is refused, never dropped', () => {
		const firstFrame = { ...REFERENCE_MODEL.media };
		delete firstFrame.firstFrame;
		const withoutFirstFrame: ModelSpec = { ...REFERENCE_MODEL, model: 'wan9.9-nofirst', media: firstFrame };
		(CATALOGUE as ModelSpec[]).push(withoutFirstFrame);
		try {
			const refused = refusal(() =>
				buildGenerationRequest(
					references('https://cdn.example.com/a.png', { model: 'wan9.9-nofirst', imageUrl: 'https://cdn.example.com/first.png' }),
					'Gateway',
				),
			);
			expect(refused.message).toBe(
				'Invalid First Frame URL: "https://cdn.example.com/first.png". Wan 9.9 Nofirst (unit-test-r2v) takes none in Reference to Video.',
			);
		} finally {
			(CATALOGUE as ModelSpec[]).splice(CATALOGUE.indexOf(withoutFirstFrame), 1);
		}
	});
});

describe('an edit', () => {
	it('keeps the source length with duration 0, and says so when refusing', () => {
		expect(buildGenerationRequest(edit(), 'Gateway').duration).toBe(0);
		const error = refusal(() => buildGenerationRequest(edit({ duration: 1 }), 'Gateway'));
		expect(error.message).toContain("Allowed for Wan 9.9 Edit (unit-test-edit): 0 (keep the source video's length) or 2–10 seconds.");
	});

	it('refuses a missing source video and a video among the reference images', () => {
		const error = refusal(() =>
			buildGenerationRequest(edit({ videoUrl: '', referenceUrls: 'https://cdn.example.com/style.mp4' }), 'Gateway'),
		);
		expect(error.problems.map((problem) => problem.field)).toEqual(['Video URL', 'Reference URLs']);
		expect(error.message).toContain('Expected 1 URL, got 0.');
		expect(error.message).toContain('This is video; allowed here: image.');
	});

	it('carries Keep Source Audio', () => {
		expect(buildGenerationRequest(edit({ options: { keepSourceAudio: true } }), 'Gateway').keepSourceAudio).toBe(true);
	});
});

describe('image sets', () => {
	const images = (model: string, numberOfImages: number, options = {}): GenerationInput => ({
		provider: 'apixo',
		kind: 'image',
		mode: 'textToImage',
		model,
		prompt: 'A storyboard',
		aspectRatio: '1:1',
		numberOfImages,
		options,
	});

	it('take up to 12 images; independent images up to 4', () => {
		expect(buildGenerationRequest(images('wan9.9-sets', 12, { imageSet: true }), 'APIXO')).toMatchObject({
			numberOfImages: 12,
			imageSet: true,
		});
		const error = refusal(() => buildGenerationRequest(images('wan9.9-sets', 12), 'APIXO'));
		expect(error.message).toBe('Invalid Number of Images: 12. Allowed for Wan 9.9 Sets (unit-test-sets): 1–4.');
	});

	it('are refused on a model without them', () => {
		const error = refusal(() => buildGenerationRequest(images('wan9.9-plain', 2, { imageSet: true }), 'APIXO'));
		expect(error.field).toBe('Image Set');
		expect(error.message).toContain('This option is not supported by APIXO Wan 9.9 Plain (unit-test-plain)');
	});
});

describe('resolveMediaTypes asks the host of an untyped link', () => {
	type Answer = { statusCode: number; headers: Record<string, string> } | Error;

	function hostsAnswering(answers: Record<string, Answer>) {
		const asked: Array<{ url: string; headers: unknown }> = [];
		const fn = {
			helpers: {
				httpRequest: async (options: { url: string; headers: unknown }) => {
					asked.push({ url: options.url, headers: options.headers });
					const answer = answers[options.url];
					if (answer instanceof Error) throw answer;
					return { ...answer, body: { destroy: () => undefined } };
				},
			},
		} as unknown as IExecuteFunctions;
		return { fn, asked };
	}

	const untyped = (...urls: string[]) =>
		buildGenerationRequest(references(['https://cdn.example.com/known.png', ...urls].join('\n')), 'Gateway');

	it('types entries from the Content-Type of a one-byte GET, leaving typed entries unasked', async () => {
		const { fn, asked } = hostsAnswering({
			'https://storage.example.com/o/a': { statusCode: 206, headers: { 'content-type': 'video/mp4; codecs=avc1' } },
			'https://storage.example.com/o/b': { statusCode: 200, headers: { 'content-type': 'image/jpeg' } },
		});
		const resolved = await resolveMediaTypes(fn, untyped('https://storage.example.com/o/a', 'https://storage.example.com/o/b'));
		expect(resolved.media.references?.map((entry) => entry.type)).toEqual(['image', 'video', 'image']);
		expect(asked).toEqual([
			{ url: 'https://storage.example.com/o/a', headers: { Range: 'bytes=0-0' } },
			{ url: 'https://storage.example.com/o/b', headers: { Range: 'bytes=0-0' } },
		]);
	});

	it.each<[string, Answer]>([
		['answers 403', { statusCode: 403, headers: { 'content-type': 'application/xml' } }],
		['says octet-stream', { statusCode: 200, headers: { 'content-type': 'application/octet-stream' } }],
		['cannot be reached', new Error('getaddrinfo ENOTFOUND storage.example.com')],
	])('refuses an entry whose host %s, naming the field and the entry', async (_case, answer) => {
		const { fn } = hostsAnswering({ 'https://storage.example.com/o/a': answer });
		const error = await resolveMediaTypes(fn, untyped('https://storage.example.com/o/a')).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(InvalidInputError);
		expect((error as InvalidInputError).field).toBe('Reference URLs');
		expect((error as InvalidInputError).message).toBe(
			'Invalid Reference URLs: "https://storage.example.com/o/a". Its URL has no file extension and its host did not say whether it is image or video (Content-Type). Use a link ending in the file type (e.g. .png, .mp4).',
		);
	});
});

describe('entries naming a binary field of the item', () => {
	const PHOTO: BinaryFile = { field: 'photo', fileName: 'hero.png', mimeType: 'image/png', bytes: 2048 };
	const CLIP: BinaryFile = { field: 'clip', fileName: 'clip.mp4', mimeType: 'video/mp4', bytes: 4096 };
	const withFiles = (referenceUrls: string) =>
		references(referenceUrls, { binaryFields: { photo: PHOTO, clip: CLIP } });

	it('carry the file, typed by its MIME type, beside URLs in the order given (the gateway takes images inline)', () => {
		const request = buildGenerationRequest(withFiles('photo, https://cdn.example.com/b.mp4'), 'Gateway');
		expect(request.media.references).toStrictEqual([
			{ url: '', type: 'image', file: PHOTO },
			{ url: 'https://cdn.example.com/b.mp4', type: 'video' },
		]);
	});

	it('are refused where the provider takes that type only from URLs, naming the field', () => {
		const error = refusal(() => buildGenerationRequest(withFiles('clip'), 'Gateway'));
		expect(error.message).toMatch(/^Invalid Reference URLs: "clip"\. OpenAI-Compatible Gateway \(New API\) takes video files only from a public URL here/);
	});

	it('are refused when the item has no such field, listing those it has', () => {
		const error = refusal(() => buildGenerationRequest(withFiles('data'), 'Gateway'));
		expect(error.message).toBe(
			'Invalid Reference URLs: "data". Expected a public URL (http or https) or the name of a binary field of this item (it has: photo, clip).',
		);
	});
});

describe('binaryFieldsOf', () => {
	it('describes stored and inline files, with their size in bytes', () => {
		expect(
			binaryFieldsOf({
				data: { data: 'filesystem-v2', mimeType: 'image/png', fileName: 'cat.png', bytes: 123456, id: 'filesystem-v2:x' },
				inline: { data: Buffer.from('hello!!').toString('base64'), mimeType: 'text/plain' },
			}),
		).toStrictEqual({
			data: { field: 'data', fileName: 'cat.png', mimeType: 'image/png', bytes: 123456, id: 'filesystem-v2:x' },
			inline: { field: 'inline', fileName: 'inline', mimeType: 'text/plain', bytes: 7 },
		});
		expect(binaryFieldsOf(undefined)).toStrictEqual({});
	});
});
