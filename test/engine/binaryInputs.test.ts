/**
 * Media from a binary field of the input item, through the real engine: the item's file is stored in
 * n8n's binary store by the harness trigger, the media field names the field, and the bytes that reach
 * the provider (a `data:` URI, or a file uploaded to its file host) are the file's. A provider that takes
 * files only from public URLs, a field the item lacks, or a file too large is refused with zero requests.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { HarnessFile } from '../harness';
import type { Simulator } from '../simulator';
import { mp4Bytes, pngBytes } from '../simulator/media';
import { NODE_NAME, providerSuite } from './support';

const PNG = pngBytes(7);

/** A PNG's signature and header alone: enough for the node to read its pixel size. */
function pngHead(width: number, height: number): Buffer {
	const ihdr = Buffer.alloc(25);
	ihdr.writeUInt32BE(13, 0);
	ihdr.write('IHDR', 4, 'ascii');
	ihdr.writeUInt32BE(width, 8);
	ihdr.writeUInt32BE(height, 12);
	return Buffer.concat([PNG.subarray(0, 8), ihdr]);
}
const file = (bytes: Buffer, mimeType: string, fileName: string): HarnessFile => ({ base64: bytes.toString('base64'), mimeType, fileName });
const withFiles = (files: Record<string, HarnessFile>): IDataObject[] => [{ title: 'launch', $binary: files as unknown as IDataObject }];

/** The bytes of a `data:` URI, and its MIME type. */
function decoded(uri: unknown): { mimeType: string; bytes: Buffer } {
	const match = /^data:([^;]+);base64,(.*)$/s.exec(String(uri));
	expect(match).not.toBeNull();
	return { mimeType: match![1], bytes: Buffer.from(match![2], 'base64') };
}

type MediaEntry = { type: string; url: string };

/** DashScope media entries of these types: the first the PNG file as a data: URI, the second the URL given. */
function expectFileThenUrl(media: MediaEntry[], types: string[], url: string): void {
	expect(media.map((entry) => entry.type)).toEqual(types);
	expect(decoded(media[0].url)).toEqual({ mimeType: 'image/png', bytes: PNG });
	expect(media[1].url).toBe(url);
}

const i2v = (imageUrl: string): INodeParameters => ({
	mode: 'imageToVideo',
	model: 'wan2.6',
	prompt: 'The cat starts to dance',
	imageUrl,
	resolution: '720p',
	duration: 5,
});

