import { stringAt } from '../../json';
import type { ProviderError } from '../../types';
import { MalformedResponseError, type FileUpload } from '../adapter';
import { uniqueFileName } from '../fileHost';
import { alibabaBaseUrl } from './regions';

const MEGABYTE = 1024 * 1024;

/** What a getPolicy answer must hold for an OSS form upload (field names as Alibaba's own SDK reads them). */
const POLICY_FIELDS = ['policy', 'signature', 'upload_dir', 'upload_host', 'oss_access_key_id', 'x_oss_object_acl', 'x_oss_forbid_overwrite'] as const;

type UploadPolicy = Record<(typeof POLICY_FIELDS)[number], string>;

function readPolicy(body: unknown): UploadPolicy {
	const policy = {} as UploadPolicy;
	for (const field of POLICY_FIELDS) {
		const value = stringAt(body, 'data', field);
		if (value === undefined) throw new MalformedResponseError(`DashScope's upload policy has no data.${field}`, body);
		policy[field] = value;
	}
	return policy;
}

/** OSS answers errors as XML: `<Code>` and `<Message>`. */
function ossError(body: unknown): ProviderError | undefined {
	if (typeof body !== 'string') return undefined;
	const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
	const message = tag('Message');
	return message ? { message, code: tag('Code') } : undefined;
}

/**
 * DashScope's temporary storage (https://www.alibabacloud.com/help/en/model-studio/get-temporary-file-url):
 * a policy for the model the file is for, an OSS form upload with the file last, and `oss://{key}`, which the
 * submit then sends with `X-DashScope-OssResourceResolve: enable`. China (Beijing) only (checked in preflight);
 * files last 48 hours. The sizes are Wan 2.7's: video up to 100 MB, audio up to 15 MB
 * (https://www.alibabacloud.com/help/en/model-studio/wan-image-to-video-guide). Images go inline instead.
 */
export const dashScopeUpload: FileUpload = {
	maxBytes: { video: 100 * MEGABYTE, audio: 15 * MEGABYTE },
	async upload(file, requests, { credentials, modelId }) {
		const policy = readPolicy(
			await requests.api({ method: 'GET', url: `${alibabaBaseUrl(credentials)}/api/v1/uploads`, qs: { action: 'getPolicy', model: modelId } }),
		);
		const key = `${policy.upload_dir}/${uniqueFileName(file)}`;
		await requests.multipart({
			url: policy.upload_host,
			// The order of Alibaba's own SDK; OSS reads no field after the file.
			fields: [
				['OSSAccessKeyId', policy.oss_access_key_id],
				['Signature', policy.signature],
				['policy', policy.policy],
				['key', key],
				['x-oss-object-acl', policy.x_oss_object_acl],
				['x-oss-forbid-overwrite', policy.x_oss_forbid_overwrite],
				['success_action_status', '200'],
				['x-oss-content-type', file.mimeType],
			],
			withKey: false,
			readError: ossError,
		});
		return `oss://${key}`;
	},
};
