/**
 * The file hosts the node uploads to: EvoLink's and Kie.ai's file APIs (hosts of their own, mounted at
 * `/evolink-files` and `/kie-files`), the OSS bucket a DashScope upload policy points at (`/oss`) and
 * WaveSpeed's media upload (on its API host).
 * Uploads are read as a stream (test/simulator/multipart.ts): the simulator keeps each file's hash and
 * size, never its bytes.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { documented } from '../fixtures/documented';
import { boundaryOf, readMultipart, type ReceivedPart } from './multipart';
import type { SimProviderId, SimResponse } from './types';

/** One file received by a file host. */
export interface UploadedFile {
	provider: SimProviderId;
	/** What the node is told to name the file by: EvoLink's `file_url`, or `oss://{key}`. */
	url: string;
	/** The text fields, in the order they came (all before the file). */
	fields: Array<[string, string]>;
	fileName: string;
	contentType?: string;
	bytes: number;
	sha256: string;
}


/** The policy a simulated getPolicy hands out: its fields must come back with the upload, the key under its directory. */
export function uploadPolicy(origin: string): Record<string, unknown> {
	const { data } = documented<{ data: Record<string, unknown> }>('alibaba', 'upload-policy');
	return { ...data, upload_host: `${origin}/oss` };
}

function textFields(parts: ReceivedPart[]): Array<[string, string]> {
	return parts.flatMap((part) => (part.value === undefined ? [] : [[part.name, part.value] as [string, string]]));
}

const ossError = (status: number, code: string, message: string): SimResponse => ({
	status,
	body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n</Error>\n`,
	headers: { 'Content-Type': 'application/xml' },
});

/** OSS PostObject as a DashScope upload uses it: the policy's fields, a key under its directory, the file last. */
function ossUpload(parts: ReceivedPart[], stored: UploadedFile[]): { response: SimResponse; file?: UploadedFile } {
	const fields = new Map(textFields(parts));
	const policy = documented<{ data: Record<string, string> }>('alibaba', 'upload-policy').data;
	const last = parts[parts.length - 1];
	if (!last?.file || last.name !== 'file') {
		return { response: ossError(400, 'MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.') };
	}
	if (fields.get('OSSAccessKeyId') !== policy.oss_access_key_id || fields.get('Signature') !== policy.signature || fields.get('policy') !== policy.policy) {
		return { response: ossError(403, 'AccessDenied', 'The request signature we calculated does not match the signature you provided.') };
	}
	const key = fields.get('key') ?? '';
	if (!key.startsWith(`${policy.upload_dir}/`) || key.endsWith('/')) {
		return { response: ossError(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", upload_dir]') };
	}
	if (fields.get('success_action_status') !== '200' || !fields.get('x-oss-content-type')) {
		return { response: ossError(400, 'InvalidArgument', 'success_action_status and x-oss-content-type are required.') };
	}
	const url = `oss://${key}`;
	if (fields.get('x-oss-forbid-overwrite') === 'true' && stored.some((file) => file.url === url)) {
		return { response: ossError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.') };
	}
	const file: UploadedFile = { provider: 'alibaba', url, fields: textFields(parts), fileName: last.file.fileName, contentType: fields.get('x-oss-content-type'), bytes: last.file.bytes, sha256: last.file.sha256 };
	return { response: { status: 200 }, file };
}

/**
 * A file host answering `{success, code, msg, data}` (EvoLink's, Kie.ai's): one `file` part, its name in the
 * `nameField` part, answered with the provider's documented body for this file, its link at `data.{urlField}`.
 */
function successEnvelopeHost(provider: SimProviderId, nameField: string, urlField: string) {
	return (parts: ReceivedPart[], origin: string): { response: SimResponse; file?: UploadedFile } => {
		const part = parts.find((candidate) => candidate.name === 'file' && candidate.file);
		if (!part?.file) return { response: { status: 400, body: { success: false, code: 400, msg: 'file is required' } } };
		const fields = textFields(parts);
		const name = new Map(fields).get(nameField) ?? part.file.fileName;
		const url = `${origin}/uploaded/${randomUUID()}/${encodeURIComponent(name)}`;
		const answer = documented<{ data: Record<string, unknown> }>(provider, 'upload-response');
		const file: UploadedFile = { provider, url, fields, fileName: part.file.fileName, contentType: part.file.contentType, bytes: part.file.bytes, sha256: part.file.sha256 };
		return { response: { status: 200, body: { ...answer, data: { ...answer.data, [urlField]: url } } }, file };
	};
}

/** WaveSpeed's media upload: one `file` part, answered with the documented envelope for this file. */
function waveSpeedUpload(parts: ReceivedPart[], origin: string): { response: SimResponse; file?: UploadedFile } {
	const part = parts.find((candidate) => candidate.name === 'file' && candidate.file);
	if (!part?.file) return { response: { status: 400, body: { code: 400, message: 'Invalid file or format not supported', data: null } } };
	const url = `${origin}/uploaded/${randomUUID()}/${encodeURIComponent(part.file.fileName)}`;
	const answer = documented<{ data: Record<string, unknown> }>('wavespeed', 'upload-response');
	const type = part.file.contentType?.split('/')[0] ?? 'image';
	const data = { ...answer.data, type, download_url: url, filename: part.file.fileName, size: part.file.bytes };
	const file: UploadedFile = { provider: 'wavespeed', url, fields: textFields(parts), fileName: part.file.fileName, contentType: part.file.contentType, bytes: part.file.bytes, sha256: part.file.sha256 };
	return { response: { status: 200, body: { ...answer, data } }, file };
}

interface FileHost {
	provider: SimProviderId;
	/** The one path it takes uploads on, below its mount. */
	path: string;
	/** Whether it checks the provider's key (a storage host takes signed fields instead). */
	withKey: boolean;
	receive(parts: ReceivedPart[], origin: string, stored: UploadedFile[]): { response: SimResponse; file?: UploadedFile };
}

/** Each file host by the mount it is under. */
const FILE_HOSTS: Record<string, FileHost> = {
	'evolink-files': { provider: 'evolink', path: '/api/v1/files/upload/stream', withKey: true, receive: successEnvelopeHost('evolink', 'file_name', 'file_url') },
	'kie-files': { provider: 'kie', path: '/api/file-stream-upload', withKey: true, receive: successEnvelopeHost('kie', 'fileName', 'downloadUrl') },
	oss: { provider: 'alibaba', path: '/', withKey: false, receive: (parts, _origin, stored) => ossUpload(parts, stored) },
	wavespeed: { provider: 'wavespeed', path: '/api/v3/media/upload/binary', withKey: true, receive: waveSpeedUpload },
};

/** The file host a request path is for, if any. */
export function fileHostAt(pathname: string): FileHost | undefined {
	const [, mount, ...rest] = pathname.split('/');
	const host = FILE_HOSTS[mount];
	return host && host.path === `/${rest.join('/')}` ? host : undefined;
}

/** Reads an upload to `host` and answers it; a received file is added to `stored`. */
export async function receiveUpload(host: FileHost, req: IncomingMessage, origin: string, stored: UploadedFile[]): Promise<SimResponse> {
	const boundary = boundaryOf(req.headers['content-type']);
	if (req.method !== 'POST' || !boundary) return { status: 400, body: { success: false, code: 400, msg: 'Expected a multipart/form-data POST' } };
	const { response, file } = host.receive(await readMultipart(req, boundary), origin, stored);
	if (file) stored.push(file);
	return response;
}
