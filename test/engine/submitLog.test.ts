/**
 * Every paid task is in n8n's log from the moment its submit is answered, with what Get Task needs to
 * fetch it: a run that ends without outputs (here a failure; in queue mode a killed worker) still
 * leaves each task findable.
 */
import { Container } from '@n8n/di';

import { SUBMITTED_LOG_PREFIX } from '../../nodes/shared/scheduler/submitLog';
import type { Simulator } from '../simulator';
import { PROVIDER_CASES } from './cases';
import { runWan, useSimulator } from './support';

/** The Logger class n8n-core's contexts take from the container (its own copy of @n8n/backend-common). */
const { Logger } = require(require.resolve('@n8n/backend-common', { paths: [require.resolve('n8n-core')] })) as typeof import('@n8n/backend-common');

const submittedLines = (info: jest.SpyInstance) =>
	info.mock.calls.map(([message]) => String(message)).filter((message) => message.startsWith(SUBMITTED_LOG_PREFIX));

describe.each(PROVIDER_CASES)('$provider', ({ provider, textToVideo }) => {
	let sim: Simulator;
	useSimulator((started) => (sim = started));
	let info: jest.SpyInstance;
	/** When each line was logged, on the simulator's clock (`performance.now()`). */
	let loggedAt: Map<string, number>;
	beforeEach(() => {
		loggedAt = new Map();
		info = jest.spyOn(Container.get(Logger), 'info').mockImplementation((message: string) => void loggedAt.set(message, performance.now()));
	});
	afterEach(() => info.mockRestore());

	test('logs each task as its submit is answered, before any poll, and the log survives the run failing', async () => {
		sim.setBehaviour(({ index }) => ({ durationMs: 400, outcome: index === 2 ? 'failure' : 'success' }));
		const items = [{ n: 0 }, { n: 1 }, { n: 2 }];
		const result = await runWan({ sim, provider, kind: 'video', items, parameters: { ...textToVideo, returnAs: 'url', options: { pollInterval: 0.1 } } });

		expect(result.status).toBe('error');
		const lines = submittedLines(info);
		expect(sim.tasks).toHaveLength(3);
		expect(lines).toHaveLength(3);
		for (const task of sim.tasks) {
			const line = lines.find((message) => message.includes(`task ${task.id} `));
			expect(line).toBeDefined();
			const firstPoll = sim.requests.find((request) => request.route === 'status' && request.taskId === task.id);
			expect(firstPoll).toBeDefined();
			expect(loggedAt.get(line!)).toBeLessThanOrEqual(firstPoll!.at);
			expect(line).toMatch(new RegExp(`^${SUBMITTED_LOG_PREFIX}: provider ${provider}, model \\S+, task \\S+ \\(item [0-2], node "Wan", execution \\S+`));
		}
		const metadata = info.mock.calls.filter(([message]) => String(message).startsWith(SUBMITTED_LOG_PREFIX)).map(([, meta]) => meta as Record<string, unknown>);
		expect(metadata.map((meta) => meta.taskId).sort()).toEqual(sim.tasks.map((task) => task.id).sort());
		expect(metadata.every((meta) => meta.provider === provider && typeof meta.model === 'string' && meta.nodeName === 'Wan')).toBe(true);
	});
});
