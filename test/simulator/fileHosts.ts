/**
 * The file hosts the node uploads to: EvoLink's and Kie.ai's file APIs (hosts of their own, mounted at
 * `/evolink-files` and `/kie-files`), the OSS bucket a DashScope upload policy points at (`/oss`),
 * WaveSpeed's media upload (on its API host) and fal's storage (`/fal-storage` hands out signed URLs under
 * `/fal-cdn`, which take a PUT of the bytes).
 * Uploads are read as a stream (test/simulator/multipart.ts): the simulator keeps each file's hash and
 * size, never its bytes.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { asRecord, parseJson } from '../../nodes/shared/json';
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

type Received = { response: SimResponse; file?: UploadedFile };

/** A signed fal upload asked for and not yet PUT. */
interface PendingPut {
	fileName: string;
	contentType: string;
	fileUrl: string;
}

/** What one simulator's file hosts hold: the files received, and fal's signed uploads awaiting their bytes. */
export class FileHostState {
	stored: UploadedFile[] = [];
	readonly pendingPuts = new Map<string, PendingPut>();

	/** Forgets everything; a list handed out earlier keeps what it held. */
	clear(): void {
		this.stored = [];
		this.pendingPuts.clear();
	}
}

interface FileHost {
	provider: SimProviderId;
	/** Whether a request for this path (below the host's mount) is one of its uploads. */
	serves(method: string, path: string): boolean;
	/** Whether it checks the provider's key (a storage host takes signed fields or URLs instead). */
	withKey: boolean;
	receive(req: IncomingMessage, path: string, origin: string, state: FileHostState): Promise<Received>;
}

/** A host taking one multipart POST on `path`, its parts read as a stream. */
function multipartHost(
	provider: SimProviderId,
	path: string,
	withKey: boolean,
	receive: (parts: ReceivedPart[], origin: string, stored: UploadedFile[]) => Received,
): FileHost {
	return {
		provider,
		withKey,
		serves: (method, requested) => method === 'POST' && requested === path,
		async receive(req, _path, origin, state) {
			const boundary = boundaryOf(req.headers['content-type']);
			if (!boundary) return { response: { status: 400, body: { success: false, code: 400, msg: 'Expected multipart/form-data' } } };
			return receive(await readMultipart(req, boundary), origin, state.stored);
		},
	};
}

/** fal's storage: uploads asked for at its REST host, each a signed URL the bytes are PUT to. */
const falStorage: FileHost = {
	provider: 'fal',
	withKey: true,
	serves: (method, path) => method === 'POST' && path === '/storage/upload/initiate',
	async receive(req, _path, origin, state) {
		const body = asRecord(parseJson((await readAll(req)).toString('utf8')));
		if (typeof body?.content_type !== 'string' || typeof body.file_name !== 'string') {
			return { response: { status: 422, body: { detail: 'content_type and file_name are required' } } };
		}
		const id = randomUUID();
		const fileUrl = `${origin}/uploaded/${id}/${encodeURIComponent(body.file_name)}`;
		state.pendingPuts.set(id, { fileName: body.file_name, contentType: body.content_type, fileUrl });
		return { response: { status: 200, body: { upload_url: `${origin}/fal-cdn/${id}?signature=sim`, file_url: fileUrl } } };
	},
};

const falCdn: FileHost = {
	provider: 'fal',
	withKey: false,
	serves: (method) => method === 'PUT',
	async receive(req, path, _origin, state) {
		const pending = state.pendingPuts.get(path.slice(1));
		if (!pending) return { response: { status: 403, body: 'SignatureDoesNotMatch' } };
		if (req.headers['content-type'] !== pending.contentType) return { response: { status: 403, body: 'Content-Type does not match the signed upload' } };
		const hash = createHash('sha256');
		let bytes = 0;
		for await (const chunk of req as AsyncIterable<Buffer>) {
			hash.update(chunk);
			bytes += chunk.length;
		}
		state.pendingPuts.delete(path.slice(1));
		const file: UploadedFile = { provider: 'fal', url: pending.fileUrl, fields: [], fileName: pending.fileName, contentType: pending.contentType, bytes, sha256: hash.digest('hex') };
		return { response: { status: 200 }, file };
	},
};

/** Each file host by the mount it is under. */
const FILE_HOSTS: Record<string, FileHost> = {
	'evolink-files': multipartHost('evolink', '/api/v1/files/upload/stream', true, successEnvelopeHost('evolink', 'file_name', 'file_url')),
	'fal-cdn': falCdn,
	'fal-storage': falStorage,
	'kie-files': multipartHost('kie', '/api/file-stream-upload', true, successEnvelopeHost('kie', 'fileName', 'downloadUrl')),
	oss: multipartHost('alibaba', '/', false, (parts, _origin, stored) => ossUpload(parts, stored)),
	wavespeed: multipartHost('wavespeed', '/api/v3/media/upload/binary', true, waveSpeedUpload),
};

/** The file host a request is for, if any, and its path below the host's mount. */
export function fileHostAt(method: string, pathname: string): { host: FileHost; path: string } | undefined {
	const [, mount, ...rest] = pathname.split('/');
	const host = FILE_HOSTS[mount];
	const path = `/${rest.join('/')}`;
	return host?.serves(method, path) ? { host, path } : undefined;
}

/** Reads an upload to `host` and answers it; a received file is added to `state.stored`. */
export async function receiveUpload(at: { host: FileHost; path: string }, req: IncomingMessage, origin: string, state: FileHostState): Promise<SimResponse> {
	const { response, file } = await at.host.receive(req, at.path, origin, state);
	if (file) state.stored.push(file);
	return response;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
	return Buffer.concat(chunks);
}
