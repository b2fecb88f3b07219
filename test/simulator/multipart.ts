/**
 * A streaming `multipart/form-data` reader for the simulator's file hosts: text parts are kept, file
 * parts are only hashed and counted as they arrive, so a 256 MiB upload never sits in memory.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface ReceivedPart {
	name: string;
	/** Text parts: the value. */
	value?: string;
	/** File parts. */
	file?: { fileName: string; contentType?: string; bytes: number; sha256: string };
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

function header(headers: string, name: string): string | undefined {
	return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim();
}

/** The boundary of a multipart Content-Type, or undefined when the request is not multipart. */
export function boundaryOf(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
	return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

/** Reads every part in order; rejects on a body that is not well-formed multipart. */
export async function readMultipart(req: IncomingMessage, boundary: string): Promise<ReceivedPart[]> {
	const delimiter = Buffer.from(`\r\n--${boundary}`);
	const parts: ReceivedPart[] = [];
	// The preamble ends at the first boundary, which has no CRLF before it: pretend one came.
	let pending: Buffer = Buffer.from(CRLF);
	let current: { name: string; fileName?: string; contentType?: string; text: Buffer[]; hash?: ReturnType<typeof createHash>; bytes: number } | undefined;
	let state: 'preamble' | 'headers' | 'body' | 'done' = 'preamble';

	const closePart = () => {
		if (!current) return;
		parts.push(
			current.hash
				? { name: current.name, file: { fileName: current.fileName ?? '', contentType: current.contentType, bytes: current.bytes, sha256: current.hash.digest('hex') } }
				: { name: current.name, value: Buffer.concat(current.text).toString('utf8') },
		);
		current = undefined;
	};
	const take = (data: Buffer) => {
		if (!current) return;
		current.bytes += data.length;
		if (current.hash) current.hash.update(data);
		else current.text.push(data);
	};

	for await (const chunk of req as AsyncIterable<Buffer>) {
		pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
		for (;;) {
			if (state === 'done') break;
			if (state === 'headers') {
				const end = pending.indexOf(HEADER_END);
				if (end < 0) break;
				const headers = pending.subarray(0, end).toString('utf8');
				pending = pending.subarray(end + HEADER_END.length);
				const disposition = header(headers, 'Content-Disposition') ?? '';
				const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
				if (name === undefined) throw new Error('multipart part without a name');
				const fileName = /\bfilename="([^"]*)"/.exec(disposition)?.[1];
				current = { name, fileName, contentType: header(headers, 'Content-Type'), text: [], bytes: 0 };
				if (fileName !== undefined) current.hash = createHash('sha256');
				state = 'body';
				continue;
			}
			const at = pending.indexOf(delimiter);
			if (at < 0) {
				// Keep what could be the start of a delimiter split across chunks.
				const keep = Math.min(pending.length, delimiter.length - 1);
				if (state === 'body') take(pending.subarray(0, pending.length - keep));
				pending = Buffer.from(pending.subarray(pending.length - keep));
				break;
			}
			if (state === 'body') take(pending.subarray(0, at));
			closePart();
			const after = pending.subarray(at + delimiter.length);
			if (after.length < 2) break;
			if (after.subarray(0, 2).toString() === '--') {
				state = 'done';
				break;
			}
			if (!after.subarray(0, 2).equals(CRLF)) throw new Error('malformed multipart boundary line');
			pending = after.subarray(2);
			state = 'headers';
		}
	}
	if (state !== 'done') throw new Error('multipart body ended before its closing boundary');
	return parts;
}
