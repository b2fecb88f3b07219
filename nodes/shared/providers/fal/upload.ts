import { stringAt } from '../../json';
import { MalformedResponseError, type FileUpload } from '../adapter';
import { filesBaseUrl } from '../fileHost';

const MEGABYTE = 1024 * 1024;

/** fal's REST host, where its storage is (fal's own client, fal-ai/fal-js libs/client/src/storage.ts). */
export const FAL_STORAGE_HOST = 'https://rest.fal.ai';

/**
 * fal's CDN storage as fal's own clients use it (fal-js `storage.ts`; fal's Python toolkit): ask for an
 * upload (`storage/upload/initiate`, the file's name and type, with the key), PUT the bytes to the signed
 * `upload_url` it answers (no key), then name the file by its `file_url`. Images go inline instead; the
 * sizes are the largest fal's Wan pages take (video 100 MB, audio 15 MB,
 * https://fal.ai/models/fal-ai/wan/v2.7/image-to-video/api).
 */
export const falUpload: FileUpload = {
	maxBytes: { video: 100 * MEGABYTE, audio: 15 * MEGABYTE },
	async upload(file, requests, { credentials }) {
		const initiated = await requests.api({
			method: 'POST',
			url: `${filesBaseUrl(credentials, FAL_STORAGE_HOST)}/storage/upload/initiate`,
			qs: { storage_type: 'fal-cdn-v3' },
			body: { content_type: file.mimeType, file_name: file.fileName },
		});
		const uploadUrl = stringAt(initiated, 'upload_url');
		const fileUrl = stringAt(initiated, 'file_url');
		if (!uploadUrl || !fileUrl) throw new MalformedResponseError("fal's storage answered without upload_url and file_url", initiated);
		await requests.put({ url: uploadUrl, contentType: file.mimeType });
		return fileUrl;
	},
};
