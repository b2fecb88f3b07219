/**
 * What the node reads from a file before sending it: the pixel size in an image's header, the file's
 * format among those Wan takes, and each file read from n8n's store once.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { itemFileReader } from '../../nodes/shared/binaryMedia';
import { wanFormatNames, wanFormatOf } from '../../nodes/shared/fileFormats';
import { imageDimensions } from '../../nodes/shared/imageDimensions';
import { PNG_SIZE, pngBytes } from '../simulator';

const u16le = (n: number) => [n & 0xff, n >> 8];
const u24le = (n: number) => [n & 0xff, (n >> 8) & 0xff, n >> 16];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const bytes = (...parts: number[][]) => Uint8Array.from(parts.flat());
const riff = (chunk: string, payload: number[]) => bytes(ascii('RIFF'), u32le(payload.length + 12), ascii('WEBP'), ascii(chunk), u32le(payload.length), payload);

/** A JPEG's head: SOI, an APP0 segment of 16 bytes, a DHT marker segment, then SOF2 (progressive). */
const jpeg = (width: number, height: number) =>
	bytes(
		[0xff, 0xd8],
		[0xff, 0xe0, 0x00, 0x10, ...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
		[0xff, 0xc4, 0x00, 0x04, 0x00, 0x00],
		[0xff, 0xc2, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03],
		[0, 0, 0, 0, 0, 0, 0, 0, 0],
	);

describe('imageDimensions', () => {
	it.each<[string, Uint8Array, { width: number; height: number } | undefined]>([
		['a PNG (IHDR)', pngBytes(0), { width: PNG_SIZE, height: PNG_SIZE }],
		['a JPEG, past its APP0 and DHT segments to the first frame header', jpeg(1920, 1080), { width: 1920, height: 1080 }],
		['a lossy WebP (VP8)', riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(640), ...u16le(480), 0, 0]), { width: 640, height: 480 }],
		['a lossless WebP (VP8L)', riff('VP8L', [0x2f, ...u32le((800 - 1) | ((600 - 1) << 14)), 0, 0, 0, 0, 0, 0]), { width: 800, height: 600 }],
		['an extended WebP (VP8X)', riff('VP8X', [0, 0, 0, 0, ...u24le(4000 - 1), ...u24le(3000 - 1), 0, 0]), { width: 4000, height: 3000 }],
		['a BMP, bottom-up or top-down', bytes(ascii('BM'), new Array(16).fill(0), u32le(300), u32le(-200 >>> 0), [0, 0, 0, 0]), { width: 300, height: 200 }],
		['a GIF', bytes(ascii('GIF89a'), u16le(500), u16le(250), [0, 0, 0, 0, 0, 0]), { width: 500, height: 250 }],
		['text', bytes(ascii('hello, this is not an image at all')), undefined],
		['a PNG cut short', pngBytes(0).subarray(0, 20), undefined],
		['a JPEG without a frame header', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0, 0xff, 0xd9, 0, 0]), undefined],
	])('reads %s', (_case, file, size) => {
		expect(imageDimensions(file)).toEqual(size);
	});
});

describe('wanFormatOf', () => {
	const file = (mimeType: string, fileName: string) => ({ field: 'data', fileName, mimeType, bytes: 1 });

	it.each<[string, ReturnType<typeof file>, 'image' | 'video' | 'audio', string | undefined]>([
		['a PNG by its MIME type', file('image/png', 'x'), 'image', 'image/png'],
		['an old JPEG MIME name', file('image/jpg', 'cat'), 'image', 'image/jpeg'],
		['a generic MIME type, by the file name', file('application/octet-stream', 'Cat.JPG'), 'image', 'image/jpeg'],
		['a MOV', file('video/quicktime', 'clip.mov'), 'video', 'video/quicktime'],
		['MP3 under its other name', file('audio/mp3', 'voice'), 'audio', 'audio/mpeg'],
		['WAV with parameters', file('audio/x-wav; codecs=1', 'voice'), 'audio', 'audio/wav'],
		['a GIF, which Wan does not take', file('image/gif', 'anim.gif'), 'image', undefined],
		['a WebM video', file('video/webm', 'clip.webm'), 'video', undefined],
	])('knows %s', (_case, given, type, format) => {
		expect(wanFormatOf(given, type)).toBe(format);
	});

	it('names the formats as users know them, all or those a route takes', () => {
		expect(wanFormatNames('image')).toBe('JPEG, PNG, BMP or WebP');
		expect(wanFormatNames('image', ['image/jpeg', 'image/png', 'image/gif', 'image/webp'])).toBe('JPEG, PNG or WebP');
		expect(wanFormatNames('audio')).toBe('MP3 or WAV');
	});
});

describe('itemFileReader', () => {
	it("reads each of an item's binary fields from n8n once, however often the pixel check and the data URI ask", async () => {
		const reads: Array<[number, string]> = [];
		const fn = {
			helpers: {
				getBinaryDataBuffer: async (itemIndex: number, field: string) => {
					reads.push([itemIndex, field]);
					return Buffer.from(field);
				},
			},
		} as unknown as IExecuteFunctions;
		const readFile = itemFileReader(fn, 3);
		const [first, again, other] = await Promise.all([readFile('photo'), readFile('photo'), readFile('logo')]);
		expect(first.toString()).toBe('photo');
		expect(again).toBe(first);
		expect(other.toString()).toBe('logo');
		expect(reads).toEqual([
			[3, 'photo'],
			[3, 'logo'],
		]);
	});
});
