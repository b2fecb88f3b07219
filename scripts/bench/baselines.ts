/**
 * The baselines the benchmark compares against: minimal nodes that do what n8n's own generation nodes
 * do (see /work/shared/reference/n8n-conventions.md §1a, §1b), run through the same engine; and the
 * package's upload step as a node of its own.
 */
import {
	NodeApiError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type JsonObject,
} from 'n8n-workflow';

import { binaryFieldsOf, itemFileReader, materializeFiles } from '../../nodes/shared/binaryMedia';
import { evolink } from '../../nodes/shared/providers/evolink/adapter';
import type { GenerationRequest } from '../../nodes/shared/request';
import { systemClock } from '../../nodes/shared/scheduler/clock';
import { bearerAuthorization } from '../../nodes/shared/transport';

export const GEMINI_LIKE_DOWNLOAD_TYPE = 'bench.geminiLikeDownload';
export const SORA_LIKE_POLL_TYPE = 'bench.soraLikePoll';
export const WHOLE_BUFFER_UPLOAD_TYPE = 'bench.wholeBufferUpload';
export const WAN_UPLOAD_STEP_TYPE = 'bench.wanUploadStep';

function description(name: string, displayName: string, extra: Partial<INodeTypeDescription> = {}): INodeTypeDescription {
	return {
		displayName,
		name,
		group: ['transform'],
		version: 1,
		description: displayName,
		defaults: { name: displayName },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
		...extra,
	} as INodeTypeDescription;
}

/**
 * Downloads `json.url` of every input item as Google Gemini → Video → Generate does
 * (`helpers/utils.ts::downloadFile`): `helpers.httpRequest({ encoding: 'arraybuffer' })`, then
 * `Buffer.from(body)`, then `prepareBinaryData(buffer, 'video.mp4', mimeType)`; samples at once with
 * `Promise.all`.
 */
export class GeminiLikeDownload implements INodeType {
	description = description('geminiLikeDownload', 'Baseline: Gemini-style download');

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output = await Promise.all(
			items.map(async (item, index) => {
				const response = (await this.helpers.httpRequest({
					method: 'GET',
					url: String(item.json.url),
					encoding: 'arraybuffer',
					returnFullResponse: true,
				})) as { body: ArrayBuffer; headers: IDataObject };
				const mimeType = String(response.headers['content-type'] ?? 'video/mp4');
				const buffer = Buffer.from(response.body);
				const binary = await this.helpers.prepareBinaryData(buffer, 'video.mp4', mimeType);
				return { json: {}, binary: { data: binary }, pairedItem: { item: index } };
			}),
		);
		return [output];
	}
}

/**
 * Submits one EvoLink video task per item and polls it as OpenAI → Video → Generate does
 * (`helpers/polling.ts::pollUntilAvailable`): items one after the other; the cancel signal is checked
 * only before each poll, and the sleep between polls is a plain, non-abortable `setTimeout` (also
 * after the last poll).
 */
export class SoraLikePoll implements INodeType {
	description = description('soraLikePoll', 'Baseline: Sora-style polling', {
		credentials: [{ name: 'evoLinkApi', required: true }],
		properties: [
			{ displayName: 'Poll Interval', name: 'pollInterval', type: 'number', default: 10 },
			{ displayName: 'Wait Timeout', name: 'waitTime', type: 'number', default: 300 },
		],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('evoLinkApi');
		const baseUrl = String(credentials.baseUrl).replace(/\/+$/, '');
		const headers = { Authorization: `Bearer ${String(credentials.apiKey)}` };
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const intervalSeconds = this.getNodeParameter('pollInterval', i) as number;
			const timeoutSeconds = this.getNodeParameter('waitTime', i) as number;
			const task = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}/v1/videos/generations`,
				headers,
				body: { model: 'wan2.5-text-to-video', prompt: String(items[i].json.prompt ?? 'A cat') },
				json: true,
			})) as IDataObject;
			const request = async () =>
				(await this.helpers.httpRequest({
					method: 'GET',
					url: `${baseUrl}/v1/tasks/${String(task.id)}`,
					headers,
					json: true,
				})) as IDataObject;
			const check = (response: IDataObject) => {
				if (response.status === 'failed') throw new NodeApiError(this.getNode(), response as JsonObject);
				return response.status === 'completed';
			};
			const abortSignal = this.getExecutionCancelSignal();
			const startTime = Date.now();
			let response: IDataObject | undefined;
			while (!response || !check(response)) {
				if ((Date.now() - startTime) / 1000 >= timeoutSeconds) {
					throw new NodeApiError(this.getNode(), { message: 'Timeout reached', code: 500 });
				}
				if (abortSignal?.aborted) {
					throw new NodeApiError(this.getNode(), { message: 'Execution was cancelled', code: 500 });
				}
				response = await request();
				await new Promise((resolve) => setTimeout(resolve, intervalSeconds * 1000));
			}
			output.push({ json: response, pairedItem: { item: i } });
		}
		return [output];
	}
}

/** One output item per input item, made by `each` with the EvoLink credential. */
async function perItem(
	fn: IExecuteFunctions,
	each: (index: number, item: INodeExecutionData, credentials: ICredentialDataDecryptedObject) => Promise<IDataObject>,
): Promise<INodeExecutionData[][]> {
	const credentials = await fn.getCredentials('evoLinkApi');
	const output: INodeExecutionData[] = [];
	for (const [index, item] of fn.getInputData().entries()) {
		output.push({ json: await each(index, item, credentials), pairedItem: { item: index } });
	}
	return [output];
}

/**
 * Uploads each item's `data` file to EvoLink's file host the usual way (n8n's OpenAI node builds its
 * multipart bodies so): the whole file from `getBinaryDataBuffer`, in a `Blob`, in the global `FormData`.
 */
export class WholeBufferUpload implements INodeType {
	description = description('wholeBufferUpload', 'Baseline: whole-buffer upload', {
		credentials: [{ name: 'evoLinkApi', required: true }],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await perItem(this, async (index, item, credentials) => {
			const binary = item.binary!.data;
			const buffer = await this.helpers.getBinaryDataBuffer(index, 'data');
			const form = new FormData();
			form.append('file', new Blob([buffer], { type: binary.mimeType }), binary.fileName);
			return (await this.helpers.httpRequest({
				method: 'POST',
				url: `${String(credentials.filesBaseUrl).replace(/\/+$/, '')}/api/v1/files/upload/stream`,
				headers: { Authorization: `Bearer ${String(credentials.apiKey)}` },
				body: form as never,
				json: true,
			})) as IDataObject;
		});
	}
}

/**
 * The package's own upload step (`materializeFiles`: binary store → streamed multipart → EvoLink's file
 * host), run on each item's `data` video as the Wan nodes run it before a submit. The node itself refuses
 * videos over Wan 2.7's 100 MB before this step; the bench drives the step directly to measure it at any size.
 */
export class WanUploadStep implements INodeType {
	description = description('wanUploadStep', 'Wan upload step', {
		credentials: [{ name: 'evoLinkApi', required: true }],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await perItem(this, async (itemIndex, item, credentials) => {
			const file = binaryFieldsOf(item.binary).data;
			const request = { mode: 'extendVideo', modelId: 'wan2.7-image-to-video', media: { video: [{ url: '', type: 'video', file }] } } as unknown as GenerationRequest;
			const context = { fn: this, adapter: evolink, credentials, authorization: bearerAuthorization(credentials), clock: systemClock, signal: undefined, readFile: itemFileReader(this, itemIndex) };
			const uploaded = await materializeFiles(context, request);
			return { url: uploaded.media.video?.[0].url };
		});
	}
}
