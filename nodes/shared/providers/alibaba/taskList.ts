import { arrayAt, asRecord, numberAt, stringAt } from '../../json';
import type { TaskState, TaskStatus } from '../../types';
import { MalformedResponseError, type StatusList } from '../adapter';

/** DashScope's task statuses, in the single query and the list alike. */
export const TASK_STATUSES: Record<string, TaskStatus> = {
	PENDING: 'queued',
	RUNNING: 'running',
	SUCCEEDED: 'succeeded',
	FAILED: 'failed',
	CANCELED: 'canceled',
	// Task not found, or older than 24 hours: it never changes again, so polling on would only wait out the timeout.
	UNKNOWN: 'failed',
};

/**
 * China Standard Time, as DashScope writes its task times (`submit_time`); the list's time zone is not
 * on the pages read, hence the margin around the run's window (docs/research/dashscope-batch-query.md).
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const WINDOW_MARGIN_MS = 10 * 60 * 1000;
/** Tasks per page of the list. */
const PAGE_SIZE = 100;

/** `YYYYMMDDhhmmss`, the list's time format (Alibaba's SDKs: `20230420000000`). */
function listTime(epochMs: number): string {
	return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace(/\D/g, '');
}

/**
 * DashScope's batch status query (https://www.alibabacloud.com/help/en/model-studio/manage-asynchronous-tasks:
 * "by time range, model, or status", 20 QPS; parameters and fields as in Alibaba's SDKs): `GET /api/v1/tasks`,
 * one page of `data[]` entries with `task_id` and `status`, and no results, and `total_page`.
 */
export const dashScopeTaskList: StatusList = {
	build: ({ since, until, model, page }) => ({
		method: 'GET',
		path: '/api/v1/tasks',
		qs: {
			start_time: listTime(since - WINDOW_MARGIN_MS),
			end_time: listTime(until + WINDOW_MARGIN_MS),
			...(model ? { model_name: model } : {}),
			page_no: String(page),
			page_size: String(PAGE_SIZE),
		},
	}),

	parse(body) {
		if (!Array.isArray(asRecord(body)?.data)) {
			throw new MalformedResponseError('Alibaba Cloud Model Studio task list has no data[]', body);
		}
		const states = new Map<string, TaskState>();
		for (const entry of arrayAt(body, 'data')) {
			const taskId = stringAt(entry, 'task_id');
			const rawStatus = stringAt(entry, 'status');
			if (taskId && rawStatus) states.set(taskId, { status: TASK_STATUSES[rawStatus] ?? 'unknown', rawStatus, urls: [] });
		}
		const pages = numberAt(body, 'total_page');
		return { states, pages: pages !== undefined && pages >= 1 ? pages : 1 };
	},
};
