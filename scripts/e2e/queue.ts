/**
 * The package in n8n's queue mode, end to end (`npm run test:e2e:queue`): a private PostgreSQL and
 * Redis, one `n8n start` main and two `n8n worker` processes (n8n 2.41.1, the packed package installed
 * as a community package), the simulator with 20 s jobs (EvoLink, or --provider <id>), and two
 * published Webhook workflows (queue/workflows.ts). Checks:
 * - one call, a 20-item batch: 20 outputs in item order with their task, succeeded, the MP4 stored in
 *   the database with the exact bytes; 20 submits, none twice;
 * - four batches at once: all 80 outputs right, executions on both workers;
 * - a worker SIGKILLed mid-poll: its log's `Wan task submitted` lines name exactly the 20 tasks the
 *   simulator made; the surviving worker fetches them all with Get Task; no task is submitted again.
 * Options: --provider <id>, --skip-build, --keep (keep the work folder with every process's log).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { argumentsOf, flag } from './cli';
import { executionData, executionsOf } from './callback/n8nApi';
import { ensureN8n, packAndInstall, type N8nInstall } from './install';
import { packageProviders, writeCredentialsFile } from './providers';
import { control, delay, freePorts, n8nCommand, startSimulatorProcess, type RunningN8n, type RunningSimulator } from './server';
import { queueEnv, startMain, startWorker, stopWorker, type Worker } from './queue/cluster';
import { outputProblems, promptsOf, submitLines, taskIdsByItem, type SubmitLine } from './queue/outputs';
import { startServices, type Services } from './queue/services';
import { BATCH, RECOVER, batchWorkflow, recoverWorkflow } from './queue/workflows';
import type { SimTaskSummary } from './simulator';

const TASK_MS = 20_000;
const ITEMS = 20;
const KILL_AFTER_SUBMITS_MS = 5000;
type Request = { route: string; taskId?: string };

let failures = 0;
function check(what: string, ok: boolean, detail = ''): void {
	if (!ok) failures++;
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
}
const started = Date.now();
const say = (line: string) => console.log(`· [${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

interface Cluster {
	n8n: RunningN8n;
	workers: Worker[];
	sim: string;
	install: N8nInstall;
}

/** POSTs `{ items }` to a published workflow's Webhook (asked again while n8n still registers it). */
async function trigger(n8n: RunningN8n, hookPath: string, items: object[]): Promise<{ status: number; body: unknown }> {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(`${n8n.url}/webhook/${hookPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ items }),
		});
		const text = await response.text();
		if (response.status !== 404 || attempt >= 40) return { status: response.status, body: text.startsWith('[') ? JSON.parse(text) : text };
		await delay(500);
	}
}

const tasks = (cluster: Cluster) => control<SimTaskSummary[]>(cluster.sim, 'tasks');
const submitCount = async (cluster: Cluster) => (await control<Request[]>(cluster.sim, 'requests')).filter((r) => r.route === 'submit').length;
const linesOf = (workers: Worker[]) => workers.flatMap((worker) => submitLines(worker.log()).map((line) => ({ ...line, worker: worker.name })));

/** Runs one batch through the Webhook and checks it; the worker and execution that ran it. */
async function batch(cluster: Cluster, label: string): Promise<{ worker?: string; execution?: string }> {
	const { status, body } = await trigger(cluster.n8n, BATCH.path, promptsOf(label, ITEMS));
	const outputs = Array.isArray(body) ? (body as Array<{ taskId?: string; status?: string }>) : [];
	const expected = taskIdsByItem(await tasks(cluster), label, ITEMS);
	const lines = linesOf(cluster.workers).filter((line) => expected.includes(line.taskId));
	const executions = [...new Set(lines.map((line) => line.execution))];
	check(`${label}: the Webhook answers ${ITEMS} items in item order, each succeeded with its task`, status === 200 && outputs.length === ITEMS
		&& outputs.every((output, i) => output.status === 'succeeded' && output.taskId !== undefined && output.taskId === expected[i]),
		`HTTP ${status}, ${outputs.length} items`);
	check(`${label}: one submit per item, logged by the worker that ran it`, expected.every(Boolean) && lines.length === ITEMS && executions.length === 1,
		`${expected.filter(Boolean).length} tasks, ${lines.length} log lines, executions ${executions.join(', ')}`);
	if (executions.length !== 1) return {};
	const problems = await outputProblems(cluster.n8n, cluster.install, executions[0], expected as string[]);
	check(`${label}: execution ${executions[0]} stored ${ITEMS} outputs paired in order, MP4 bytes exact from the database store`, problems.length === 0, problems.slice(0, 3).join('; '));
	return { worker: lines[0].worker, execution: executions[0] };
}

async function oneBatch(cluster: Cluster): Promise<void> {
	const before = await submitCount(cluster);
	const t = Date.now();
	const ran = await batch(cluster, 'single');
	check('single: the simulator saw exactly 20 submits', (await submitCount(cluster)) - before === ITEMS, `on ${ran.worker}, ${Date.now() - t} ms`);
}

async function fourBatches(cluster: Cluster): Promise<void> {
	const before = await submitCount(cluster);
	const t = Date.now();
	const runs = await Promise.all(['batch1', 'batch2', 'batch3', 'batch4'].map((label) => batch(cluster, label)));
	check('four at once: the simulator saw exactly 80 submits', (await submitCount(cluster)) - before === 4 * ITEMS, `${Date.now() - t} ms`);
	const byWorker = cluster.workers.map((worker) => `${worker.name}: ${runs.filter((run) => run.worker === worker.name).map((run) => `execution ${run.execution}`).join(', ') || 'none'}`);
	check('four at once: both workers ran executions', cluster.workers.every((worker) => runs.some((run) => run.worker === worker.name)), byWorker.join('; '));
}

/** Triggers a batch, waits until its 20 tasks are submitted and logged, then SIGKILLs the worker while it polls. */
async function killMidPoll(cluster: Cluster, label: string): Promise<{ victim?: Worker; made: string[]; pending: Promise<{ status: number }> }> {
	const triggeredAt = Date.now();
	const pending = trigger(cluster.n8n, BATCH.path, promptsOf(label, ITEMS));
	// A task exists at the simulator a moment before its submit's answer is logged: wait for both.
	const deadline = Date.now() + 60_000;
	let made: string[] = [];
	let victim: Worker | undefined;
	while (Date.now() < deadline) {
		await delay(250);
		made = taskIdsByItem(await tasks(cluster), label, ITEMS).filter((id): id is string => id !== undefined);
		victim = cluster.workers.find((worker) => submitLines(worker.log()).some((line) => made.includes(line.taskId)));
		const logged = victim ? submitLines(victim.log()).filter((line) => made.includes(line.taskId)).length : 0;
		if (made.length === ITEMS && logged === ITEMS) break;
	}
	// Into the wait for results (a provider's estimate may put the first status check near the end).
	await delay(KILL_AFTER_SUBMITS_MS);
	const checks = (await control<Request[]>(cluster.sim, 'requests')).filter((r) => r.route !== 'submit' && made.includes(r.taskId ?? '')).length;
	const killedAfterMs = Date.now() - triggeredAt;
	check(`killed: 20 tasks submitted, then the worker running them is sent SIGKILL while it waits for them`,
		made.length === ITEMS && victim !== undefined && killedAfterMs < TASK_MS,
		`${made.length} tasks on ${victim?.name}, killed ${killedAfterMs} ms after the trigger, ${checks} status checks so far; tasks take ${TASK_MS} ms`);
	if (victim) {
		victim.child.kill('SIGKILL');
		await new Promise((resolve) => victim.child.once('exit', resolve));
	}
	return { victim, made, pending };
}

async function killedWorker(cluster: Cluster): Promise<void> {
	const label = 'killed';
	const submitsBefore = await submitCount(cluster);
	const { victim, made, pending } = await killMidPoll(cluster, label);
	if (!victim) return;
	const survivors = cluster.workers.filter((worker) => worker !== victim);
	const logged: SubmitLine[] = submitLines(fs.readFileSync(victim.logFile, 'utf8')).filter((line) => line.workflow === BATCH.id);
	const execution = logged.find((line) => made.includes(line.taskId))?.execution;
	const ofExecution = logged.filter((line) => line.execution === execution).sort((a, b) => a.item - b.item);
	check(`killed: ${victim.name}'s log names exactly the simulator's ${ITEMS} tasks of execution ${execution}`,
		ofExecution.length === ITEMS && ofExecution.every((line, i) => line.item === i && line.taskId === made[i]), `${ofExecution.length} lines`);
	console.log(`recovered from ${victim.name}'s log: ${ofExecution.map((line) => line.taskId).join(' ')}`);

	const recovered = await trigger(cluster.n8n, RECOVER.path, ofExecution.map(({ taskId, model }) => ({ taskId, model })));
	const outputs = Array.isArray(recovered.body) ? (recovered.body as Array<{ taskId?: string; status?: string }>) : [];
	check(`killed: Get Task on ${survivors.map((w) => w.name).join(', ')} fetched all ${ITEMS}, each succeeded`, recovered.status === 200
		&& outputs.length === ITEMS && outputs.every((output, i) => output.taskId === made[i] && output.status === 'succeeded'),
		`HTTP ${recovered.status}, ${outputs.filter((output) => output.status === 'succeeded').length} succeeded`);
	const [recovery] = await executionsOf(cluster.n8n, RECOVER.id);
	const ranOn = survivors.filter((worker) => worker.log().includes(`Worker started execution ${recovery?.id} `)).map((worker) => worker.name);
	const problems = recovery ? await outputProblems(cluster.n8n, cluster.install, recovery.id, made) : ['no execution'];
	check(`killed: the recovery (execution ${recovery?.id}, run by ${ranOn.join(', ') || 'no surviving worker'}) stored each task's MP4, exact bytes`,
		ranOn.length === 1 && problems.length === 0, problems.slice(0, 3).join('; '));

	const answer = await Promise.race([pending, delay(60_000).then(() => ({ status: 'none within 60 s' }))]);
	const final = execution ? await executionData(cluster.n8n, cluster.install, execution) : undefined;
	const message = String((final?.data as { resultData?: { error?: { message?: string } } } | undefined)?.resultData?.error?.message ?? '');
	const submits = (await submitCount(cluster)) - submitsBefore;
	check('killed: n8n fails the killed execution and does not run it again; nothing was submitted twice', ['error', 'crashed'].includes(final?.status ?? '') && submits === ITEMS,
		`execution ${execution}: ${final?.status}${message ? ` "${message}"` : ''}; the caller got HTTP ${answer.status}; ${submits} submits since the trigger`);
}

async function main(): Promise<void> {
	const install = await ensureN8n(say);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-queue-'));
	const userFolder = path.join(workDir, 'user');
	const filesDir = path.join(workDir, 'files');
	fs.mkdirSync(filesDir, { recursive: true });
	const provider = packageProviders().find((p) => p.id === (argumentsOf('provider')[0] ?? 'evolink'));
	if (!provider) throw new Error(`no provider ${argumentsOf('provider')[0]}`);
	let services: Services | undefined;
	let simulator: RunningSimulator | undefined;
	let n8n: RunningN8n | undefined;
	const workers: Worker[] = [];
	const cleanUp = async () => {
		for (const worker of workers) await stopWorker(worker);
		await n8n?.stop();
		await simulator?.stop();
		await services?.stop();
		if (!flag('keep')) fs.rmSync(workDir, { recursive: true, force: true });
		else say(`kept ${workDir}`);
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
	try {
		await packAndInstall(install, workDir, userFolder, { build: !flag('skip-build'), say });
		services = await startServices(workDir);
		say(`PostgreSQL on :${services.postgres.port}, Redis on :${services.redis.port}`);
		simulator = await startSimulatorProcess(TASK_MS);
		const [port] = await freePorts(1);
		const env = queueEnv(install, userFolder, filesDir, services, `http://127.0.0.1:${port}`);
		writeCredentialsFile(path.join(workDir, 'credentials.json'), [provider], simulator.info);
		await n8nCommand(install, ['import:credentials', `--input=${path.join(workDir, 'credentials.json')}`], env, workDir);
		say('credentials imported (n8n created its tables)');
		const workflowsDir = path.join(workDir, 'workflows');
		fs.mkdirSync(workflowsDir);
		const workflows = [batchWorkflow(provider), recoverWorkflow(provider)];
		for (const workflow of workflows) fs.writeFileSync(path.join(workflowsDir, `${workflow.id}.json`), JSON.stringify(workflow));
		await n8nCommand(install, ['import:workflow', '--separate', `--input=${workflowsDir}`], env, workDir);
		await Promise.all(workflows.map((workflow) => n8nCommand(install, ['publish:workflow', `--id=${workflow.id}`], env, workDir)));
		say('workflows imported and published');
		n8n = await startMain(install, env, workDir, port);
		say('main started');
		workers.push(...(await Promise.all(['worker1', 'worker2'].map((name) => startWorker(install, env, workDir, name)))));
		say(`queue mode: main at ${n8n.url}, ${workers.length} workers; ${provider.displayName} simulator, ${TASK_MS / 1000} s jobs; logs in ${workDir}`);
		const cluster: Cluster = { n8n, workers, sim: simulator.info.control!, install };
		await oneBatch(cluster);
		await fourBatches(cluster);
		await killedWorker(cluster);
	} finally {
		await cleanUp();
	}
	say(failures === 0 ? 'all queue-mode checks passed' : `${failures} queue-mode check(s) FAILED`);
	process.exit(failures === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exit(1);
});
