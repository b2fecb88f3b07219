import type { IBinaryKeyData, IExecuteFunctions } from 'n8n-workflow';

import type { BinaryFile, GenerationRequest, MediaRef } from './request';

/** The item's binary fields as media fields can name them: name, file name, MIME type and size in bytes. */
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
			},
		]),
	);
}

/**
 * Each entry from a binary field as a `data:` URI of its bytes, for the providers that take files inline
 * (images within their documented size, checked in validation). Nothing has been sent yet.
 */
export async function inlineFiles(fn: IExecuteFunctions, itemIndex: number, request: GenerationRequest): Promise<GenerationRequest> {
	const media: GenerationRequest['media'] = {};
	for (const [slot, entries] of Object.entries(request.media) as Array<[keyof GenerationRequest['media'], MediaRef[]]>) {
		media[slot] = await Promise.all(
			entries.map(async (entry): Promise<MediaRef> => {
				if (!entry.file) return entry;
				const bytes = await fn.helpers.getBinaryDataBuffer(itemIndex, entry.file.field);
				return { url: `data:${entry.file.mimeType};base64,${bytes.toString('base64')}`, type: entry.type };
			}),
		);
	}
	return { ...request, media };
}

/** Whether any entry still names a file. */
export function hasFiles(request: GenerationRequest): boolean {
	return Object.values(request.media).some((entries) => entries?.some((entry) => entry.file !== undefined));
}
