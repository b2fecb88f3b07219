/**
 * A mixed reference list whose links do not say what they hold (signed links without a file extension):
 * the node asks each host with a one-byte GET before the paid submit, sends images and videos where the
 * provider takes each, and refuses an entry no host can tell, with zero provider requests.
 *
 * The media host is a local server under a public-looking name: `media.wan-test.example` resolves to
 * loopback for this file only, since a provider (and so the node) refuses private addresses.
 */
import dns from 'node:dns';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Simulator } from '../simulator';
import { NODE_NAME, providerSuite } from './support';

const MEDIA_HOST = 'media.wan-test.example';
const CONTENT_TYPES: Record<string, string> = {
	'/o/still': 'image/png',
	'/o/clip': 'video/mp4',
	'/o/blob': 'application/octet-stream',
};

let sim: Simulator;
const { run, submitted } = providerSuite('evolink', (started) => (sim = started));

const asked: Array<{ path: string; range: string | undefined }> = [];
let mediaServer: http.Server;
let base: string;
const realLookup = dns.lookup;

beforeAll(async () => {
	mediaServer = http.createServer((request, response) => {
		asked.push({ path: request.url ?? '', range: request.headers.range });
		const contentType = CONTENT_TYPES[request.url ?? ''];
		response.writeHead(contentType ? 206 : 404, contentType ? { 'content-type': contentType } : {});
		response.end(contentType ? 'x' : undefined);
	});
	await new Promise<void>((resolve) => mediaServer.listen(0, '127.0.0.1', resolve));
	base = `http://${MEDIA_HOST}:${(mediaServer.address() as AddressInfo).port}`;
	dns.lookup = ((hostname: string, options: unknown, callback: unknown) => {
		const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
		const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
		if (hostname !== MEDIA_HOST) return (realLookup as (...args: unknown[]) => void)(hostname, options, callback);
		return all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4);
	}) as typeof dns.lookup;
});

afterAll(async () => {
	dns.lookup = realLookup;
	await new Promise((resolve) => mediaServer.close(resolve));
});

beforeEach(() => {
	asked.length = 0;
});

const referenceRun = (referenceUrls: string) =>
	run('video', {
		mode: 'referenceToVideo',
		model: 'wan2.7',
		prompt: 'Image 1 walks into Video 1',
		referenceUrls,
		resolution: '720p',
		aspectRatio: '16:9',
		duration: 5,
	});

describe('references whose links do not say what they hold', () => {
	it('are typed by their hosts, then sent as images and videos', async () => {
		const result = await referenceRun(`${base}/o/still\n${base}/o/clip`);
		expect(result.status).toBe('success');
		expect(asked).toEqual([
			{ path: '/o/still', range: 'bytes=0-0' },
			{ path: '/o/clip', range: 'bytes=0-0' },
		]);
		expect(submitted().body).toMatchObject({ image_urls: [`${base}/o/still`], video_urls: [`${base}/o/clip`] });
		expect(result.output(NODE_NAME)).toHaveLength(1);
	});

	it('leave links that name their type unasked', async () => {
		const result = await referenceRun(`https://cdn.example.com/a.png, ${base}/o/clip`);
		expect(result.status).toBe('success');
		expect(asked).toEqual([{ path: '/o/clip', range: 'bytes=0-0' }]);
		expect(submitted().body).toMatchObject({ image_urls: ['https://cdn.example.com/a.png'], video_urls: [`${base}/o/clip`] });
	});

	it('are refused before any provider request when no host can tell', async () => {
		const result = await referenceRun(`${base}/o/clip, ${base}/o/blob, ${base}/o/gone`);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`This item has 2 problems. Invalid Reference URLs: "${base}/o/blob". Its URL has no file extension and its host did not say whether it is image or video (Content-Type). Use a link ending in the file type (e.g. .png, .mp4). Invalid Reference URLs: "${base}/o/gone". Its URL has no file extension and its host did not say whether it is image or video (Content-Type). Use a link ending in the file type (e.g. .png, .mp4).`,
		);
		expect(sim.requests).toHaveLength(0);
	});
});
