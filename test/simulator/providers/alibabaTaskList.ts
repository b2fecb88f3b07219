/**
 * DashScope's batch task query, as docs/research/dashscope-batch-query.md records it: `GET /api/v1/tasks`
 * with `start_time` / `end_time` (`YYYYMMDDhhmmss`, read here as China Standard Time), `model_name`,
 * `page_no`, `page_size`; one page of `data[]` entries carrying a task's status but never its results.
 * The largest page size is not documented; the simulator refuses more than 100, as the node never asks.
 */
import { randomUUID } from 'node:crypto';

import type { SimContext, SimRequest, SimResponse, SimTask } from '../types';
import { TASK_STATUS } from './alibabaTaskBody';

export const TASK_LIST_PATH = /^\/api\/v1\/tasks\/?$/;

const MAX_PAGE_SIZE = 100;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYYMMDDhhmmss` in China Standard Time as epoch ms; NaN when unreadable, undefined when absent. */
function epochOf(value: string | null): number | undefined {
	if (value === null) return undefined;
	const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
	if (!match) return NaN;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	return Date.UTC(y, mo - 1, d, h, mi, s) - CHINA_OFFSET_MS;
}

function positive(value: string | null, fallback: number): number {
	return value === null ? fallback : /^\d+$/.test(value) ? Number(value) : NaN;
}

function entry(task: SimTask, ctx: SimContext): Record<string, unknown> {
	const phase = ctx.phase(task);
	return {
		api_key_id: '1234',
		caller_parent_id: '1000000000000000',
		caller_uid: '1000000000000000',
		end_time: phase.terminal ? task.createdEpochMs + task.behaviour.durationMs : undefined,
		gmt_create: task.createdEpochMs,
		model_name: task.model,
		region: 'ap-southeast-1',
		request_id: randomUUID(),
		start_time: task.createdEpochMs,
		status: TASK_STATUS[phase.state],
		task_id: task.id,
		user_api_unique_key: 'apikey:v1:simulator',
	};
}

export function listTasks(req: SimRequest, ctx: SimContext): SimResponse {
	const since = epochOf(req.query.get('start_time'));
	const until = epochOf(req.query.get('end_time'));
	const model = req.query.get('model_name');
	const pageNo = positive(req.query.get('page_no'), 1);
	const pageSize = positive(req.query.get('page_size'), 10);
	if ([since, until].some((time) => Number.isNaN(time)) || !(pageNo >= 1) || !(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
		return { status: 400, body: { code: 'InvalidParameter', message: 'The list query is invalid.', request_id: randomUUID() } };
	}
	const listed = ctx
		.tasksOf('alibaba')
		.filter((task) => (since === undefined || task.createdEpochMs >= since) && (until === undefined || task.createdEpochMs <= until))
		.filter((task) => (model === null || task.model === model) && !task.behaviour.unlisted);
	const page = listed.slice((pageNo - 1) * pageSize, pageNo * pageSize);
	return {
		status: 200,
		body: {
			request_id: randomUUID(),
			data: page.map((task) => entry(task, ctx)),
			total: listed.length,
			total_page: Math.ceil(listed.length / pageSize),
			page_no: pageNo,
			page_size: pageSize,
		},
		taskIds: page.map((task) => task.id),
	};
}
