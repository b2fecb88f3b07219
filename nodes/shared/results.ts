import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ExecutionCanceledError } from './cancel';
import { asWanError, downloadFailed, type WanError } from './errors';
import type { Clock } from './scheduler/clock';
import type { TaskReport } from './scheduler/types';
import { openDownload } from './transport';
import type { MediaKind } from './types';

export type ReturnAs = 'binary' | 'url';

/** What one item does with its finished task: the node's own per-item settings. */
export interface Delivery {
	itemIndex: number;
	returnAs: ReturnAs;
	/** The binary field that receives downloaded files. */
	binaryPropertyName: string;
}

/** Time allowed to start a result download, retries included. */
const DOWNLOAD_DEADLINE_MS = 5 * 60_000;

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'video/mp4': 'mp4',
	'video/quicktime': 'mov',
	'video/webm': 'webm',
};

const DEFAULT_MIME: Record<MediaKind, string> = { image: 'image/png', video: 'video/mp4' };

/** The file's MIME type: the server's if it names a media type, else from the URL, else the kind's default. */
export function mimeTypeOf(contentType: unknown, url: string, kind: MediaKind): string {
	const header = typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : '';
	if (EXTENSIONS[header]) return header;
	const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(new URL(url, 'http://x').pathname)?.[1]?.toLowerCase();
	const byExtension = Object.entries(EXTENSIONS).find(([, ext]) => ext === extension || (extension === 'jpeg' && ext === 'jpg'));
	return byExtension?.[0] ?? DEFAULT_MIME[kind];
}

/** `<taskId>.mp4` for a single video, `<taskId>-<index>.png` for images. */
export function fileNameOf(taskId: string, index: number, kind: MediaKind, mimeType: string): string {
	const safeId = taskId.replace(/[^A-Za-z0-9._-]/g, '_');
	const extension = EXTENSIONS[mimeType] ?? (kind === 'video' ? 'mp4' : 'png');
	return kind === 'video' && index === 0 ? `${safeId}.${extension}` : `${safeId}-${index}.${extension}`;
}

function iso(epochMs: number | undefined): string | undefined {
	return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}

/** The JSON every result item carries, whether or not the file is downloaded. */
export function resultJson(report: TaskReport, index: number): IDataObject {
	const { handle, state } = report;
	return {
		provider: handle.provider,
		model: handle.model,
		taskId: handle.taskId,
		status: state.status,
		url: state.urls[index],
		urls: state.urls,
		index,
		progress: state.progress ?? 100,
		submittedAt: iso(report.submittedAt),
		completedAt: iso(report.completedAt),
		elapsedMs: report.completedAt === undefined ? undefined : report.completedAt - report.submittedAt,
		...(state.partialFailures?.length ? { partialFailures: state.partialFailures } : {}),
		...(state.usage ? { usage: state.usage } : {}),
	};
}

/** One item per result file, in the provider's order; with `binary` each file is streamed into n8n's binary store. */
export async function deliverResults(
	fn: IExecuteFunctions,
	report: TaskReport,
	delivery: Delivery,
	options: {
		kind: MediaKind;
		providerName: string;
		clock: Clock;
		/** Stops the downloads when the execution is stopped. */
		signal: AbortSignal | undefined;
	},
): Promise<INodeExecutionData[]> {
	const { returnAs, binaryPropertyName } = delivery;
	const { kind, clock, signal } = options;
	const { handle } = report;
	const pairedItem = { item: delivery.itemIndex };
	/** A failed download as the error naming the file and the task; a stop stays a stop. */
	const failure = (error: unknown, what: string): unknown =>
		error instanceof ExecutionCanceledError ? error : downloadFailed(what, asWanError(error, handle));
	const items = report.state.urls.map((_, index) => ({ json: resultJson(report, index), pairedItem }));
	if (returnAs === 'url') return items;

	const download = { fn, signal, clock, providerName: options.providerName, task: handle };
	return await Promise.all(
		items.map(async (item, index) => {
			const url = report.state.urls[index];
			try {
				const response = await openDownload({ ...download, deadline: clock.now() + DOWNLOAD_DEADLINE_MS }, url);
				const mimeType = mimeTypeOf(response.headers['content-type'], url, kind);
				const binary = await fn.helpers.prepareBinaryData(
					response.body as Buffer,
					fileNameOf(handle.taskId, index, kind, mimeType),
					mimeType,
				);
				return { ...item, binary: { [binaryPropertyName]: binary } };
			} catch (error) {
				throw failure(error, `Downloading result ${index + 1} of task ${handle.taskId} failed (${url})`);
			}
		}),
	);
}

/** The handle of a task that is not finished: enough for Get Task to pick it up. */
export function pendingItem(report: TaskReport, itemIndex: number): INodeExecutionData[] {
	const { handle, state } = report;
	return [
		{
			json: {
				provider: handle.provider,
				model: handle.model,
				taskId: handle.taskId,
				status: state.status,
				progress: state.progress ?? 0,
				...(state.usage ? { usage: state.usage } : {}),
			},
			pairedItem: { item: itemIndex },
		},
	];
}

/** A continue-on-fail item: the error, and the task to fetch later if one exists. */
export function failedItem(
	error: WanError,
	itemIndex: number,
	providerId: string,
	model: string | undefined,
): INodeExecutionData[] {
	return [
		{
			json: {
				error: error.message,
				...(error.description ? { errorDescription: error.description } : {}),
				provider: providerId,
				...(model === undefined ? {} : { model }),
				...(error.task ? { taskId: error.task.taskId } : {}),
				...(error.taskStatus ? { status: error.taskStatus } : {}),
				...(error.providerCode ? { errorCode: error.providerCode } : {}),
			},
			pairedItem: { item: itemIndex },
		},
	];
}

/** The input item's JSON fields under each of its output items' own (which win on a clash). */
export function withInputFields(input: INodeExecutionData, outputs: INodeExecutionData[]): INodeExecutionData[] {
	return outputs.map((output) => ({ ...output, json: { ...input.json, ...output.json } }));
}
