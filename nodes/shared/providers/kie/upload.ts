import type { FileUpload } from '../adapter';
import { filesBaseUrl, uniqueFileName, uploadToFileHost } from '../fileHost';

const MEGABYTE = 1024 * 1024;

/** Kie.ai's file host is not its API host: https://docs.kie.ai/file-upload-api/quickstart */
export const KIE_FILES_HOST = 'https://kieai.redpandaai.co';

/**
 * The stream upload (https://docs.kie.ai/file-upload-api/upload-file-stream): the file with an upload
 * folder and a name of its own (the host replaces a file of the same name), answered with `data.downloadUrl` (files are deleted after 3 days). The sizes are
 * the largest Kie's Wan pages allow (Wan 2.7 and 3.0: images 20 MB, video 100 MB, audio 15 MB,
 * https://docs.kie.ai/market/wan/3-0-video).
 */
export const kieUpload: FileUpload = {
	maxBytes: { image: 20 * MEGABYTE, video: 100 * MEGABYTE, audio: 15 * MEGABYTE },
	upload: async (file, requests, { credentials }) =>
		await uploadToFileHost(requests, {
			providerName: 'Kie.ai',
			url: `${filesBaseUrl(credentials, KIE_FILES_HOST)}/api/file-stream-upload`,
			fields: [
				['uploadPath', 'n8n-nodes-wan'],
				['fileName', uniqueFileName(file)],
			],
			urlField: 'downloadUrl',
		}),
};
