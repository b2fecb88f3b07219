/**
 * What DashScope's task query (`GET /api/v1/tasks/{id}`) answers for a task: its status, times, and once it
 * succeeded its results in the shape of the protocol it was created on, with their usage; a failure as
 * `output.code` / `output.message` with HTTP 200.
 */
import { randomUUID } from 'node:crypto';

import { asRecord } from '../../../nodes/shared/json';
import type { SimContext, SimTask, TaskFailure } from '../types';

export const ALIBABA_DEFAULT_FAILURE: TaskFailure = {
	code: 'DataInspectionFailed',
	message: 'Output data may contain inappropriate content.',
};

/** The create protocols: video synthesis, the legacy image protocol (text2image / image2image), wan2.6's messages. */
export type Protocol = 'video' | 'legacyImage' | 'messages';

/** `YYYY-MM-DD HH:mm:ss.SSS`, as DashScope writes times. */
function timestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('T', ' ').replace('Z', '');
}

function protocolOf(task: SimTask): Protocol {
	if (task.kind === 'video') return 'video';
	return asRecord(asRecord(task.body)?.input)?.messages === undefined ? 'legacyImage' : 'messages';
}

/** Seconds each input video is taken to last (the simulator does not read the files). */
const INPUT_VIDEO_SECONDS = 5;

/**
 * The `usage` of a finished video task, in the documented shape (status-succeeded.json): the seconds
 * asked for (a length the model chose, or the source's for an edit, counted as 5), the input videos'
 * seconds, the output's, the count and the resolution tier.
 */
function videoUsage(task: SimTask): Record<string, unknown> {
	const body = asRecord(task.body);
	const parameters = asRecord(body?.parameters) ?? {};
	const media = asRecord(body?.input)?.media;
	const inputVideos = Array.isArray(media)
		? media.filter((entry) => ['reference_video', 'first_clip', 'video'].includes(String(asRecord(entry)?.type))).length
		: 0;
	const asked = typeof parameters.duration === 'number' && parameters.duration > 0 ? parameters.duration : 5;
	const tier = /^(\d+)P$/i.exec(String(parameters.resolution ?? ''))?.[1];
	return {
		duration: asked,
		input_video_duration: inputVideos * INPUT_VIDEO_SECONDS,
		output_video_duration: asked,
		video_count: 1,
		...(tier ? { SR: Number(tier) } : {}),
	};
}

/** The succeeded task's result fields, in the protocol's shape, and its usage. */
function results(task: SimTask, ctx: SimContext): { output: Record<string, unknown>; usage: Record<string, unknown> } {
	const urls = ctx.resultUrls(task);
	const protocol = protocolOf(task);
	if (protocol === 'video') {
		return { output: { orig_prompt: task.prompt, video_url: urls[0] }, usage: videoUsage(task) };
	}
	if (protocol === 'messages') {
		return {
			output: {
				finished: true,
				choices: urls.map((image) => ({
					finish_reason: 'stop',
					message: { role: 'assistant', content: [{ image, type: 'image' }] },
				})),
			},
			usage: { image_count: urls.length, input_tokens: 0, output_tokens: 0, total_tokens: 0 },
		};
	}
	const failure = task.behaviour.failure ?? ALIBABA_DEFAULT_FAILURE;
	const failed = new Set(task.behaviour.failedResults ?? []);
	const entries = urls.map((url, index) =>
		failed.has(index) ? { code: failure.code, message: failure.message } : { orig_prompt: task.prompt, url },
	);
	const succeeded = entries.filter((entry) => 'url' in entry).length;
	return {
		output: {
			results: entries,
			task_metrics: { TOTAL: entries.length, SUCCEEDED: succeeded, FAILED: entries.length - succeeded },
		},
		usage: { image_count: succeeded },
	};
}

/** DashScope's word for each task state, in the task query and the task list alike. */
export const TASK_STATUS = { queued: 'PENDING', running: 'RUNNING', succeeded: 'SUCCEEDED', failed: 'FAILED', canceled: 'CANCELED' } as const;

/** The task query body for the task's state now. */
export function alibabaTaskBody(task: SimTask, ctx: SimContext): Record<string, unknown> {
	const phase = ctx.poll(task);
	const output: Record<string, unknown> = {
		task_id: task.id,
		task_status: TASK_STATUS[phase.state],
		submit_time: timestamp(task.createdEpochMs),
	};
	if (phase.state !== 'queued' && phase.state !== 'canceled') {
		output.scheduled_time = timestamp(task.createdEpochMs + task.behaviour.durationMs * 0.1);
	}
	if (phase.terminal && phase.state !== 'canceled') {
		output.end_time = timestamp(task.createdEpochMs + task.behaviour.durationMs);
	}
	const body: Record<string, unknown> = { request_id: randomUUID(), output };
	const failure = task.behaviour.failure ?? ALIBABA_DEFAULT_FAILURE;
	if (phase.state === 'succeeded') {
		const finished = results(task, ctx);
		Object.assign(output, finished.output);
		body.usage = finished.usage;
		// A task succeeds when at least one image does; with none it is FAILED, counts kept.
		if (finished.usage.image_count === 0) {
			output.task_status = 'FAILED';
			delete output.results;
			delete body.usage;
		}
	}
	if (output.task_status === 'FAILED') {
		output.code = failure.code;
		output.message = failure.message;
	}
	return body;
}
