/**
 * examples/09 (a batch that pauses, one sub-workflow per item) in a running n8n: its Manual Trigger
 * swapped for a Webhook so the run can start it; everything else as shipped. Each prompt's
 * sub-execution must pause on its own, make no request while waiting, resume on its own callback, and
 * hand the MP4 to the sub-workflow's last node.
 */
import type { INode } from 'n8n-workflow';

import type { N8nInstall } from '../install';
import { loadExample, withProvider, type ProviderInfo, type WorkflowJson } from '../providers';
import { control, delay, type RunningN8n } from '../server';
import type { SimTaskSummary } from '../simulator';
import { allNodes, inlineSubWorkflow } from '../subWorkflows';
import { executionData, executionsOf, type ExecutionSummary } from './n8nApi';

export const BATCH = { id: 'wanCallbackBatch', path: 'wan-callback-batch', example: '09-' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Request = { route: string; taskId?: string };

export function batchWorkflow(provider: ProviderInfo): WorkflowJson {
	const example = withProvider(loadExample(BATCH.example).workflow, provider);
	const manual = example.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger')!;
	const webhook: INode = {
		...manual,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `${BATCH.id}-hook`,
		parameters: { httpMethod: 'POST', path: BATCH.path, responseMode: 'onReceived', options: {} },
	};
	const { [manual.name]: fromTrigger, ...connections } = example.connections;
	return {
		...example,
		id: BATCH.id,
		name: `Callback e2e: ${example.name}`,
		nodes: example.nodes.map((node) => (node === manual ? webhook : node)),
		connections: { ...connections, Webhook: fromTrigger },
	};
}

export interface BatchRun {
	/** The imported batch workflow (`batchWorkflow`). */
	workflow: WorkflowJson;
	n8n: RunningN8n;
	install: N8nInstall;
	/** The simulator's control origin. */
	sim: string;
	trigger: (hookPath: string) => Promise<number>;
	check: (what: string, ok: boolean, detail?: string) => void;
	taskMs: number;
}


/** The parent's execution and its sub-executions (inline, so under the parent's workflow id) once all have one of `statuses`. */
async function awaitBatch(run: BatchRun, items: number, statuses: string[], ms: number): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + ms;
	for (;;) {
		const executions = await executionsOf(run.n8n, BATCH.id);
		const settled = executions.filter((execution) => statuses.includes(execution.status));
		if (executions.length === items + 1 && settled.length === executions.length) return executions;
		if (Date.now() > deadline) {
			throw new Error(`batch: ${executions.map((e) => `${e.id} ${e.status}`).join(', ')} not all ${statuses.join('/')} within ${ms} ms`);
		}
		await delay(250);
	}
}

/** The run data of one execution. */
const runDataOf = async (run: BatchRun, id: string) => ((await executionData(run.n8n, run.install, id)).data as Json).resultData.runData as Json;

export async function checkBatch(run: BatchRun): Promise<void> {
	const { check, workflow } = run;
	const parentNode = workflow.nodes.find((node) => inlineSubWorkflow(node))!;
	const sub = inlineSubWorkflow(parentNode)!;
	const lastNode = allNodes(sub).find((node) => !Object.keys(sub.connections).includes(node.name) && node.type !== 'n8n-nodes-base.stickyNote')!;
	const triggeredAt = Date.now();
	const status = await run.trigger(BATCH.path);
	check('batch: the Webhook trigger answers', status === 200, `HTTP ${status}`);

	// The parent ends at once; it handed each prompt to a sub-execution that paused.
	const started = await awaitBatch(run, 3, ['success', 'waiting'], 30_000);
	const parkedAfterMs = Date.now() - triggeredAt;
	const parent = started.find((execution) => execution.status === 'success');
	const children = started.filter((execution) => execution.status === 'waiting');
	check('batch: the parent ends and each of its 3 prompts\' sub-executions shows as waiting', parent !== undefined && children.length === 3,
		`${started.map((e) => `${e.id} ${e.status}`).join(', ')} after ${parkedAfterMs} ms`);
	const resumesOf = (child: ExecutionSummary) => (task: SimTaskSummary) => task.callbackUrl?.includes(`/webhook-waiting/${child.id}/`);
	const tasks = (await control<SimTaskSummary[]>(run.sim, 'tasks')).filter((task) => children.some((child) => resumesOf(child)(task)));
	const taskOf = (child: ExecutionSummary) => tasks.filter(resumesOf(child));
	check('batch: each sub-execution submitted one task with its own resume URL', tasks.length === 3 && children.every((child) => taskOf(child).length === 1),
		tasks.map((task) => task.callbackUrl?.split('?')[0]).join(', '));
	const statusChecks = async () => {
		const requests = await control<Request[]>(run.sim, 'requests');
		return tasks.map((task) => requests.filter((r) => r.taskId === task.id && r.route === 'status').length);
	};
	const beforeWait = await statusChecks();
	await delay(3000);
	const whileWaiting = await statusChecks();
	check('batch: one status check per task before pausing, none while waiting', whileWaiting.every((count, index) => count === 1 && beforeWait[index] === 1),
		`status checks per task ${beforeWait.join('/')} then ${whileWaiting.join('/')}`);

	const ended = await awaitBatch(run, 3, ['success', 'error'], run.taskMs + 30_000);
	const resumedAfterMs = Date.now() - triggeredAt;
	check('batch: every sub-execution resumed on its callback and succeeded', ended.every((execution) => execution.status === 'success'),
		`${ended.map((e) => `${e.id} ${e.status}`).join(', ')} after ${resumedAfterMs} ms`);
	const afterResume = await statusChecks();
	check('batch: one more status fetch per task on its callback', afterResume.every((count) => count === 2), afterResume.join('/'));
	for (const child of children) {
		const [task] = taskOf(child);
		const runData = await runDataOf(run, child.id);
		const items = (runData[lastNode.name]?.[0]?.data?.main?.[0] ?? []) as Json[];
		const file = items[0]?.binary?.data;
		check(`batch: sub-execution ${child.id}'s "${lastNode.name}" gets its task's MP4 and the prompt's title`,
			items.length === 1 && items[0].json.taskId === task?.id && file?.fileName === `${task?.id}.mp4` && file?.mimeType === 'video/mp4'
			&& typeof items[0].json.title === 'string' && items[0].json.prompt === task?.prompt,
			`${String(items[0]?.json.title)}: ${file?.fileName} ${file?.mimeType}`);
	}
	const parentRun = parent ? await runDataOf(run, parent.id) : {};
	const handedOn = (parentRun[parentNode.name]?.[0]?.data?.main?.[0] ?? []) as Json[];
	check(`batch: the parent's "${parentNode.name}" ran once for each of the 3 prompts`, handedOn.length === 3, `${handedOn.length} items`);
	console.log(`bench: batch of 3: all sub-executions waiting ${parkedAfterMs} ms after the trigger, all resumed ${resumedAfterMs} ms after it for ${run.taskMs} ms tasks`);
}
