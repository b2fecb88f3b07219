import type { ImageSize } from './types';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
const i32le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);

/** JPEG: the first start-of-frame marker (SOF0–SOF15, not DHT/JPG/DAC) holds height then width. */
function jpegSize(bytes: Uint8Array): ImageSize | undefined {
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff) return undefined;
		const marker = bytes[at + 1];
		if (marker === 0xff) {
			at += 1;
			continue;
		}
		const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isFrame) return { height: u16be(bytes, at + 5), width: u16be(bytes, at + 7) };
		at += 2 + u16be(bytes, at + 2);
	}
	return undefined;
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X) chunk. */
function webpSize(bytes: Uint8Array): ImageSize | undefined {
	const chunk = ascii(bytes, 12, 4);
	if (chunk === 'VP8 ') return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
	if (chunk === 'VP8L') {
		const bits = bytes[21] | (bytes[22] << 8) | (bytes[23] << 16) | (bytes[24] << 24);
		return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
	}
	if (chunk === 'VP8X') return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
	return undefined;
}

/**
 * The pixel size an image file's header states, for the formats Wan takes (PNG, JPEG, WebP, BMP) and
 * GIF; `undefined` when the bytes are none of them or too short to say.
 */
export function imageDimensions(bytes: Uint8Array): ImageSize | undefined {
	if (bytes.length >= 24 && startsWith(bytes, PNG)) return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
	if (bytes.length >= 4 && startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegSize(bytes);
	if (bytes.length >= 30 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return webpSize(bytes);
	if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') return { width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) };
	if (bytes.length >= 10 && ascii(bytes, 0, 4) === 'GIF8') return { width: u16le(bytes, 6), height: u16le(bytes, 8) };
	return undefined;
}
