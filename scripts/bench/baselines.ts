/**
 * The baselines the benchmark compares against: minimal nodes that do what n8n's own generation nodes
 * do (see /work/shared/reference/n8n-conventions.md §1a, §1b), run through the same engine.
 */
import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type JsonObject,
} from 'n8n-workflow';

export const GEMINI_LIKE_DOWNLOAD_TYPE = 'bench.geminiLikeDownload';
export const SORA_LIKE_POLL_TYPE = 'bench.soraLikePoll';

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
