/**
 * DashScope's batch status query as the Alibaba adapter builds and reads it (docs/research/dashscope-batch-query.md).
 * The stored copy of Alibaba's page shows no example body; the one below has the fields of Alibaba's own
 * SDKs (dashscope-sdk-java `AsyncTaskListResult`, `AsyncTaskInfo`), with the page's example task id.
 */
import { alibaba } from '../../nodes/shared/providers/alibaba/adapter';
import { MalformedResponseError } from '../../nodes/shared/providers/adapter';

const list = alibaba.statusList!;

const LIST_ANSWER = {
	request_id: '7574ee8f-xxxx-xxxx-xxxx-11c33ab46e51',
	data: [
		{
			api_key_id: '1234',
			caller_parent_id: '1000000000000000',
			caller_uid: '1000000000000000',
			gmt_create: 1703079391896,
			model_name: 'wan2.5-t2v-preview',
			region: 'cn-beijing',
			request_id: '7574ee8f-xxxx-xxxx-xxxx-11c33ab46e51',
			start_time: 1703079399009,
			status: 'RUNNING',
			task_id: 'a8532587-xxxx-xxxx-xxxx-0c46b17950d1',
			user_api_unique_key: 'apikey:v1:xxxx',
		},
		{ task_id: 'b1', status: 'PENDING', gmt_create: 1703079391896, end_time: null },
		{ task_id: 'b2', status: 'SUCCEEDED', gmt_create: 1703079391896, end_time: 1703079405913 },
		{ task_id: 'b3', status: 'FAILED' },
		{ task_id: 'b4', status: 'CANCELED' },
		{ task_id: 'b5', status: 'UNKNOWN' },
		{ task_id: 'b6', status: 'SUSPENDED' },
	],
	total: 7,
	total_page: 1,
	page_no: 1,
	page_size: 100,
};

describe('Alibaba task list (batch status query)', () => {
	it('asks one page of the run window, in China Standard Time with ten minutes either side, of the model', () => {
		const since = Date.UTC(2023, 11, 20, 13, 36, 31);
		expect(list.build({ since, until: since + 60_000, model: 'wan2.5-t2v-preview', page: 2 })).toStrictEqual({
			method: 'GET',
			path: '/api/v1/tasks',
			qs: { start_time: '20231220212631', end_time: '20231220214731', model_name: 'wan2.5-t2v-preview', page_no: '2', page_size: '100' },
		});
	});

	it('names no model when the run mixes them', () => {
		expect(list.build({ since: 0, until: 0, page: 1 }).qs).not.toHaveProperty('model_name');
	});

	it('reads every listed task to its status, with no results', () => {
		const { states, pages } = list.parse(LIST_ANSWER);
		expect(pages).toBe(1);
		expect(Object.fromEntries([...states].map(([id, state]) => [id, state.status]))).toStrictEqual({
			'a8532587-xxxx-xxxx-xxxx-0c46b17950d1': 'running',
			b1: 'queued',
			b2: 'succeeded',
			b3: 'failed',
			b4: 'canceled',
			b5: 'failed',
			b6: 'unknown',
		});
		expect(states.get('b2')).toStrictEqual({ status: 'succeeded', rawStatus: 'SUCCEEDED', urls: [] });
	});

	it('skips entries without a task id or a status, so those tasks are asked on their own', () => {
		const { states } = list.parse({ data: [{ status: 'RUNNING' }, { task_id: 'c1' }, { task_id: '', status: 'RUNNING' }, null, 'x', { task_id: 'c2', status: 'RUNNING' }] });
		expect([...states.keys()]).toStrictEqual(['c2']);
	});

	it('reads how many pages the list has, one where it does not say', () => {
		expect(list.parse({ ...LIST_ANSWER, total_page: 3 }).pages).toBe(3);
		expect(list.parse({ data: [] }).pages).toBe(1);
		expect(list.parse({ data: [], total_page: 'x' }).pages).toBe(1);
	});

	it.each([[{}], [{ data: 'none' }], [null], ['<html>'], [[]]])('refuses an answer without data[]: %j', (body) => {
		expect(() => list.parse(body)).toThrow(MalformedResponseError);
	});
});
