import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { pathOf, stringAt } from '../../json';
import type { ProviderError } from '../../types';
import { MalformedResponseError, UploadRefusedError, trimBaseUrl, type FileUpload } from '../adapter';

const MEGABYTE = 1024 * 1024;

/** EvoLink's file host is not its API host: https://docs.evolink.ai/en/api-manual/file-series/upload-stream */
export const EVOLINK_FILES_HOST = 'https://files-api.evolink.ai';

export function filesBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	return trimBaseUrl(String(credentials.filesBaseUrl || EVOLINK_FILES_HOST));
}

/** The file host's answers carry `success`, `code` and `msg` (EvoLink's own client reads them so). */
function fileHostError(body: unknown): ProviderError | undefined {
	const message = stringAt(body, 'msg') ?? stringAt(body, 'error', 'message');
	if (!message) return undefined;
	const code = pathOf(body, 'code');
	return { message, code: code === undefined ? undefined : String(code) };
}

/**
 * The stream upload: one multipart file, answered with the file's public `data.file_url` (kept 72 hours).
 * The page lists JPEG, PNG, GIF and WebP images; EvoLink's own media tools (EvoLinkAI/evolink-media-mcp)
 * send video and audio up to 100 MB through the same route. The sizes are Wan 2.7's limits on EvoLink:
 * https://docs.evolink.ai/en/api-manual/video-series/wan2.7/wan2.7-image-to-video
 */
export const evolinkUpload: FileUpload = {
	maxBytes: { image: 20 * MEGABYTE, video: 100 * MEGABYTE, audio: 15 * MEGABYTE },
	mimeTypes: { image: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] },
	async upload(file, requests, { credentials }) {
		const body = await requests.multipart({
			url: `${filesBaseUrl(credentials)}/api/v1/files/upload/stream`,
			fields: [['file_name', file.fileName]],
			withKey: true,
			readError: fileHostError,
		});
		if (pathOf(body, 'success') === false) {
			throw new UploadRefusedError(`EvoLink's file host refused it: ${fileHostError(body)?.message ?? 'no reason given'}`, body);
		}
		const url = stringAt(body, 'data', 'file_url');
		if (!url) throw new MalformedResponseError("EvoLink's file host answered without data.file_url", body);
		return url;
	},
};
