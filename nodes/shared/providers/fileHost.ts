import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { pathOf, stringAt } from '../json';
import type { ProviderError } from '../types';
import { MalformedResponseError, UploadRefusedError, trimBaseUrl, type UploadFile, type UploadRequests } from './adapter';

/**
 * A provider's file host apart from its API host (EvoLink's, Kie.ai's), at the credential's Files Base URL
 * (`filesBaseUrlProperty` in credentials/apiKeyCredential.ts), else its public host. The hosts share one
 * upload: a multipart file, answered `{success, code, msg, data}` with the file's public link in `data`.
 */
export function filesBaseUrl(credentials: ICredentialDataDecryptedObject, publicHost: string): string {
	return trimBaseUrl(String(credentials.filesBaseUrl || publicHost));
}

/**
 * A name for the uploaded file that no other upload has: file hosts keep one file per name (a second
 * `data.png` would replace the first, under another item's task). The file's own name stays readable.
 */
export function uniqueFileName(file: UploadFile): string {
	const safe = file.fileName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-100) || 'file';
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${safe}`;
}

/** The host's own words about a failed upload: `msg` and `code`. */
export function fileHostError(body: unknown): ProviderError | undefined {
	const message = stringAt(body, 'msg') ?? stringAt(body, 'error', 'message');
	if (!message) return undefined;
	const code = pathOf(body, 'code');
	return { message, code: code === undefined ? undefined : String(code) };
}

/** Posts the file with `fields` before it and returns the link at `data.{urlField}` of the answer. */
export async function uploadToFileHost(
	requests: UploadRequests,
	host: { providerName: string; url: string; fields: ReadonlyArray<[string, string]>; urlField: string },
): Promise<string> {
	const body = await requests.multipart({ url: host.url, fields: host.fields, withKey: true, readError: fileHostError });
	if (pathOf(body, 'success') === false) {
		throw new UploadRefusedError(`${host.providerName}'s file host refused it: ${fileHostError(body)?.message ?? 'no reason given'}`, body);
	}
	const url = stringAt(body, 'data', host.urlField);
	if (!url) throw new MalformedResponseError(`${host.providerName}'s file host answered without data.${host.urlField}`, body);
	return url;
}
