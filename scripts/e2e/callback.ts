/**
 * Pause instead of poll, end to end in a real n8n 2.41.1 (`npm run test:e2e:callback`): the package
 * installed as a community package, the simulator as a process posting real callbacks, `n8n start`,
 * and three Webhook-triggered workflows with one Wan Video node on Wait Method → Pause Until the
 * Provider Calls Back (EvoLink, or --provider <id>):
 * - resumes: the execution shows as waiting after a submit and one status check, makes no further
 *   request while waiting, ignores a forged callback (wrong token) and one for another task, resumes on
 *   the simulator's callback with one status fetch, and the node after it gets the MP4; replaying the
 *   callback afterwards changes nothing (409);
 * - fails: a failing task fails the node with the provider's words;
 * - timesOut: at the node's Timeout the node after it gets the pending task handle, not the input;
 * - timesOutFails: with On Timeout → Fail the Item (the default) the node fails there instead;
 * - batch: examples/09 as shipped (but for a Webhook trigger), each prompt's sub-execution pausing
 *   and resuming on its own callback (callback/batch.ts).
 * Prints one line per check and the bench figures (requests per task, time held while waiting).
 * Options: --provider <id> (apixo, evolink, fal, kie, wavespeed), --skip-build, --keep.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { argumentsOf, flag } from './cli';
import { ensureN8n, n8nEnv, packAndInstall } from './install';
import { packageProviders, writeCredentialsFile } from './providers';
import { control, delay, freePorts, n8nCommand, startN8n, startSimulatorProcess } from './server';
import { answeredCallbacks, awaitExecution, executionData, postCallback } from './callback/n8nApi';
import { batchWorkflow, checkBatch } from './callback/batch';
import { CASES, callbackWorkflow } from './callback/workflows';
import type { SimTaskSummary } from './simulator';

const TASK_MS = 8000;
type Request = { route: string; taskId?: string; status: number };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let failures = 0;
function check(what: string, ok: boolean, detail = ''): void {
	if (!ok) failures++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
}


async function main(): Promise<void> {
	const say = (line: string) => console.log(`· ${line}`);
	const install = await ensureN8n(say);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-callback-'));
	const userFolder = path.join(workDir, 'user');
	const filesDir = path.join(workDir, 'files');
	fs.mkdirSync(filesDir, { recursive: true });
	await packAndInstall(install, workDir, userFolder, { build: !flag('skip-build'), say });
	const simulator = await startSimulatorProcess(TASK_MS);
	const sim = simulator.info.control!;
	const providerId = argumentsOf('provider')[0] ?? 'evolink';
	const evolink = packageProviders().find((provider) => provider.id === providerId);
	if (!evolink) throw new Error(`no provider ${providerId}`);
	say(`provider ${evolink.displayName}`);
	const [port, brokerPort] = await freePorts(2);
	const n8nUrl = `http://127.0.0.1:${port}`;
	const env = n8nEnv(install, userFolder, brokerPort, filesDir, { WEBHOOK_URL: `${n8nUrl}/` });
	writeCredentialsFile(path.join(workDir, 'credentials.json'), [evolink], simulator.info);
	await n8nCommand(install, ['import:credentials', `--input=${path.join(workDir, 'credentials.json')}`], env, workDir);
	const batch = batchWorkflow(evolink);
	const workflows = [...Object.values(CASES).map((test) => callbackWorkflow(evolink, test)), batch];
	for (const workflow of workflows) {
		const file = path.join(workDir, `${workflow.id}.json`);
		fs.writeFileSync(file, JSON.stringify(workflow));
		await n8nCommand(install, ['import:workflow', `--input=${file}`], env, workDir);
		await n8nCommand(install, ['publish:workflow', `--id=${workflow.id}`], env, workDir);
	}
	const n8n = await startN8n(install, env, workDir, port);
	say(`n8n at ${n8nUrl}, simulator at ${simulator.info.origin} (tasks take ${TASK_MS} ms)`);
	// n8n registers the published workflows' webhooks while it starts: a 404 is asked again for a while.
	const trigger = async (hookPath: string) => {
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(`${n8nUrl}/webhook/${hookPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"boat"}' });
			await response.arrayBuffer();
			if (response.status !== 404 || attempt >= 40) return response.status;
			await delay(500);
		}
	};
	// A submit is recorded before its task exists: the one submit of a task is counted with its other requests.
	const requestsFor = async (taskId: string) => [
		{ route: 'submit', status: 200 },
		...(await control<Request[]>(sim, 'requests')).filter((r) => r.taskId === taskId),
	];
	const submits = async () => (await control<Request[]>(sim, 'requests')).filter((r) => r.route === 'submit').length;
	const taskOf = async (prompt: string) => (await control<SimTaskSummary[]>(sim, 'tasks')).find((t) => t.prompt === prompt)!;

	try {
		// --- resumes ---------------------------------------------------------------------------
		const triggeredAt = Date.now();
		const triggered = await trigger(CASES.resumes.path);
		check('resumes: the Webhook trigger answers', triggered === 200, `HTTP ${triggered}`);
		const waiting = await awaitExecution(n8n, CASES.resumes.id, ['waiting', 'success', 'error'], 20_000);
		const parkedAfterMs = Date.now() - triggeredAt;
		check('resumes: the execution shows as waiting', waiting.status === 'waiting', `after ${parkedAfterMs} ms`);
		const task = await taskOf(CASES.resumes.prompt);
		check('resumes: one task submitted', (await submits()) === 1);
		check('resumes: the provider was given the node\'s resume URL with its token', /\/webhook-waiting\/.+wanToken=/.test(task?.callbackUrl ?? ''), task?.callbackUrl);
		const beforeWait = await requestsFor(task.id);
		await delay(3000);
		const whileWaiting = await requestsFor(task.id);
		check('resumes: submit and one status check, then no request while waiting', beforeWait.length === 2 && whileWaiting.length === 2,
			whileWaiting.map((r) => r.route).join(', '));
		const url = new URL(task.callbackUrl!);
		const forged = new URL(url);
		forged.searchParams.set('wanToken', '0'.repeat(64));
		const forgedStatus = await postCallback(forged.toString(), { id: task.id, status: 'completed' });
		// Another task, as each provider names it (EvoLink and WaveSpeed `id`, fal `request_id`, APIXO and Kie `data.taskId`).
		const other = 'task-of-someone-else';
		const otherStatus = await postCallback(url.toString(), { id: other, request_id: other, data: { taskId: other }, status: 'completed' });
		const unsignedStatus = await postCallback(`${url.origin}${url.pathname}`, { id: task.id, status: 'completed' });
		const afterForged = await awaitExecution(n8n, CASES.resumes.id, ['waiting', 'success', 'error'], 5000);
		check('resumes: a forged callback, one without n8n\'s token and one for another task change nothing',
			forgedStatus === 401 && unsignedStatus === 401 && otherStatus === 200 && afterForged.status === 'waiting' && (await requestsFor(task.id)).length === 2,
			`answers ${forgedStatus}, ${unsignedStatus}, ${otherStatus}; execution ${afterForged.status}`);

		const done = await awaitExecution(n8n, CASES.resumes.id, ['success', 'error'], TASK_MS + 30_000);
		const resumedAfterMs = Date.now() - triggeredAt;
		const callbacks = await answeredCallbacks(sim, task.id);
		check('resumes: the simulator\'s callback resumed the execution', done.status === 'success' && callbacks.some((c) => c.status === 200),
			`${done.status} after ${resumedAfterMs} ms; callback answers ${callbacks.map((c) => c.status).join(', ')}`);
		const { data } = await executionData(n8n, install, done.id);
		const runData = (data as Json).resultData.runData as Json;
		const after = runData.Downstream?.[0]?.data?.main?.[0] ?? [];
		const file = after[0]?.binary?.data;
		check('resumes: the node after it gets the MP4, the task and its usage', after.length === 1 && file?.fileName === `${task.id}.mp4` && file?.mimeType === 'video/mp4'
			&& after[0].json.taskId === task.id && after[0].json.status === 'succeeded' && (evolink.id === 'kie' || typeof after[0].json.usage === 'object'), `${file?.fileName} ${file?.mimeType} ${file?.fileSize ?? ''}`);
		const all = await requestsFor(task.id);
		const apiRequests = all.filter((r) => r.route === 'submit' || r.route === 'status');
		check('resumes: one more status fetch on the callback (the body is not trusted)', apiRequests.length === 3, all.map((r) => r.route).join(', '));
		const replay = await postCallback(url.toString(), { id: task.id, status: 'completed' });
		const afterReplay = await awaitExecution(n8n, CASES.resumes.id, ['success', 'error', 'waiting'], 5000);
		check('resumes: a replayed callback changes nothing', replay === 409 && afterReplay.status === 'success' && afterReplay.stoppedAt === done.stoppedAt
			&& (await requestsFor(task.id)).length === all.length, `answer ${replay}`);
		const wanRuns = (runData['Wan Video'] ?? []) as Json[];
		const resumedRunMs = wanRuns.reduce((sum, run) => sum + Number(run.executionTime ?? 0), 0);
		console.log(`bench: requests to the provider per task: ${apiRequests.length} (submit + ${apiRequests.length - 1} status) + ${all.length - apiRequests.length} download;`
			+ ` execution parked ${parkedAfterMs} ms after the trigger, resumed ${resumedAfterMs} ms after it for a ${TASK_MS} ms task;`
			+ ` node run time after resuming ${resumedRunMs} ms; held while waiting: 0 ms (status waiting, no process)`);

		// --- fails -----------------------------------------------------------------------------
		await trigger(CASES.fails.path);
		await awaitExecution(n8n, CASES.fails.id, ['waiting'], 20_000);
		const failed = await awaitExecution(n8n, CASES.fails.id, ['success', 'error'], TASK_MS + 30_000);
		const failedData = (await executionData(n8n, install, failed.id)).data as Json;
		const message = String(failedData.resultData?.error?.message ?? '');
		check('fails: a failed task fails the node with the provider\'s words', failed.status === 'error' && /content policy/i.test(message)
			&& !failedData.resultData.runData.Downstream, message);

		// --- batch -----------------------------------------------------------------------------
		await checkBatch({ workflow: batch, n8n, install, sim, trigger, check, taskMs: TASK_MS });

		// --- timesOut --------------------------------------------------------------------------
		await trigger(CASES.timesOut.path);
		await trigger(CASES.timesOutFails.path);
		const slow = await awaitExecution(n8n, CASES.timesOut.id, ['waiting'], 20_000);
		await awaitExecution(n8n, CASES.timesOutFails.id, ['waiting'], 20_000);
		// n8n's wait tracker looks for due executions every 60 s.
		const ended = await awaitExecution(n8n, CASES.timesOut.id, ['success', 'error'], 90_000);
		const endedData = (await executionData(n8n, install, ended.id)).data as Json;
		const handle = endedData.resultData.runData.Downstream?.[0]?.data?.main?.[0]?.[0]?.json ?? {};
		check('timesOut: at the Timeout the node after it gets the pending handle, not the input', slow.id === ended.id && ended.status === 'success'
			&& typeof handle.taskId === 'string' && handle.provider === evolink.id && handle.title === undefined && ['queued', 'running'].includes(handle.status) && handle.url === undefined,
			JSON.stringify(handle));
		const timedOut = await awaitExecution(n8n, CASES.timesOutFails.id, ['success', 'error'], 90_000);
		const timedOutData = (await executionData(n8n, install, timedOut.id)).data as Json;
		const timeoutMessage = String(timedOutData.resultData?.error?.message ?? '');
		check('timesOutFails: with On Timeout → Fail the Item the node fails naming the task', timedOut.status === 'error'
			&& /did not finish within 2 s/.test(timeoutMessage) && !timedOutData.resultData.runData.Downstream, timeoutMessage);
	} finally {
		await n8n.stop();
		await simulator.stop();
		if (!flag('keep')) fs.rmSync(workDir, { recursive: true, force: true });
		else say(`kept ${workDir}`);
	}
	console.log(failures === 0 ? 'all callback checks passed' : `${failures} callback check(s) FAILED`);
	process.exit(failures === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exit(1);
});
