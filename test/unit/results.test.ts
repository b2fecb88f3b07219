/**
 * Result items: MIME type and file name of downloaded results, and the JSON every result item carries.
 */
import type { TaskReport } from '../../nodes/shared/scheduler';
import { fileNameOf, mimeTypeOf, pendingItem, resultJson } from '../../nodes/shared/results';

describe('mimeTypeOf', () => {
	it.each<[unknown, string, 'video' | 'image', string]>([
		['video/mp4', 'https://cdn.example.com/a', 'video', 'video/mp4'],
		['Video/MP4', 'https://cdn.example.com/a', 'video', 'video/mp4'],
		['video/mp4; charset=binary', 'https://cdn.example.com/a.mov', 'video', 'video/mp4'],
		['image/png;charset=UTF-8', 'https://cdn.example.com/a.jpg', 'image', 'image/png'],
		['image/jpeg', 'https://cdn.example.com/a', 'image', 'image/jpeg'],
		['image/webp', 'https://cdn.example.com/a', 'image', 'image/webp'],
		['video/quicktime', 'https://cdn.example.com/a', 'video', 'video/quicktime'],
		['video/webm', 'https://cdn.example.com/a', 'video', 'video/webm'],
	])('uses a media content type %p', (contentType, url, kind, expected) => {
		expect(mimeTypeOf(contentType, url, kind)).toBe(expected);
	});

	it.each<[unknown, string, 'video' | 'image', string]>([
		[
			'application/octet-stream',
			'https://cdn.example.com/out/task-1.mp4?Expires=1757256143&OSSAccessKeyId=LTAI&Signature=abc%2Bdef',
			'video',
			'video/mp4',
		],
		['binary/octet-stream', 'https://cdn.example.com/out/clip.MOV?x=1', 'video', 'video/quicktime'],
		['application/octet-stream', 'https://cdn.example.com/out/img.jpeg?sig=1', 'image', 'image/jpeg'],
		['application/octet-stream', 'https://cdn.example.com/out/img.jpg#frag', 'image', 'image/jpeg'],
		[undefined, 'https://cdn.example.com/out/img.webp', 'image', 'image/webp'],
		['text/plain', 'https://cdn.example.com/out/video.webm', 'video', 'video/webm'],
		[['video/mp4'], 'https://cdn.example.com/out/img.png', 'image', 'image/png'],
	])('falls back to the URL extension when the content type is %p', (contentType, url, kind, expected) => {
		expect(mimeTypeOf(contentType, url, kind)).toBe(expected);
	});

	it.each<[unknown, string, 'video' | 'image', string]>([
		['application/octet-stream', 'https://cdn.example.com/download?id=abc.mp4', 'video', 'video/mp4'],
		['application/octet-stream', 'https://cdn.example.com/download?id=abc.mp4', 'image', 'image/png'],
		[undefined, 'https://cdn.example.com/file', 'video', 'video/mp4'],
		[undefined, 'https://cdn.example.com/file', 'image', 'image/png'],
		['application/octet-stream', 'https://cdn.example.com/file.bin', 'video', 'video/mp4'],
		['', 'https://cdn.example.com/file.gif', 'image', 'image/png'],
	])('uses the kind default for %p and %s (%s)', (contentType, url, kind, expected) => {
		expect(mimeTypeOf(contentType, url, kind)).toBe(expected);
	});

	it('reads the extension from the path, not the query string', () => {
		// The query names a .png, the path a .mp4.
		expect(mimeTypeOf(undefined, 'https://cdn.example.com/v.mp4?thumb=poster.png', 'image')).toBe('video/mp4');
	});
});

describe('fileNameOf', () => {
	it('names a single video <taskId>.mp4', () => {
		expect(fileNameOf('task-unified-1757169743-7cvnl5zw', 0, 'video', 'video/mp4')).toBe(
			'task-unified-1757169743-7cvnl5zw.mp4',
		);
	});

	it('uses the MIME type extension for videos', () => {
		expect(fileNameOf('t1', 0, 'video', 'video/quicktime')).toBe('t1.mov');
		expect(fileNameOf('t1', 0, 'video', 'video/webm')).toBe('t1.webm');
	});

	it('numbers later videos', () => {
		expect(fileNameOf('t1', 1, 'video', 'video/mp4')).toBe('t1-1.mp4');
	});

	it('numbers images from 0', () => {
		expect(fileNameOf('task-unified-1756817821-4x3rx6ny', 0, 'image', 'image/png')).toBe(
			'task-unified-1756817821-4x3rx6ny-0.png',
		);
		expect(fileNameOf('task-unified-1756817821-4x3rx6ny', 2, 'image', 'image/png')).toBe(
			'task-unified-1756817821-4x3rx6ny-2.png',
		);
		expect(fileNameOf('t1', 3, 'image', 'image/jpeg')).toBe('t1-3.jpg');
		expect(fileNameOf('t1', 1, 'image', 'image/webp')).toBe('t1-1.webp');
	});

	it('falls back to the kind extension for an unknown MIME type', () => {
		expect(fileNameOf('t1', 0, 'video', 'application/octet-stream')).toBe('t1.mp4');
		expect(fileNameOf('t1', 1, 'image', 'image/gif')).toBe('t1-1.png');
	});

	it('replaces characters unsafe in file names', () => {
		expect(fileNameOf('a/b\\c:d*e?f"g<h>i|j k', 0, 'video', 'video/mp4')).toBe('a_b_c_d_e_f_g_h_i_j_k.mp4');
		expect(fileNameOf('../../etc/passwd', 1, 'image', 'image/png')).toBe('.._.._etc_passwd-1.png');
		expect(fileNameOf('ünï©ode', 0, 'video', 'video/mp4')).toBe('_n__ode.mp4');
		expect(fileNameOf('ok_name-1.2', 0, 'video', 'video/mp4')).toBe('ok_name-1.2.mp4');
	});
});

