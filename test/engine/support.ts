import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow, startWorkflow, type RunOptions, type RunResult } from '../harness';
import { PROVIDERS } from '../../nodes/shared/providers';
import type { ProviderId } from '../../nodes/shared/types';
import { startSimulator, type Simulator } from '../simulator';

export const NODE_NAME = 'Wan';

/** The credential pointing at the simulator, under the provider's credential type (from the registry). */
export function simulatorCredentials(sim: Simulator, provider: ProviderId, apiKey = sim.apiKey, fields: Record<string, string> = {}) {
	return { [PROVIDERS[provider].credentialType]: { apiKey, baseUrl: sim.baseUrl(provider), ...sim.credentialFields(provider), ...fields } };
}

export interface WanRun {
	sim: Simulator;
	provider: ProviderId;
	kind: 'video' | 'image';
	parameters: INodeParameters;
	items?: IDataObject[];
	continueOnFail?: boolean;
	apiKey?: string;
	/** Credential fields beside the key and base URL, e.g. Alibaba's `region`. */
	credentialFields?: Record<string, string>;
	binaryMode?: RunOptions['binaryMode'];
}

function workflowOf(run: WanRun) {
	const credentialType = PROVIDERS[run.provider].credentialType;
	return singleNodeWorkflow({
		type: run.kind === 'video' ? 'n8n-nodes-wan.wanVideo' : 'n8n-nodes-wan.wanImage',
		name: NODE_NAME,
		parameters: { provider: run.provider, ...run.parameters },
		credentials: { [credentialType]: { id: '1', name: `${run.provider} (simulator)` } },
		items: run.items,
		continueOnFail: run.continueOnFail,
	});
}

function optionsOf(run: WanRun): RunOptions {
	return {
		credentials: simulatorCredentials(run.sim, run.provider, run.apiKey, run.credentialFields),
		binaryMode: run.binaryMode,
	};
}

/** Runs the Wan node once through n8n-core's engine against the simulator. */
export async function runWan(run: WanRun) {
	return await runWorkflow(workflowOf(run), optionsOf(run));
}

/** Starts the run and hands back its cancel(), as the editor's Stop button. */
export function startWan(run: WanRun) {
	return startWorkflow(workflowOf(run), optionsOf(run));
}

/** Waits until `predicate` holds, checking every 10 ms, failing after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
	const started = Date.now();
	while (!predicate()) {
		if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/**
 * One simulator for the tests of a file (or a describe block): started before them, reset before each
 * (tasks succeed after 150 ms), closed after them. `onStart` receives it.
 */
export function useSimulator(onStart: (sim: Simulator) => void): void {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator();
		onStart(sim);
	});
	afterAll(async () => {
		await sim?.close();
	});
	beforeEach(() => {
		sim?.reset();
		sim?.setBehaviour(() => ({ durationMs: 150, outcome: 'success' }));
	});
}

/**
 * A workflow that must submit exactly once and succeed: what it shows, the node's parameters, exactly the
 * path (without query) and body the simulator received, how many items come out, and what else to check.
 */
export type SubmitCase = [
	title: string,
	parameters: INodeParameters,
	submitted: { path: string; body: unknown },
	items: number,
	more?: (result: RunResult) => void | Promise<void>,
];

/** What the tests of one provider's file share: its simulator, runs that poll fast and answer URLs, what was sent. */
export function providerSuite(provider: ProviderId, onStart: (sim: Simulator) => void) {
	let sim!: Simulator;
	useSimulator((started) => {
		sim = started;
		onStart(started);
	});
	const run = (kind: 'video' | 'image', parameters: INodeParameters, extra: Partial<WanRun> = {}) =>
		runWan({
			sim,
			provider,
			kind,
			parameters: { returnAs: 'url', ...parameters, options: { pollInterval: 0.1, ...(parameters.options as IDataObject) } },
			...extra,
		});
	/** The path (without query) and body of the one submit the simulator received. */
	function submitted(): { path: string; body: unknown } {
		const submits = sim.requests.filter((request) => request.route === 'submit');
		expect(submits).toHaveLength(1);
		expect(sim.tasks).toHaveLength(1);
		return { path: submits[0].path.split('?')[0], body: sim.tasks[0].body };
	}
	return {
		run,
		submitted,
		statusPaths: (): string[] => sim.requests.filter((request) => request.route === 'status').map((request) => request.path),
		/** One test per case: the run succeeds, the one submit is exactly the case's, and so many items come out. */
		itSubmits(kind: 'video' | 'image', cases: SubmitCase[]): void {
			// Rows without `more` are shorter: each test takes its whole row, so jest never sees a done callback.
			it.each(cases.map((row): [string, SubmitCase] => [row[0], row]))('%s', async (_title, [, parameters, expected, items, more]) => {
				const result = await run(kind, parameters);
				expect(result.status).toBe('success');
				expect(submitted()).toStrictEqual(expected);
				expect(result.output(NODE_NAME)).toHaveLength(items);
				await more?.(result);
			});
		},
	};
}
