/**
 * The fault suite: what real providers and networks do, injected by the simulator, for every provider.
 * Each case asserts the outcome and counts submits and created tasks: never two tasks for one item.
 *
 * Time is virtual: the node and the simulator share one VirtualClock, so Retry-After waits, backoffs,
 * slow answers, task durations and timeouts pass at once while every request is real HTTP.
 */
import { REQUEST_TIMEOUT_MS } from '../../nodes/shared/transport';
import { pollRequestTimeoutMs } from '../../nodes/shared/scheduler/task';
import { VirtualClock, useVirtualClock } from '../harness/virtualClock';
import { PROVIDER_CASES, type ProviderCase } from './cases';
import { startSimulator, type Fault, type RecordedRequest, type SimClock, type Simulator, type TaskBehaviour } from '../simulator';
import { NODE_NAME, runWan, until } from './support';

interface FaultCase {
	name: string;
	faults: Omit<Fault, 'provider'>[] | ((provider: ProviderCase) => Omit<Fault, 'provider'>[]);
	behaviour?: Partial<TaskBehaviour>;
	options?: Record<string, unknown>;
	returnAs?: 'binary' | 'url';
	/** `success`, `pending` (the task handle is output), or what the error message (and description) must say. */
	outcome: 'success' | 'pending' | { message: RegExp; description?: RegExp };
	submits: number;
	tasks: number;
}

jest.setTimeout(30_000);

const MAY_EXIST = /may have created a task; check your dashboard before retrying/;

