/**
 * DashScope's batch status query through the real engine: a batch's running tasks are polled together
 * by one list request (route `statusBatch`), each finished task takes one single query for its results;
 * a task the list does not name, an unreadable list, a 429 on the list and a Stop all keep the run right.
 */
import type { RecordedRequest, Simulator } from '../simulator';
import { NODE_NAME, runWan, startWan, until, useSimulator } from './support';

let sim: Simulator;
useSimulator((started) => (sim = started));

const POLL_S = 0.2;

function batch(items: number, options: Record<string, unknown> = {}) {
	return {
		sim,
		provider: 'alibaba' as const,
		kind: 'video' as const,
		parameters: {
			mode: 'textToVideo',
			model: 'wan2.5',
			prompt: '={{ $json.prompt }}',
			returnAs: 'url',
			options: { pollInterval: POLL_S, maxConcurrency: items, ...options },
		},
		items: Array.from({ length: items }, (_, index) => ({ prompt: `Clip ${index + 1}` })),
	};
}

const routed = (route: RecordedRequest['route']) => sim.requests.filter((request) => request.route === route);
const singlePolls = (taskId: string) => routed('status').filter((request) => request.taskId === taskId).length;

/** Every item came out succeeded, in input order, each with its own task's result. */
function expectInOrder(items: { json: Record<string, unknown> }[], count: number): void {
	expect(items).toHaveLength(count);
	items.forEach((item, index) => {
		expect(item.json.status).toBe('succeeded');
		expect(sim.task(String(item.json.taskId))?.prompt).toBe(`Clip ${index + 1}`);
		expect(item.json.url).toMatch(/\/files\/.+\.mp4$/);
	});
}

describe('Alibaba batch polling through the task list', () => {
	// 25 submits at Alibaba's 5 a second take about 4 s.
	it('polls a 25-item batch with shared lists and one single query per finished task', async () => {
		sim.setBehaviour(() => ({ durationMs: 1000, outcome: 'success' }));
		const result = await runWan(batch(25));
		expect(result.status).toBe('success');
		expectInOrder(result.output(NODE_NAME), 25);
		expect(sim.tasks).toHaveLength(25);
		const lists = routed('statusBatch');
		expect(lists.length).toBeGreaterThan(0);
		expect(lists.every((request) => request.status === 200 && /model_name=wan2\.5-t2v-preview/.test(request.path))).toBe(true);
		expect(new Set(lists.flatMap((request) => request.taskIds ?? []))).toEqual(new Set(sim.tasks.map((task) => task.id)));
		// Each task: its submit and the single query that fetched its result; the lists are shared, one per
		// half poll interval at most however many tasks wait (their cost grows with the run's length, not its size).
		const singlePerTask = routed('status').length / sim.tasks.length;
		expect(singlePerTask).toBeLessThanOrEqual(1.1);
		const listing = lists[lists.length - 1].at - lists[0].at;
		expect(lists.length).toBeLessThanOrEqual(Math.ceil(listing / ((POLL_S * 1000) / 2)) + 1);
		expect(lists.length).toBeLessThan(sim.tasks.length * 2);
		expect(sim.requests.filter((request) => request.status !== 200)).toEqual([]);
	}, 20_000);

	it('polls a single item on its own, as before: a list would cost one request more', async () => {
		sim.setBehaviour(() => ({ durationMs: 600, outcome: 'success' }));
		const result = await runWan(batch(1));
		expect(result.status).toBe('success');
		expectInOrder(result.output(NODE_NAME), 1);
		expect(routed('statusBatch')).toEqual([]);
		expect(singlePolls(sim.tasks[0].id)).toBeGreaterThanOrEqual(3);
	});

	it('asks a task the list does not name on its own, every poll', async () => {
		sim.setBehaviour((info) => ({ durationMs: 1000, outcome: 'success', unlisted: info.index === 2 }));
		const result = await runWan(batch(5));
		expect(result.status).toBe('success');
		expectInOrder(result.output(NODE_NAME), 5);
		const [unlisted, ...listed] = [sim.tasks[2], ...sim.tasks.filter((_, index) => index !== 2)];
		expect(singlePolls(unlisted.id)).toBeGreaterThanOrEqual(4);
		expect(routed('statusBatch').every((request) => !request.taskIds?.includes(unlisted.id))).toBe(true);
		expect(Math.min(...listed.map((task) => singlePolls(task.id)))).toBe(1);
	});

	it('falls back to single queries for the rest of the run after an unreadable list', async () => {
		sim.setBehaviour(() => ({ durationMs: 1000, outcome: 'success' }));
		sim.inject({ provider: 'alibaba', route: 'statusBatch', kind: 'malformed', body: '<html>gateway</html>' });
		const result = await runWan(batch(5));
		expect(result.status).toBe('success');
		expectInOrder(result.output(NODE_NAME), 5);
		expect(routed('statusBatch')).toHaveLength(1);
		expect(sim.tasks.every((task) => singlePolls(task.id) >= 3)).toBe(true);
	});

	it('falls back when the list answers JSON of another shape', async () => {
		sim.setBehaviour(() => ({ durationMs: 600, outcome: 'success' }));
		sim.inject({ provider: 'alibaba', route: 'statusBatch', kind: 'http', status: 200, body: { data: [{ id: 'x', state: 'RUNNING' }] } });
		const result = await runWan(batch(3));
		expect(result.status).toBe('success');
		expectInOrder(result.output(NODE_NAME), 3);
		expect(routed('statusBatch')).toHaveLength(1);
	});

	it('honours a 429 on the list (Retry-After) and goes on listing', async () => {
		sim.setBehaviour(() => ({ durationMs: 2500, outcome: 'success' }));
		sim.inject({ provider: 'alibaba', route: 'statusBatch', kind: 'http', status: 429, headers: { 'Retry-After': '1' } });
		const result = await runWan(batch(5));
		expect(result.status).toBe('success');
		expectInOrder(result.output(NODE_NAME), 5);
		const [throttled, next] = routed('statusBatch');
		expect(throttled.status).toBe(429);
		expect(next.status).toBe(200);
		expect(next.at - throttled.at).toBeGreaterThanOrEqual(950);
		expect(sim.tasks.every((task) => singlePolls(task.id) === 1)).toBe(true);
	});

	it('stops at once on Stop while the tasks are polled by list, with no request after it', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'never' }));
		const started = startWan(batch(5));
		await until(() => routed('statusBatch').filter((request) => request.status === 200).length >= 2);
		const canceledAt = performance.now();
		started.cancel();
		expect((await started.result).status).toBe('canceled');
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(sim.requests.filter((request) => request.at > canceledAt)).toEqual([]);
	});
});
