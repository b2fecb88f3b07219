/** Result media the simulator serves: the MP4 fixture, generated PNGs, and padded streams of any size. */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const MP4_FIXTURE_PATH = join(__dirname, '..', 'fixtures', 'tiny.mp4');

let mp4Cache: Buffer | undefined;

/** The bytes of test/fixtures/tiny.mp4 (a valid 1 s 64×64 H.264 MP4); a fresh copy on each call. */
export function mp4Bytes(): Buffer {
	if (!mp4Cache) mp4Cache = readFileSync(MP4_FIXTURE_PATH);
	return Buffer.from(mp4Cache);
}

const CRC_TABLE: Uint32Array = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

export function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

export const PNG_SIZE = 400;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The fill colour of image `index`: different for each index below 256. */
export function pngColour(index: number): [number, number, number] {
	return [(40 + index * 73) & 0xff, (90 + index * 151) & 0xff, (160 + index * 199) & 0xff];
}

/**
 * A valid 400×400 RGB PNG (as large as every Wan model takes an input image), deterministic per index:
 * filled with `pngColour(index)`, the first pixel holding the index itself (24 bits), so any two indexes
 * give different bytes.
 */
export function pngBytes(index: number): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(PNG_SIZE, 0);
	ihdr.writeUInt32BE(PNG_SIZE, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // colour type RGB
	ihdr[10] = 0; // compression
	ihdr[11] = 0; // filter
	ihdr[12] = 0; // interlace
	const [r, g, b] = pngColour(index);
	const rowLength = 1 + PNG_SIZE * 3;
	const raw = Buffer.alloc(rowLength * PNG_SIZE);
	for (let y = 0; y < PNG_SIZE; y++) {
		raw[y * rowLength] = 0; // filter: none
		for (let x = 0; x < PNG_SIZE; x++) {
			const at = y * rowLength + 1 + x * 3;
			raw[at] = r;
			raw[at + 1] = g;
			raw[at + 2] = b;
		}
	}
	raw[1] = (index >>> 16) & 0xff;
	raw[2] = (index >>> 8) & 0xff;
	raw[3] = index & 0xff;
	return Buffer.concat([
		PNG_SIGNATURE,
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

export const PAD_CHUNK_BYTES = 1024 * 1024;
let zeroChunk: Buffer | undefined;

/**
 * Writes `head` followed by zeros up to `totalBytes` (or `head` cut to `totalBytes`), 1 MiB at a time,
 * waiting for 'drain' so memory stays flat; stops early if the client goes away. Headers must be set.
 */
export async function writePadded(res: ServerResponse, head: Buffer, totalBytes: number): Promise<void> {
	const first = head.length > totalBytes ? head.subarray(0, totalBytes) : head;
	let closed = false;
	res.once('close', () => {
		closed = true;
	});
	const write = async (data: Buffer): Promise<void> => {
		if (res.write(data)) return;
		await new Promise<void>((resolve) => {
			const done = (): void => {
				res.off('drain', done);
				res.off('close', done);
				resolve();
			};
			res.on('drain', done);
			res.on('close', done);
		});
	};
	if (first.length > 0) await write(first);
	let remaining = totalBytes - first.length;
	if (!zeroChunk) zeroChunk = Buffer.alloc(PAD_CHUNK_BYTES);
	while (remaining > 0 && !closed) {
		const n = Math.min(remaining, PAD_CHUNK_BYTES);
		await write(n === PAD_CHUNK_BYTES ? zeroChunk : zeroChunk.subarray(0, n));
		remaining -= n;
	}
	if (!closed) res.end();
}
