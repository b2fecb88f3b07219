import type { FileUpload } from '../adapter';
import { filesBaseUrl, uniqueFileName, uploadToFileHost } from '../fileHost';

const MEGABYTE = 1024 * 1024;

/** EvoLink's file host is not its API host: https://docs.evolink.ai/en/api-manual/file-series/upload-stream */
export const EVOLINK_FILES_HOST = 'https://files-api.evolink.ai';

/**
 * The stream upload: one multipart file, answered with the file's public `data.file_url` (kept 72 hours).
 * The page lists JPEG, PNG, GIF and WebP images; EvoLink's own media tools (EvoLinkAI/evolink-media-mcp)
 * send video and audio up to 100 MB through the same route. The sizes are Wan 2.7's limits on EvoLink:
 * https://docs.evolink.ai/en/api-manual/video-series/wan2.7/wan2.7-image-to-video
 */
export const evolinkUpload: FileUpload = {
	maxBytes: { image: 20 * MEGABYTE, video: 100 * MEGABYTE, audio: 15 * MEGABYTE },
	mimeTypes: { image: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] },
	upload: async (file, requests, { credentials }) =>
		await uploadToFileHost(requests, {
			providerName: 'EvoLink',
			url: `${filesBaseUrl(credentials, EVOLINK_FILES_HOST)}/api/v1/files/upload/stream`,
			fields: [['file_name', uniqueFileName(file)]],
			urlField: 'file_url',
		}),
};