describe('Alibaba Cloud Model Studio', () => {
	let sim: Simulator;
	const { run, submitted } = providerSuite('alibaba', (started) => (sim = started));

	it('sends an image from a binary field as a data: URI of exactly its bytes', async () => {
		const result = await run('video', i2v('data'), { items: withFiles({ data: file(PNG, 'image/png', 'cat.png') }) });
		expect(result.status).toBe('success');
		const body = submitted().body as { input: { img_url: string } };
		expect(decoded(body.input.img_url)).toEqual({ mimeType: 'image/png', bytes: PNG });
		expect(result.output(NODE_NAME)).toHaveLength(1);
	});

	it('names a file n8n typed only as application/octet-stream by its extension, in the data: URI too', async () => {
		const result = await run('video', i2v('data'), { items: withFiles({ data: file(PNG, 'application/octet-stream', 'cat.png') }) });
		expect(result.status).toBe('success');
		expect(decoded((submitted().body as { input: { img_url: string } }).input.img_url)).toEqual({ mimeType: 'image/png', bytes: PNG });
	});

	it('mixes a URL and a binary field in one list, in the order given', async () => {
		const result = await run(
			'video',
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Image 1 meets Video 1', referenceUrls: 'photo, https://example.com/clip.mp4', resolution: '720p', aspectRatio: '16:9', duration: 5 },
			{ items: withFiles({ photo: file(PNG, 'image/png', 'hero.png') }) },
		);
		expect(result.status).toBe('success');
		expectFileThenUrl((submitted().body as { input: { media: MediaEntry[] } }).input.media, ['reference_image', 'reference_video'], 'https://example.com/clip.mp4');
	});

	it.each<[string, IDataObject[], INodeParameters, RegExp]>([
		[
			'a field the item does not have, listing those it has',
			withFiles({ data: file(PNG, 'image/png', 'cat.png') }),
			i2v('photo'),
			/^Invalid Image URL: "photo"\. Expected a public URL \(http or https\) or the name of a binary field of this item \(it has: data\)\.$/,
		],
		[
			'a video file outside Beijing, the one region with temporary uploads',
			withFiles({ clip: file(mp4Bytes(), 'video/mp4', 'clip.mp4') }),
			{ mode: 'referenceToVideo', model: 'wan2.7', prompt: 'Video 1 dances', referenceUrls: 'clip', resolution: '720p', aspectRatio: '16:9', duration: 5 },
			/^Invalid Reference URLs: "clip"\. Alibaba Cloud Model Studio takes video files from a binary field only through its temporary upload, which only China \(Beijing\) has \(this credential is for Singapore\)\. Give a public URL instead/,
		],
		[
			'an image smaller than Wan 2.6 takes as a first frame',
			withFiles({ data: file(pngHead(200, 200), 'image/png', 'thumb.png') }),
			i2v('data'),
			/^Invalid Image URL: "data"\. "thumb\.png" is 200×200 pixels; Wan 2\.6 \(wan2\.6-i2v\) takes images of 360–2000 pixels a side\.$/,
		],
		[
			'a banner longer than 8:1 for Wan 2.7, with every other problem of the item',
			withFiles({ data: file(pngHead(4000, 400), 'image/png', 'banner.png'), last: file(pngHead(100, 100), 'image/png', 'tiny.png') }),
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'Open', imageUrl: 'data', lastFrameUrl: 'last', resolution: '720p', duration: 5 },
			/^This item has 2 problems\. Invalid Image URL: "data"\. "banner\.png" is 4000×400 pixels; Wan 2\.7 \(wan2\.7-i2v\) takes images of 240–8000 pixels a side, from 1:8 to 8:1\. Invalid Last Frame URL: "last"\. "tiny\.png" is 100×100 pixels/,
		],
		[
			'a GIF, a format Wan does not take',
			withFiles({ data: file(Buffer.from('GIF89a'), 'image/gif', 'anim.gif') }),
			i2v('data'),
			/^Invalid Image URL: "data"\. "anim\.gif" is image\/gif; Wan takes image files as JPEG, PNG, BMP or WebP\.$/,
		],
		[
			'an image over 10 MB',
			withFiles({ data: file(Buffer.alloc(10 * 1024 * 1024 + 1), 'image/png', 'huge.png') }),
			i2v('data'),
			/^Invalid Image URL: "data"\. "huge\.png" has 10485761 bytes; Alibaba Cloud Model Studio takes image files of at most 10 MB \(10485760 bytes\) from a binary field\.$/,
		],
	])('refuses %s, with zero requests', async (_case, items, parameters, message) => {
		const result = await run('video', parameters, { items });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Alibaba Cloud Model Studio in China (Beijing): temporary uploads', () => {
	let sim: Simulator;
	const { run, submitted } = providerSuite('alibaba', (started) => (sim = started));
	const MP4 = mp4Bytes();
	const beijing = { credentialFields: { region: 'cn' } };
	const extend = { mode: 'extendVideo', model: 'wan2.7', prompt: 'He opens the box', videoUrl: 'clip', resolution: '720p', duration: 10 };

	it('uploads a video for the model (getPolicy, then the OSS form with the file last) and submits oss:// with the resolve header', async () => {
		const result = await run('video', extend, { ...beijing, items: withFiles({ clip: file(MP4, 'video/mp4', 'clip.mp4') }) });
		expect(result.status).toBe('success');
		const routes = sim.requests.map((request) => [request.route, request.method, request.path.split('?')[0]]);
		expect(routes.slice(0, 3)).toEqual([
			['upload', 'GET', '/alibaba/api/v1/uploads'],
			['upload', 'POST', '/oss'],
			['submit', 'POST', '/alibaba/api/v1/services/aigc/video-generation/video-synthesis'],
		]);
		expect(new URL(sim.requests[0].path, sim.origin).searchParams.get('model')).toBe('wan2.7-i2v');
		const [upload] = sim.uploads;
		expect({ sha256: upload.sha256, bytes: upload.bytes, contentType: upload.contentType }).toEqual({ sha256: sha256(MP4), bytes: MP4.length, contentType: 'video/mp4' });
		expect(upload.fields.map(([name]) => name)).toEqual(['OSSAccessKeyId', 'Signature', 'policy', 'key', 'x-oss-object-acl', 'x-oss-forbid-overwrite', 'success_action_status', 'x-oss-content-type']);
		// The key goes to DashScope's API only, never to the storage host.
		expect(sim.requests[1].authorization).toBeUndefined();
		expect((submitted().body as { input: { media: MediaEntry[] } }).input.media).toEqual([{ type: 'first_clip', url: upload.url }]);
		expect(upload.url).toMatch(/^oss:\/\/dashscope-instant\/.+\/wan2\.7-i2v\/[a-z0-9]+-[a-z0-9]+-clip\.mp4$/);
	});

	it('sends images inline even here, and no resolve header without an upload', async () => {
		const result = await run('video', i2v('data'), { ...beijing, items: withFiles({ data: file(PNG, 'image/png', 'cat.png') }) });
		expect(result.status).toBe('success');
		expect(sim.uploads).toHaveLength(0);
		expect(decoded((submitted().body as { input: { img_url: string } }).input.img_url).bytes).toEqual(PNG);
	});

	it('fails the item when OSS refuses the file, in OSS words, and submits nothing', async () => {
		sim.inject({ provider: 'alibaba', route: 'upload', status: 403, times: 1, body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Policy expired.</Message></Error>', headers: { 'Content-Type': 'application/xml' } });
		const result = await run('video', extend, { ...beijing, items: withFiles({ clip: file(MP4, 'video/mp4', 'clip.mp4') }) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Video URL \(binary field "clip", clip\.mp4\) could not be uploaded: Alibaba Cloud Model Studio upload failed \(HTTP 403\)/);
		expect(sim.requests.filter((request) => request.route === 'submit')).toHaveLength(0);
	});
});

describe('OpenAI-Compatible Gateway (New API)', () => {
	const { run, submitted } = providerSuite('gateway', () => undefined);

	it('passes the image on as a data: URI in metadata.input.media, beside a URL', async () => {
		const result = await run(
			'video',
			{ mode: 'firstLastFrameToVideo', model: 'wan2.7', prompt: 'The bud opens', imageUrl: 'first', lastFrameUrl: 'https://example.com/bloom.png', resolution: '720p', duration: 5 },
			{ items: withFiles({ first: file(PNG, 'image/png', 'bud.png') }) },
		);
		expect(result.status).toBe('success');
		expectFileThenUrl((submitted().body as { metadata: { input: { media: MediaEntry[] } } }).metadata.input.media, ['first_frame', 'last_frame'], 'https://example.com/bloom.png');
	});
});

describe('APIXO', () => {
	let sim: Simulator;
	const { run } = providerSuite('apixo', (started) => (sim = started));

	it('refuses a binary field (APIXO takes media only from public URLs), with zero requests', async () => {
		const result = await run('video', { ...i2v('data'), model: 'wan2.5' }, { items: withFiles({ data: file(PNG, 'image/png', 'cat.png') }) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Invalid Image URL: "data"\. APIXO takes image files only from a public URL here/);
		expect(sim.requests).toHaveLength(0);
	});
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('EvoLink', () => {
	let sim: Simulator;
	const { run, submitted } = providerSuite('evolink', (started) => (sim = started));
	const MP4 = mp4Bytes();
	const uploadRequests = () => sim.requests.filter((request) => request.route === 'upload');
	const extend = (videoUrl: string): INodeParameters => ({ mode: 'extendVideo', model: 'wan2.7', prompt: 'He opens the box', videoUrl, resolution: '720p', duration: 10 });

	it.each(['filesystem', 'memory'] as const)(
		'uploads an image to its file host (binary data in %s) and submits the file URL it answers',
		async (binaryMode) => {
			const result = await run('video', { ...i2v('data'), model: 'wan2.7' }, { items: withFiles({ data: file(PNG, 'image/png', 'cat.png') }), binaryMode });
			expect(result.status).toBe('success');
			expect(sim.uploads).toHaveLength(1);
			const [upload] = sim.uploads;
			expect({ sha256: upload.sha256, bytes: upload.bytes, fileName: upload.fileName, contentType: upload.contentType }).toEqual({
				sha256: sha256(PNG),
				bytes: PNG.length,
				fileName: 'cat.png',
				contentType: 'image/png',
			});
			// A name of its own: the host would replace another item's `cat.png`.
			expect(upload.fields).toEqual([['file_name', expect.stringMatching(/^[a-z0-9]+-[a-z0-9]+-cat\.png$/)]]);
			expect(uploadRequests().map((request) => [request.path, request.authorization])).toEqual([['/evolink-files/api/v1/files/upload/stream', 'ok']]);
			expect((submitted().body as { image_start: string }).image_start).toBe(upload.url);
			// The upload comes first; the paid submit only after it.
			expect(sim.requests.map((request) => request.route).slice(0, 2)).toEqual(['upload', 'submit']);
		},
	);

	it('streams a video from the binary store to the file host, byte for byte, and submits it in video_urls', async () => {
		const result = await run('video', extend('clip'), { items: withFiles({ clip: file(MP4, 'video/mp4', 'clip.mp4') }) });
		expect(result.status).toBe('success');
		expect(sim.uploads.map(({ sha256: hash, bytes }) => ({ hash, bytes }))).toEqual([{ hash: sha256(MP4), bytes: MP4.length }]);
		expect((submitted().body as { video_urls: string[] }).video_urls).toEqual([sim.uploads[0].url]);
	});

	it('uploads nothing for URL entries', async () => {
		const result = await run('video', extend('https://example.com/clip.mp4'), { items: withFiles({ clip: file(MP4, 'video/mp4', 'clip.mp4') }) });
		expect(result.status).toBe('success');
		expect(uploadRequests()).toHaveLength(0);
		expect((submitted().body as { video_urls: string[] }).video_urls).toEqual(['https://example.com/clip.mp4']);
	});

	it('retries an upload the file host failed with 503, then submits once', async () => {
		sim.inject({ provider: 'evolink', route: 'upload', status: 503, times: 1 });
		const result = await run('video', extend('clip'), { items: withFiles({ clip: file(MP4, 'video/mp4', 'clip.mp4') }) });
		expect(result.status).toBe('success');
		expect(uploadRequests().map((request) => request.status)).toEqual([503, 200]);
		expect(sim.uploads).toHaveLength(1);
		expect(sim.tasks).toHaveLength(1);
	});

	it.each<[string, Parameters<Simulator['inject']>[0], RegExp]>([
		[
			'a 4xx from the file host (not retried)',
			{ provider: 'evolink', route: 'upload', status: 413, body: { success: false, code: 413, msg: 'File too large' } },
			/^Video URL \(binary field "clip", clip\.mp4\) could not be uploaded: EvoLink upload failed \(HTTP 413\): File too large \[413\]$/,
		],
		[
			'a 200 that says success: false',
			{ provider: 'evolink', route: 'upload', status: 200, body: { success: false, code: 403, msg: 'Upload quota exhausted' } },
			/^Video URL \(binary field "clip", clip\.mp4\) could not be uploaded: EvoLink's file host refused it: Upload quota exhausted$/,
		],
	])('fails the item on %s, naming the field and file, and submits nothing', async (_case, fault, message) => {
		sim.inject(fault);
		const result = await run('video', extend('clip'), { items: withFiles({ clip: file(MP4, 'video/mp4', 'clip.mp4') }) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(/^Nothing was submitted to EvoLink for this item\./);
		expect(uploadRequests()).toHaveLength(1);
		expect(sim.requests.filter((request) => request.route === 'submit')).toHaveLength(0);
	});

	it('refuses a BMP, which its file host does not take, before any request', async () => {
		const bmp = Buffer.concat([Buffer.from('BM'), Buffer.alloc(16), Buffer.from([0x90, 1, 0, 0, 0x90, 1, 0, 0]), Buffer.alloc(8)]);
		const result = await run('video', { ...i2v('data'), model: 'wan2.7' }, { items: withFiles({ data: file(bmp, 'image/bmp', 'cat.bmp') }) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Invalid Image URL: "data". "cat.bmp" is image/bmp; EvoLink\'s file upload takes image files as JPEG, PNG or WebP.');
		expect(sim.requests).toHaveLength(0);
	});

	it('refuses an audio file larger than Wan 2.7 takes on EvoLink (15 MB), before any request', async () => {
		const result = await run(
			'video',
			{ mode: 'imageToVideo', model: 'wan2.7', prompt: 'Sing', imageUrl: 'https://example.com/a.png', resolution: '720p', duration: 5, options: { audioUrl: 'voice' } },
			{ items: withFiles({ voice: file(Buffer.alloc(15 * 1024 * 1024 + 1), 'audio/mpeg', 'voice.mp3') }) },
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Invalid Audio URL: "voice". "voice.mp3" has 15728641 bytes; EvoLink takes audio files of at most 15 MB (15728640 bytes) from a binary field.');
		expect(sim.requests).toHaveLength(0);
	});
});

describe('WaveSpeed', () => {
	let sim: Simulator;
	const { run, submitted } = providerSuite('wavespeed', (started) => (sim = started));

	it('uploads the image to its media upload and submits the download URL it answers', async () => {
		const result = await run('video', { ...i2v('data'), duration: 5 }, { items: withFiles({ data: file(PNG, 'image/png', 'cat.png') }) });
		expect(result.status).toBe('success');
		const uploads = sim.requests.filter((request) => request.route === 'upload');
		expect(uploads.map((request) => [request.path, request.authorization])).toEqual([['/wavespeed/api/v3/media/upload/binary', 'ok']]);
		expect({ sha256: sim.uploads[0].sha256, bytes: sim.uploads[0].bytes }).toEqual({ sha256: sha256(PNG), bytes: PNG.length });
		expect((submitted().body as { image: string }).image).toBe(sim.uploads[0].url);
	});
});

describe('Kie.ai', () => {
	let sim: Simulator;
	const { run, submitted } = providerSuite('kie', (started) => (sim = started));

	it('uploads the file to its file host (the Files Base URL), under a name of its own, and submits the download URL', async () => {
		const result = await run('video', { ...i2v('data'), model: 'wan2.7' }, { items: withFiles({ data: file(PNG, 'image/png', 'cat.png') }) });
		expect(result.status).toBe('success');
		const uploads = sim.requests.filter((request) => request.route === 'upload');
		expect(uploads.map((request) => [request.path, request.authorization])).toEqual([['/kie-files/api/file-stream-upload', 'ok']]);
		const [upload] = sim.uploads;
		expect({ sha256: upload.sha256, bytes: upload.bytes }).toEqual({ sha256: sha256(PNG), bytes: PNG.length });
		expect(upload.fields).toEqual([
			['uploadPath', 'n8n-nodes-wan'],
			['fileName', expect.stringMatching(/^[a-z0-9]+-[a-z0-9]+-cat\.png$/)],
		]);
		expect((submitted().body as { input: { first_frame_url: string } }).input.first_frame_url).toBe(upload.url);
	});
});

describe('fal', () => {
	let sim: Simulator;
	const { run, submitted } = providerSuite('fal', (started) => (sim = started));
	const MP4 = mp4Bytes();

	it.each(['filesystem', 'memory'] as const)(
		'puts a video (binary data in %s) on its storage: an upload asked for with the key, the bytes PUT to the signed URL without it',
		async (binaryMode) => {
			const result = await run(
				'video',
				{ mode: 'extendVideo', model: 'wan2.7', prompt: 'He opens the box', videoUrl: 'clip', resolution: '720p', duration: 10 },
				{ items: withFiles({ clip: file(MP4, 'video/mp4', 'clip.mp4') }), binaryMode },
			);
			expect(result.status).toBe('success');
			const uploads = sim.requests.filter((request) => request.route === 'upload');
			expect(uploads.map((request) => [request.method, request.path.split('?')[0], request.authorization])).toEqual([
				['POST', '/fal-storage/storage/upload/initiate', 'ok'],
				['PUT', expect.stringMatching(/^\/fal-cdn\/[0-9a-f-]+$/), undefined],
			]);
			expect(sim.uploads.map(({ sha256: hash, bytes, contentType }) => ({ hash, bytes, contentType }))).toEqual([{ hash: sha256(MP4), bytes: MP4.length, contentType: 'video/mp4' }]);
			expect((submitted().body as { video_url: string }).video_url).toBe(sim.uploads[0].url);
		},
	);
});