const FAULTS: FaultCase[] = [
	{
		name: 'submit 429 twice with Retry-After: 1',
		faults: [{ route: 'submit', status: 429, headers: { 'Retry-After': '1' }, times: 2 }],
		outcome: 'success',
		submits: 3,
		tasks: 1,
	},
	{
		name: 'submit 503 whose body says "retry after 1 seconds"',
		faults: [{ route: 'submit', status: 503, body: { error: { message: 'Service busy, retry after 1 seconds' } } }],
		outcome: 'success',
		submits: 2,
		tasks: 1,
	},
	{
		name: 'submit 429 asking for longer than the timeout',
		faults: [{ route: 'submit', status: 429, headers: { 'Retry-After': '60' } }],
		options: { timeout: 5 },
		outcome: { message: /submit failed \(HTTP 429\)/ },
		submits: 1,
		tasks: 0,
	},
	...[500, 502, 504].map(
		(status): FaultCase => ({
			name: `submit ${status} (not retried: a task may exist)`,
			faults: [{ route: 'submit', status }],
			outcome: { message: new RegExp(`submit failed \\(HTTP ${status}\\)`), description: MAY_EXIST },
			submits: 1,
			tasks: 0,
		}),
	),
	{
		name: 'submit connection reset (not retried)',
		faults: [{ route: 'submit', kind: 'reset' }],
		outcome: { message: /submit failed: Network error/, description: MAY_EXIST },
		submits: 1,
		tasks: 0,
	},
	{
		name: 'submit answered slowly (3.5 s): waited for, never sent twice',
		faults: [{ route: 'submit', kind: 'delay', delayMs: 3500 }],
		options: { timeout: 2 },
		outcome: 'success',
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll 429 three times with Retry-After: 0',
		faults: [{ route: 'status', status: 429, headers: { 'Retry-After': '0' }, times: 3 }],
		outcome: 'success',
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll 500, 502, 503 and 504',
		faults: [500, 502, 503, 504].map((status) => ({ route: 'status' as const, status, headers: { 'Retry-After': '0' } })),
		outcome: 'success',
		submits: 1,
		tasks: 1,
	},
	{
		name: 'polls failing with 503 until the timeout',
		faults: [{ route: 'status', status: 503, headers: { 'Retry-After': '0' }, times: 1000 }],
		options: { timeout: 2 },
		outcome: { message: /did not finish within 2 s/, description: /Get Task/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'polls failing with 503 until the timeout, On Timeout "Return Pending Task"',
		faults: [{ route: 'status', status: 503, headers: { 'Retry-After': '0' }, times: 1000 }],
		options: { timeout: 2, onTimeout: 'returnPending' },
		outcome: 'pending',
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll connection reset twice',
		faults: [{ route: 'status', kind: 'reset', times: 2 }],
		outcome: 'success',
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll slower than its request timeout',
		faults: [{ route: 'status', kind: 'delay', delayMs: 3000 }],
		outcome: 'success',
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll answers an HTML page with 200',
		faults: [{ route: 'status', kind: 'malformed', body: '<html><body>Bad gateway</body></html>' }],
		outcome: { message: /could not be read \(HTTP 200\)/, description: /<html><body>Bad gateway.*Get Task/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll answers an empty body',
		faults: [{ route: 'status', kind: 'malformed', body: '' }],
		outcome: { message: /could not be read \(HTTP 200\)/, description: /\(empty body\)/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll answers truncated JSON',
		faults: [{ route: 'status', kind: 'malformed', body: '{"status": "compl' }],
		outcome: { message: /could not be read \(HTTP 200\)/, description: /\{"status": "compl/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'a finished task without any result URL',
		faults: ({ statusBodies, resultRoute }) => [{ route: resultRoute ?? 'status', kind: 'malformed', body: JSON.stringify(statusBodies.completedWithoutUrls) }],
		outcome: { message: /could not be read \(HTTP 200\): the task finished without any result URL/, description: /Get Task/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'a status word nobody knows, until the timeout',
		faults: ({ statusBodies }) => [{ route: 'status', kind: 'malformed', body: JSON.stringify(statusBodies.unknownStatus), times: 1000 }],
		options: { timeout: 1 },
		outcome: { message: /did not finish within 1 s \(last status "(rendering|RENDERING)"/, description: /Get Task/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll 404 fails at once',
		faults: [{ route: 'status', status: 404 }],
		outcome: { message: /poll failed \(HTTP 404\)/, description: /Get Task/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'poll 401 fails at once',
		faults: [{ route: 'status', status: 401 }],
		outcome: { message: /poll failed \(HTTP 401\)/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'a task that never finishes',
		faults: [],
		behaviour: { durationMs: 0, outcome: 'never' },
		options: { timeout: 1 },
		outcome: { message: /did not finish within 1 s/, description: /Get Task/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'a task that fails',
		faults: [],
		behaviour: { durationMs: 100, outcome: 'failure' },
		outcome: { message: /task .* failed: / },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'result URL 404 (expired link)',
		faults: [{ route: 'download', status: 404 }],
		returnAs: 'binary',
		outcome: { message: /Downloading result 1 of task \S+ failed \(http:\/\/127\.0\.0\.1:\d+\/files\/.*\): .*HTTP 404/ },
		submits: 1,
		tasks: 1,
	},
	{
		name: 'result download reset once',
		faults: [{ route: 'download', kind: 'reset' }],
		returnAs: 'binary',
		outcome: 'success',
		submits: 1,
		tasks: 1,
	},
];

const table: string[] = [];

const POLL_INTERVAL_S = 0.1;
const clock = new VirtualClock();
let restoreClock: () => void;
beforeAll(() => {
	restoreClock = useVirtualClock(clock);
});
afterAll(() => restoreClock());

/**
 * How long the node's HTTP client waits for an answer to this request. That timer is real (n8n's
 * request helper), so an answer delayed past it must be held in real time for the client to give up.
 */
function clientTimeoutMs(request: RecordedRequest): number {
	return request.route === 'status' || request.route === 'result' ? pollRequestTimeoutMs(POLL_INTERVAL_S * 1000) : REQUEST_TIMEOUT_MS;
}

/** The simulator on the node's virtual clock. */
const simClock: SimClock = {
	now: () => clock.now(),
	async delay(ms, request, gone) {
		// An answer the client waits for: only virtual time passes.
		if (ms < clientTimeoutMs(request)) return await clock.sleep(ms);
		// One it gives up on first: held in real time until the client hangs up (nobody reads it after).
		await Promise.race([new Promise((resolve) => setTimeout(resolve, ms)), gone]);
	},
};

describe.each(PROVIDER_CASES)('faults on $provider', (providerCase: ProviderCase) => {
	const { provider } = providerCase;
	let sim: Simulator;

	beforeAll(async () => {
		sim = await startSimulator({ clock: simClock });
	});
	afterAll(async () => {
		await sim.close();
	});

	test.each(FAULTS)('$name', async (fault) => {
		sim.reset();
		sim.setBehaviour(() => ({ durationMs: 150, outcome: 'success', ...fault.behaviour }));
		const faults = typeof fault.faults === 'function' ? fault.faults(providerCase) : fault.faults;
		for (const injected of faults) sim.inject({ ...injected, provider });
		const result = await runWan({
			sim,
			provider,
			kind: 'video',
			parameters: {
				...providerCase.textToVideo,
				returnAs: fault.returnAs ?? 'url',
				options: { pollInterval: POLL_INTERVAL_S, timeout: 20, ...fault.options },
			},
		});
		// A delayed answer may land after the node gave up: wait for it so it is counted here, not in the next case.
		const lateMs = Math.max(0, ...faults.map((injected) => (injected.kind === 'delay' ? (injected.delayMs ?? 0) : 0)));
		await until(() => sim.requests.every((request) => request.fault !== 'delay' || request.status !== 0), lateMs + 1000);
		const submits = sim.requests.filter((request) => request.route === 'submit').length;
		const error = result.nodeError(NODE_NAME);
		table.push(
			`| ${fault.name} | ${provider} | ${error ? `error: ${error.message.slice(0, 90)}` : result.status} | ${sim.requests.length} | ${submits} | ${sim.tasks.length} |`,
		);
		if (fault.outcome === 'success' || fault.outcome === 'pending') {
			expect(error?.message).toBeUndefined();
			expect(result.status).toBe('success');
			const [item] = result.output(NODE_NAME);
			expect(item.json.status).toEqual(fault.outcome === 'success' ? 'succeeded' : expect.stringMatching(/queued|running/));
			expect(item.json.taskId).toBe(sim.tasks[0].id);
		} else {
			expect(result.status).toBe('error');
			expect(error?.message).toMatch(fault.outcome.message);
			if (fault.outcome.description) expect(error?.description).toMatch(fault.outcome.description);
			if (sim.tasks.length > 0) expect(`${error?.message} ${error?.description}`).toContain(sim.tasks[0].id);
		}
		expect(submits).toBe(fault.submits);
		expect(sim.tasks.length).toBe(fault.tasks);
	});
});

afterAll(() => {
	if (process.env.WAN_FAULT_TABLE) {
		console.info(['| fault | provider | outcome | requests | submits | tasks |', '|---|---|---|---|---|---|', ...table].join('\n'));
	}
});