describe('resultJson', () => {
	const submittedAt = Date.parse('2025-09-06T14:42:23.000Z');
	const completedAt = Date.parse('2025-09-06T14:44:35.250Z');

	const report = (over: Partial<TaskReport> = {}): TaskReport => ({
		handle: { provider: 'evolink', model: 'wan2.5-text-to-image', taskId: 'task-unified-1757169743-7cvnl5zw' },
		state: {
			status: 'succeeded',
			rawStatus: 'completed',
			progress: 100,
			urls: ['https://cdn.example.com/1.png', 'https://cdn.example.com/2.png'],
		},
		submittedAt,
		completedAt,
		...over,
	});

	it('carries provider, model, task, status, this URL and all URLs, times', () => {
		expect(resultJson(report(), 1)).toStrictEqual({
			provider: 'evolink',
			model: 'wan2.5-text-to-image',
			taskId: 'task-unified-1757169743-7cvnl5zw',
			status: 'succeeded',
			url: 'https://cdn.example.com/2.png',
			urls: ['https://cdn.example.com/1.png', 'https://cdn.example.com/2.png'],
			index: 1,
			progress: 100,
			submittedAt: '2025-09-06T14:42:23.000Z',
			completedAt: '2025-09-06T14:44:35.250Z',
			elapsedMs: 132_250,
		});
	});

	it('picks the URL for the index', () => {
		expect(resultJson(report(), 0).url).toBe('https://cdn.example.com/1.png');
		expect(resultJson(report(), 0).index).toBe(0);
	});

	it('reports progress 100 when the provider gives none', () => {
		const json = resultJson(report({ state: { status: 'succeeded', rawStatus: 'completed', urls: ['u'] } }), 0);
		expect(json.progress).toBe(100);
	});

	it('keeps the provider progress when given', () => {
		const json = resultJson(report({ state: { status: 'succeeded', rawStatus: 'completed', progress: 99, urls: ['u'] } }), 0);
		expect(json.progress).toBe(99);
	});

	it('leaves completedAt and elapsedMs undefined while the task is not seen finishing', () => {
		const json = resultJson(report({ completedAt: undefined }), 0);
		expect(json.submittedAt).toBe('2025-09-06T14:42:23.000Z');
		expect(json.completedAt).toBeUndefined();
		expect(json.elapsedMs).toBeUndefined();
	});

	it('adds partialFailures only when there are some', () => {
		expect(resultJson(report(), 0)).not.toHaveProperty('partialFailures');
		const withEmpty = report({ state: { ...report().state, partialFailures: [] } });
		expect(resultJson(withEmpty, 0)).not.toHaveProperty('partialFailures');
		const withSome = report({ state: { ...report().state, partialFailures: ['image 3: content_policy_violation'] } });
		expect(resultJson(withSome, 0).partialFailures).toEqual(['image 3: content_policy_violation']);
	});

	it('carries the usage the provider reported, as the provider names it, and none where it reported none', () => {
		expect(resultJson(report(), 0)).not.toHaveProperty('usage');
		const usage = { billing_rule: 'per_second', credits_reserved: 7.5, user_group: 'default' };
		expect(resultJson(report({ state: { ...report().state, usage } }), 1).usage).toStrictEqual(usage);
	});
});

describe('pendingItem', () => {
	const handle = { provider: 'evolink' as const, model: 'wan2.7-text-to-video', taskId: 'task-unified-1' };
	const running = { status: 'running' as const, rawStatus: 'processing', progress: 40, urls: [] };

	it('is the handle, paired with its item, and the usage the submit reported', () => {
		const usage = { billing_rule: 'per_second', credits_reserved: 7.5, user_group: 'default' };
		expect(pendingItem({ handle, state: { ...running, usage }, submittedAt: 0 }, 2)).toStrictEqual([
			{ json: { provider: 'evolink', model: 'wan2.7-text-to-video', taskId: 'task-unified-1', status: 'running', progress: 40, usage }, pairedItem: { item: 2 } },
		]);
		expect(pendingItem({ handle, state: running, submittedAt: 0 }, 0)[0].json).not.toHaveProperty('usage');
	});
});
