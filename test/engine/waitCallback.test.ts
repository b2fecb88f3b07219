/**
 * Wait Method → Pause Until the Provider Calls Back through n8n-core's engine: what the node does up to
 * the pause (the resume itself needs n8n's webhook server: `npm run test:e2e:callback`).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow, type RunOptions } from '../harness';
import type { Simulator } from '../simulator';
import { NODE_NAME, simulatorCredentials, useSimulator } from './support';

let sim: Simulator;
useSimulator((started) => (sim = started));

const PAUSE: INodeParameters = {
	operation: 'generate',
	mode: 'textToVideo',
	model: 'wan2.5',
	prompt: 'a paper boat',
	resolution: '720p',
	aspectRatio: '16:9',
	duration: 5,
	waitForCompletion: true,
	returnAs: 'url',
	options: { waitMethod: 'callback', pollInterval: 0.1 },
};

async function run(parameters: INodeParameters, items: IDataObject[] = [{ title: 'boat' }], additionalData: RunOptions['additionalData'] = {}) {
	const workflow = singleNodeWorkflow({
		type: 'n8n-nodes-wan.wanVideo',
		name: NODE_NAME,
		parameters: { provider: 'evolink', ...parameters },
		credentials: { evoLinkApi: { id: '1', name: 'evolink (simulator)' } },
		items,
	});
	const result = await runWorkflow(workflow, { credentials: simulatorCredentials(sim, 'evolink'), additionalData });
	return { result, node: workflow.nodes[1] };
}

const routes = () => sim.requests.map((request) => request.route);

describe('pausing for the callback', () => {
	it('submits with the resume URL and token, checks once, then parks the execution until the timeout', async () => {
		sim.setBehaviour(() => ({ durationMs: 60_000 }));
		const before = Date.now();
		const { result, node } = await run({ ...PAUSE, options: { waitMethod: 'callback', timeout: 300 } });
		expect(result.status).toBe('waiting');
		expect(routes()).toEqual(['submit', 'status']);
		const callback = new URL(String((sim.tasks[0].body as IDataObject).callback_url));
		expect(callback.pathname).toBe(`/webhook-waiting/${result.executionId}/${node.id}`);
		expect(callback.searchParams.get('wanToken')).toMatch(/^[0-9a-f]{64}$/);
		expect(callback.searchParams.get('signature')).toBeTruthy();
		const waitTill = new Date(result.run.waitTill!).getTime();
		expect(waitTill).toBeGreaterThanOrEqual(before + 300_000);
		expect(waitTill).toBeLessThan(Date.now() + 300_000 + 1000);
		// What n8n passes on at the time limit: the pending handle (not the input item), and the timeout error to fail with.
		const entry = result.run.data.executionData!.nodeExecutionStack[0];
		expect(entry.node.name).toBe(NODE_NAME);
		expect(entry.data.main[0]).toEqual([
			{ json: { provider: 'evolink', model: 'wan2.5-text-to-video', taskId: sim.tasks[0].id, status: 'queued', progress: 0, usage: expect.any(Object) }, pairedItem: { item: 0 } },
		]);
		expect(entry.metadata?.resumeError?.message).toMatch(new RegExp(`task ${sim.tasks[0].id} did not finish within 300 s`));
		// The task is recorded with the execution for the callback.
		expect(Object.values(result.run.data.resultData.metadata ?? {})).toEqual([expect.stringContaining(sim.tasks[0].id)]);
	});

	it('with On Timeout → Return Pending Task parks without an error to fail with', async () => {
		sim.setBehaviour(() => ({ durationMs: 60_000 }));
		const { result } = await run({ ...PAUSE, options: { waitMethod: 'callback', onTimeout: 'returnPending' } });
		expect(result.status).toBe('waiting');
		expect(result.run.data.executionData!.nodeExecutionStack[0].metadata?.resumeError).toBeUndefined();
	});

	it('does not park a task that ended by the status check: its items come at once, as polling gives them', async () => {
		sim.setBehaviour(() => ({ durationMs: 0 }));
		const { result } = await run(PAUSE);
		expect(result.status).toBe('success');
		expect(routes()).toEqual(['submit', 'status']);
		expect(result.output(NODE_NAME)).toEqual([
			{ json: expect.objectContaining({ taskId: sim.tasks[0].id, status: 'succeeded', url: expect.stringContaining('/files/') }), pairedItem: { item: 0 } },
		]);
	});

	it('fails the item at the status check when the task failed by then, in the provider\'s words', async () => {
		sim.setBehaviour(() => ({ durationMs: 0, outcome: 'failure' }));
		const { result } = await run(PAUSE);
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/Content policy|content_policy/i);
	});
});

describe('when the node polls instead', () => {
	it('polls a batch of two items: a node resumes once per execution', async () => {
		const { result } = await run(PAUSE, [{ title: 'one' }, { title: 'two' }]);
		expect(result.status).toBe('success');
		expect(result.output(NODE_NAME)).toHaveLength(2);
		expect(sim.tasks.map((task) => (task.body as IDataObject).callback_url)).toEqual([undefined, undefined]);
	});

	it("refuses before anything is sent when a provider on the internet could not call this n8n back", async () => {
		const workflow = singleNodeWorkflow({
			type: 'n8n-nodes-wan.wanVideo',
			name: NODE_NAME,
			parameters: { provider: 'evolink', ...PAUSE },
			credentials: { evoLinkApi: { id: '1', name: 'evolink' } },
		});
		// n8n on localhost (the harness's resume URL), EvoLink's own address: nothing may be sent.
		const result = await runWorkflow(workflow, { credentials: { evoLinkApi: { apiKey: 'sk-test', baseUrl: 'https://api.evolink.invalid' } } });
		expect(result.status).toBe('error');
		expect(result.nodeError(NODE_NAME)?.message).toMatch(/Wait Method/);
		expect(JSON.stringify(result.nodeError(NODE_NAME))).toMatch(/cannot be called back: it is on localhost.*Poll If the Provider Cannot Call Back/);
	});
});
