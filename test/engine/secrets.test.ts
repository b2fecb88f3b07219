/**
 * The API key never leaves the Authorization header: a recognisable key is sent through every failure
 * path, and every output item, error, description and console line is scanned for it.
 */
import { PROVIDER_CASES } from './cases';
import { startSimulator, type Fault, type Simulator, type TaskBehaviour } from '../simulator';
import { runWan } from './support';

const CANARY_KEY = 'sk-canary-7f3a9b2e51d84c06';

interface Path {
	name: string;
	faults?: Omit<Fault, 'provider'>[];
	behaviour?: Partial<TaskBehaviour>;
	options?: Record<string, unknown>;
	continueOnFail?: boolean;
	apiKey?: string;
}

const PATHS: Path[] = [
	{ name: 'success with download' },
	{ name: 'wrong key', apiKey: `${CANARY_KEY}-wrong` },
	{ name: 'submit 500', faults: [{ route: 'submit', status: 500 }] },
	{ name: 'submit reset', faults: [{ route: 'submit', kind: 'reset' }] },
	{ name: 'poll 401', faults: [{ route: 'status', status: 401 }] },
	{ name: 'poll malformed', faults: [{ route: 'status', kind: 'malformed', body: '<html>oops</html>' }] },
	{ name: 'task failure', behaviour: { outcome: 'failure' } },
	{ name: 'task failure, continue on fail', behaviour: { outcome: 'failure' }, continueOnFail: true },
	{ name: 'timeout', behaviour: { outcome: 'never' }, options: { timeout: 1 } },
	{ name: 'download 404', faults: [{ route: 'download', status: 404 }] },
	{ name: 'download 404, continue on fail', faults: [{ route: 'download', status: 404 }], continueOnFail: true },
];

jest.setTimeout(30_000);

describe.each(PROVIDER_CASES)('the API key stays secret on $provider', ({ provider, textToVideo }) => {
	let sim: Simulator;
	const logged: string[] = [];
	const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;

	beforeAll(async () => {
		sim = await startSimulator({ apiKey: CANARY_KEY });
		for (const method of consoleMethods) {
			jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
				logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
			});
		}
	});
	afterAll(async () => {
		jest.restoreAllMocks();
		await sim.close();
	});

	test.each(PATHS)('$name', async (path) => {
		sim.reset();
		sim.setBehaviour(() => ({ durationMs: 100, outcome: 'success', ...path.behaviour }));
		for (const fault of path.faults ?? []) sim.inject({ ...fault, provider });
		const result = await runWan({
			sim,
			provider,
			kind: 'video',
			apiKey: path.apiKey ?? CANARY_KEY,
			continueOnFail: path.continueOnFail,
			parameters: { ...textToVideo, options: { pollInterval: 0.1, timeout: 10, ...path.options } },
		});
		const produced = JSON.stringify({ run: result.run, error: result.error }) + logged.join('\n');
		expect(produced.length).toBeGreaterThan(100);
		expect(produced).not.toContain(CANARY_KEY);
		expect(sim.requests.some((request) => request.authorization === (path.apiKey ? 'bad' : 'ok'))).toBe(true);
	});
});
