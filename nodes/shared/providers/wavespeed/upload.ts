import { stringAt } from '../../json';
import { MalformedResponseError, type FileUpload } from '../adapter';
import { envelopeData, waveSpeedBaseUrl } from './api';

const MEGABYTE = 1024 * 1024;

/**
 * WaveSpeed's media upload on its API host (https://wavespeed.ai/docs/docs-common-api/media-upload): one
 * multipart `file`, answered with `data.download_url` to use in a request. Its formats cover all of Wan's.
 * The sizes are the only ones WaveSpeed printed per type, on the older copy of its upload guide
 * (https://wavespeed.ai/docs/upload-files: images 20 MB, videos 100 MB, audio 50 MB, kept 7 days); the
 * current page only advises links above 300 MB.
 */
export const waveSpeedUpload: FileUpload = {
	maxBytes: { image: 20 * MEGABYTE, video: 100 * MEGABYTE, audio: 50 * MEGABYTE },
	async upload(_file, requests, { credentials }) {
		const body = await requests.multipart({ url: `${waveSpeedBaseUrl(credentials)}/api/v3/media/upload/binary`, fields: [], withKey: true });
		const url = stringAt(envelopeData(body, 'upload answer'), 'download_url');
		if (!url) throw new MalformedResponseError('WaveSpeed upload answer has no data.download_url', body);
		return url;
	},
};
