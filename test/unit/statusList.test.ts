/**
 * The run's shared status list on virtual time: tasks it calls running are answered from one list, and a
 * task the list keeps calling running is still asked on its own once a minute (how current DashScope's
 * list is, is not documented).
 */
import type { StatusList } from '../../nodes/shared/providers/adapter';
import { SharedStatusList } from '../../nodes/shared/scheduler/statusList';
import type { TaskHandle } from '../../nodes/shared/types';
import { VirtualClock } from '../harness/virtualClock';

const handle = (taskId: string): TaskHandle => ({ provider: 'alibaba', model: 'wan2.6-t2v', taskId });

/** A list that names these tasks as running, whatever it is asked. */
function alwaysRunning(taskIds: string[]): StatusList {
	return {
		build: () => ({ method: 'GET', path: '/api/v1/tasks' }),
		parse: () => ({ states: new Map(taskIds.map((id) => [id, { status: 'running', rawStatus: 'RUNNING', urls: [] }])), pages: 1 }),
	};
}

/** A list sender that answers at once and counts what it sent. */
function countingSender() {
	const sender = { sent: 0, send: async () => ((sender.sent += 1), {}) };
	return sender;
}

describe('SharedStatusList', () => {
	it('answers the waiting tasks from one list, and asks a task on its own at least once a minute', async () => {
		const clock = new VirtualClock();
		const shared = new SharedStatusList(alwaysRunning(['a', 'b']), clock);
		const submittedAt = clock.now();
		shared.wait(handle('a'), submittedAt);
		shared.wait(handle('b'), submittedAt);
		const sender = countingSender();
		const { send } = sender;

		const first = await Promise.all([shared.running('a', clock.now(), send), shared.running('b', clock.now(), send)]);
		expect(first.map((state) => state?.status)).toEqual(['running', 'running']);
		expect(sender.sent).toBe(1);

		await clock.sleep(59_000);
		expect((await shared.running('a', clock.now(), send))?.status).toBe('running');
		await clock.sleep(1_000);
		// A minute since its submit: asked on its own (undefined), then the list again for the next minute.
		expect(await shared.running('a', clock.now(), send)).toBeUndefined();
		expect((await shared.running('a', clock.now() - 10_000, send))?.status).toBe('running');
	});

	it('does not list a single waiting task, nor one it was not told of', async () => {
		const clock = new VirtualClock();
		const shared = new SharedStatusList(alwaysRunning(['a']), clock);
		shared.wait(handle('a'), clock.now());
		const sender = countingSender();
		const { send } = sender;
		expect(await shared.running('a', clock.now(), send)).toBeUndefined();
		expect(await shared.running('z', clock.now(), send)).toBeUndefined();
		expect(sender.sent).toBe(0);
	});

	it("reads on through the list's pages until every waiting task is found, and no further", async () => {
		const clock = new VirtualClock();
		// Three pages, oldest first: the run's tasks a and b are on pages 1 and 3; page 2 holds other tasks.
		const pageTasks: Record<string, string[]> = { '1': ['a', 'x'], '2': ['y', 'z'], '3': ['b'] };
		const list: StatusList = {
			build: ({ page }) => ({ method: 'GET', path: '/api/v1/tasks', qs: { page_no: String(page) } }),
			parse: (body) => {
				const ids = pageTasks[String((body as { qs: { page_no: string } }).qs.page_no)];
				return { states: new Map(ids.map((id) => [id, { status: 'running', rawStatus: 'RUNNING', urls: [] }])), pages: 3 };
			},
		};
		const asked: unknown[] = [];
		const send = async (request: unknown) => (asked.push(request), request);
		const shared = new SharedStatusList(list, clock);
		shared.wait(handle('a'), clock.now());
		shared.wait(handle('b'), clock.now());
		expect((await shared.running('b', clock.now(), send))?.status).toBe('running');
		expect(asked).toHaveLength(3);

		pageTasks['1'] = ['a', 'b'];
		await clock.sleep(1000);
		expect((await shared.running('a', clock.now(), send))?.status).toBe('running');
		expect(asked).toHaveLength(4);
	});
});
