import type { IBinaryKeyData, ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WanError, uploadFailed } from './errors';
import { MODES } from './modes';
import type { StreamedFilePart } from './multipartForm';
import { MalformedResponseError, UploadRefusedError, sentInline } from './providers/adapter';
import type { BinaryFile, GenerationRequest, MediaRef } from './request';
import type { MediaType } from './types';
import { uploadRequests, type UploadContext, type UploadSource } from './uploadRequests';

/** n8n's own chunk size for streams from its binary store. */
const STREAM_CHUNK_BYTES = 256 * 1024;

/** The item's binary fields as media fields can name them: name, file name, MIME type, size in bytes, store id. */
export function binaryFieldsOf(binary: IBinaryKeyData | undefined): Record<string, BinaryFile> {
	return Object.fromEntries(
		Object.entries(binary ?? {}).map(([field, data]) => [
			field,
			{
				field,
				fileName: data.fileName ?? field,
				mimeType: data.mimeType,
				// Stored files carry their size; an inline one is base64 (4 characters per 3 bytes, less padding).
				bytes: data.bytes ?? Math.floor((data.data.length * 3) / 4) - (data.data.match(/=*$/)?.[0].length ?? 0),
				...(data.id ? { id: data.id } : {}),
			},
		]),
	);
}

/** An item's binary field, whole (`itemFileReader`). */
export type ReadFile = (field: string) => Promise<Buffer>;

/**
 * Reads each binary field of one item at most once: the pixel check and the data URI of an inline
 * image share its bytes.
 */
export function itemFileReader(fn: UploadContext['fn'], itemIndex: number): ReadFile {
	const read = new Map<string, Promise<Buffer>>();
	return async (field) => {
		const bytes = read.get(field) ?? fn.helpers.getBinaryDataBuffer(itemIndex, field);
		read.set(field, bytes);
		return await bytes;
	};
}

export interface FileContext extends UploadContext {
	readFile: ReadFile;
	credentials: ICredentialDataDecryptedObject;
}

/** The file's bytes, to stream: from n8n's store when it is there, else from the item. */
async function uploadSource(ctx: FileContext, file: BinaryFile): Promise<UploadSource> {
	const { helpers } = ctx.fn;
	const part = (size: number, stream: () => AsyncIterable<Uint8Array>): StreamedFilePart => ({
		name: file.fileName,
		type: file.mimeType,
		size,
		stream,
	});
	if (file.id) {
		const { id } = file;
		// The store's own byte count is exact; the request's Content-Length is computed from it.
		const { fileSize } = await helpers.getBinaryMetadata(id);
		const open = async () => await helpers.getBinaryStream(id, STREAM_CHUNK_BYTES);
		return {
			bytes: fileSize,
			part: async () => {
				const stream = await open();
				return part(fileSize, () => stream);
			},
			// n8n's client sends a stream body as it reads it (its types know only plain values).
			body: async () => (await open()) as unknown as Buffer,
		};
	}
	const bytes = await ctx.readFile(file.field);
	return {
		bytes: bytes.length,
		part: async () =>
			part(bytes.length, async function* () {
				yield bytes;
			}),
		body: async () => bytes,
	};
}

/** Puts the file at the provider through its upload route, and returns what the submit names it by. */
async function uploaded(ctx: FileContext, request: GenerationRequest, file: BinaryFile, type: MediaType, what: string): Promise<string> {
	const { adapter } = ctx;
	const upload = adapter.binaryInput?.upload;
	// Validation admits a file only where the provider takes it inline or uploads it.
	if (!upload) throw new Error(`${adapter.displayName} has no upload route for ${what}`);
	let failure: unknown;
	try {
		const source = await uploadSource(ctx, file);
		return await upload.upload(
			{ fileName: file.fileName, mimeType: file.mimeType, bytes: source.bytes, type },
			uploadRequests(ctx, source),
			{ credentials: ctx.credentials, modelId: request.modelId },
		);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof MalformedResponseError || failure instanceof UploadRefusedError || (failure instanceof WanError && failure.kind !== 'canceled')) {
		throw uploadFailed(what, adapter.displayName, failure);
	}
	throw failure;
}

/** One entry from a binary field, in the form the provider takes it: inline where it can, else uploaded. */
async function fileUrl(ctx: FileContext, request: GenerationRequest, entry: MediaRef & { file: BinaryFile }, label: string): Promise<string> {
	const { file } = entry;
	const type = entry.type ?? 'image';
	if (sentInline(ctx.adapter.binaryInput, type, file.bytes)) {
		const bytes = await ctx.readFile(file.field);
		return `data:${file.mimeType};base64,${bytes.toString('base64')}`;
	}
	return await uploaded(ctx, request, file, type, `${label} (binary field "${file.field}", ${file.fileName})`);
}

/**
 * Every entry from a binary field in the form the provider takes it, one file after another. Nothing has
 * been submitted yet: a file that cannot be uploaded fails the item before its paid submit.
 */
export async function materializeFiles(ctx: FileContext, request: GenerationRequest): Promise<GenerationRequest> {
	const media: GenerationRequest['media'] = {};
	for (const [slot, entries] of Object.entries(request.media) as Array<[keyof GenerationRequest['media'], MediaRef[]]>) {
		const label = MODES[request.mode].slots.find((spec) => spec.slot === slot)?.label ?? slot;
		const ready: MediaRef[] = [];
		for (const entry of entries) {
			ready.push(entry.file ? { url: await fileUrl(ctx, request, { ...entry, file: entry.file }, label), type: entry.type } : entry);
		}
		media[slot] = ready;
	}
	return { ...request, media };
}

/** Whether any entry still names a file. */
export function hasFiles(request: GenerationRequest): boolean {
	return Object.values(request.media).some((entries) => entries?.some((entry) => entry.file !== undefined));
}
