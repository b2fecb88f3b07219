/**
 * `npm run test:e2e`: the examples/ workflows, run by a real n8n (2.41.1 on node 24) with this package
 * installed as a community package, against the provider simulator, on every provider the package has.
 *
 *   1. node 24 + n8n from the cache (installed once, see install.ts)
 *   2. `npm run build`, `npm pack`, and `npm i --omit=peer --ignore-scripts <tgz>` into a temporary
 *      user folder's `.n8n/nodes`, exactly where n8n puts community packages
 *   3. the simulator as its own process (scripts/e2e/simulator.ts)
 *   4. `n8n import:credentials` (one credential per provider, pointing at the simulator) and
 *      `n8n import:workflow` (every example × every provider that serves it, plus one workflow per
 *      provider whose task fails); with an example that defines a sub-workflow inline, `n8n start`
 *      once, so n8n's roles are in place as on any instance (server.ts startOnce)
 *   5. `n8n execute --id=<id> --rawOutput` for each, a few at a time (each worker its own copy of the
 *      user folder and task broker port); assertions on the JSON n8n prints
 *   6. alongside, `n8n start` once: owner setup, then the editor's credential Test for every provider
 *      with the right key (must say OK), a wrong one and a wrong base URL (must say Error, in the words
 *      every provider shares: credentials/apiKeyCredential.ts); and what the editor loads
 *      (/types/nodes.json, /types/credentials.json): no Custom API Call in the Wan nodes, and each
 *      credential's own light and dark icon, served
 *
 * The workflows are the examples as shipped, with only what a run here needs changed: the provider
 * and its credential (and the model where the provider lacks the example's), Poll Interval 1 s
 * unless set (the simulator's tasks take 1 s), Wait nodes 1 s instead of minutes, file paths
 * in a temporary folder, Wait Method → Poll (a paused execution would end with `n8n execute`), and
 * Execute Workflow waiting for its sub-executions, whose results it then outputs and the run checks.
 *
 * Options: --provider <id> (repeatable), --workflow <file prefix> (repeatable), --concurrency <n>
 * (default 3), --skip-build, --keep (keep the temporary folder), --credentials-only (step 6 alone).
 * Ends with `N passed, N failed`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as readline from 'node:readline';

import { wrongAddressMessage, wrongKeyMessage } from '../../credentials/apiKeyCredential';
import { CONTRACTS } from '../../test/fixtures/contract';
import { mp4Bytes, pngBytes } from '../../test/simulator/media';
import { argumentsOf, flag } from './cli';
import { ensureN8n, isInstalled, n8nEnv, packAndInstall, type N8nInstall } from './install';
import {
	REPO_ROOT,
	credentialData,
	filesRead,
	kindOfType,
	loadExamples,
	packageProviders,
	providerServes,
	unpackagedProviders,
	withFilesDir,
	withProvider,
	writeCredentialsFile,
	type ProviderInfo,
	type WorkflowJson,
} from './providers';
import { freePorts, startOnce } from './server';
import { allNodes, inlineSubWorkflow, mapNodes } from './subWorkflows';
import { FAIL_MARKER, SCRIPTED_FAILURE, type SimTaskSummary, type SimulatorInfo } from './simulator';

const EXECUTE_TIMEOUT_MS = 180_000;
/** Where the examples write files; replaced by a folder of the run. */

type Json = Record<string, unknown>;

interface Case {
	workflowId: string;
	/** Row of the table: the example file, or "task fails". */
	row: string;
	provider: ProviderInfo;
	workflow: WorkflowJson;
	expectFailure: boolean;
	filesDir: string;
}

interface Outcome {
	/** Row and column of the table. */
	row: string;
	provider: ProviderInfo;
	/** Workflow id, or what else was tested. */
	id: string;
	/** For ordering the table. */
	order: number;
	passed: boolean;
	seconds: number;
	summary: string;
	problems: string[];
	log?: string;
}

// ---------------------------------------------------------------------------------------------------
// Output

const t0 = performance.now();
const elapsed = (since = t0) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[e2e ${elapsed()}] ${line}`);

// ---------------------------------------------------------------------------------------------------
// Helpers


/** The JSON n8n printed: from the first line that is exactly `{` to the end of its top-level object. */
export function parseN8nJson(stdout: string): Json | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index > start && line === '}');
	if (end < 0) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as Json;
	} catch {
		return undefined;
	}
}

function runN8n(
	install: N8nInstall,
	args: string[],
	env: NodeJS.ProcessEnv,
	cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
	return new Promise((resolve, reject) => {
		const child = spawn(install.node, [install.n8nBin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, EXECUTE_TIMEOUT_MS);
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, timedOut });
		});
	});
}

async function startSimulatorProcess(): Promise<{ info: SimulatorInfo; stop: () => Promise<void> }> {
	const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	const child = spawn(tsx, [path.join(__dirname, 'simulator.ts'), '--duration-ms', '1000', '--exit-on-stdin-close'], {
		cwd: REPO_ROOT,
		stdio: ['pipe', 'pipe', 'pipe'],
		env: process.env,
	});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	const info = await new Promise<SimulatorInfo>((resolve, reject) => {
		const lines = readline.createInterface({ input: child.stdout });
		const timer = setTimeout(() => reject(new Error(`simulator did not start in 30 s\n${stderr}`)), 30_000);
		lines.once('line', (line) => {
			clearTimeout(timer);
			try {
				resolve(JSON.parse(line) as SimulatorInfo);
			} catch {
				reject(new Error(`simulator said: ${line}\n${stderr}`));
			}
		});
		child.once('exit', (code) => reject(new Error(`simulator exited (${code})\n${stderr}`)));
	});
	const stop = () =>
		new Promise<void>((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
		});
	process.once('exit', () => child.kill('SIGTERM'));
	return { info, stop };
}

async function simTasks(info: SimulatorInfo): Promise<SimTaskSummary[]> {
	const response = await fetch(`${info.control}/tasks`);
	return (await response.json()) as SimTaskSummary[];
}

// ---------------------------------------------------------------------------------------------------
// The cases: every example × every provider that serves it, and one failing task per provider

function adaptForRun(example: WorkflowJson, filesDir: string): WorkflowJson {
	return mapNodes(withFilesDir(example, filesDir), (node) => {
		const parameters = { ...node.parameters };
		if (kindOfType(node.type)) {
			// The examples keep n8n's defaults (video polls every 10 s); the simulator's tasks take 1 s.
			const options = { ...((parameters.options as Json | undefined) ?? {}) };
			options.pollInterval ??= 1;
			// A pause would end with `n8n execute`'s process: the simulator, on this machine, could call
			// back, so the node would pause rather than poll (npm run test:e2e:callback runs the pause).
			if (options.waitMethod === 'callback') options.waitMethod = 'poll';
			parameters.options = options as typeof parameters.options;
		}
		if (inlineSubWorkflow(node)) {
			// Waiting for each sub-execution puts its results in this run's output, where they are checked.
			parameters.options = { ...((parameters.options as Json | undefined) ?? {}), waitForSubWorkflow: true };
		}
		if (node.type === 'n8n-nodes-base.wait') {
			// Minutes in the example (the execution is saved and resumed later); a second here, where
			// `n8n execute` waits in-process.
			parameters.amount = 1;
			parameters.unit = 'seconds';
		}
		return { ...node, parameters };
	});
}

function failingVariant(workflow: WorkflowJson): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			kindOfType(node.type) && typeof node.parameters.prompt === 'string'
				? { ...node, parameters: { ...node.parameters, prompt: `${node.parameters.prompt} ${FAIL_MARKER}` } }
				: node,
		),
	};
}

function buildCases(providers: ProviderInfo[], workflowFilter: string[], filesRoot: string): Case[] {
	const examples = loadExamples();
	const selected = (file: string) => workflowFilter.length === 0 || workflowFilter.some((prefix) => file.startsWith(prefix));
	const cases: Case[] = [];
	for (const provider of providers) {
		examples.forEach((example, index) => {
			if (!selected(example.file) || !providerServes(example.workflow, provider)) return;
			const workflowId = `e2e-${String(index + 1).padStart(2, '0')}-${provider.id}`.slice(0, 21);
			const filesDir = path.join(filesRoot, workflowId);
			const workflow = adaptForRun(withProvider(example.workflow, provider), filesDir);
			cases.push({
				workflowId,
				row: example.file.replace(/\.json$/, ''),
				provider,
				workflow: { ...workflow, id: workflowId, name: `${example.workflow.name} [${provider.id}]` },
				expectFailure: false,
				filesDir,
			});
		});
		// The text-to-video example (the first example with a video node that waits), its task failing.
		const base = examples.find((example) =>
			example.workflow.nodes.some((node) => kindOfType(node.type) === 'video' && node.parameters.waitForCompletion !== false),
		);
		if (base && provider.kinds.includes('video') && workflowFilter.length === 0) {
			const workflowId = `e2e-fail-${provider.id}`.slice(0, 21);
			const filesDir = path.join(filesRoot, workflowId);
			const workflow = adaptForRun(failingVariant(withProvider(base.workflow, provider)), filesDir);
			cases.push({
				workflowId,
				row: `task fails (${base.file.slice(0, 2)} + ${FAIL_MARKER})`,
				provider,
				workflow: { ...workflow, id: workflowId, name: `Task fails [${provider.id}]` },
				expectFailure: true,
				filesDir,
			});
		}
	}
	return cases;
}

// ---------------------------------------------------------------------------------------------------
// Assertions on the JSON n8n printed

interface TaskData {
	executionStatus?: string;
	error?: Json;
	data?: { main?: ({ json: Json; binary?: Record<string, Json>; pairedItem?: Json }[] | null)[] };
	source?: ({ previousNode: string } | null)[];
}

function reachableFrom(workflow: WorkflowJson, start: string): string[] {
	const seen = new Set<string>([start]);
	const queue = [start];
	while (queue.length) {
		const name = queue.shift()!;
		const outputs = (workflow.connections[name] as { main?: { node: string }[][] } | undefined)?.main ?? [];
		for (const target of outputs.flat()) {
			if (target && !seen.has(target.node)) {
				seen.add(target.node);
				queue.push(target.node);
			}
		}
	}
	return [...seen];
}

function safeName(taskId: string): string {
	return taskId.replace(/[^A-Za-z0-9._-]/g, '_');
}

class Checker {
	readonly problems: string[] = [];

	expect(condition: unknown, message: string): boolean {
		if (!condition) this.problems.push(message);
		return Boolean(condition);
	}
}

function checkSuccess(testCase: Case, result: Json, tasks: SimTaskSummary[], check: Checker): string {
	const { workflow, provider } = testCase;
	const resultData = (result.data as Json | undefined)?.resultData as Json | undefined;
	const runData = (resultData?.runData ?? {}) as Record<string, TaskData[]>;
	check.expect(result.status === 'success', `execution status "${String(result.status)}", expected "success"`);
	check.expect(!resultData?.error, `execution error: ${String((resultData?.error as Json | undefined)?.message)}`);

	// `n8n execute` starts at the Manual Trigger, but in a workflow with another trigger too (the
	// scheduled example) n8n 2.41 runs that one instead: whichever trigger ran, once, is the start.
	const triggers = workflow.nodes.filter((node) => /trigger/i.test(node.type) && runData[node.name]);
	if (!check.expect(triggers.length === 1, `${triggers.length} triggers ran (${triggers.map((t) => t.name).join(', ')}), expected one`)) return '';
	const expectedNodes = reachableFrom(workflow, triggers[0].name);
	const output = (name: string) => runData[name]?.[0]?.data?.main?.[0] ?? [];
	const inputOf = (name: string) => {
		const previous = runData[name]?.[0]?.source?.[0]?.previousNode;
		return previous ? output(previous) : [];
	};
	const summary: string[] = [];

	for (const name of expectedNodes) {
		const node = workflow.nodes.find((n) => n.name === name)!;
		const tasksOfNode = runData[name];
		if (!check.expect(tasksOfNode?.length === 1, `node "${name}" ran ${tasksOfNode?.length ?? 0} times, expected once`)) continue;
		const task = tasksOfNode[0];
		check.expect(task.executionStatus === 'success', `node "${name}": ${task.executionStatus} ${String(task.error?.message ?? '')}`);
		const items = output(name);
		const input = inputOf(name);
		// An Execute Workflow node outputs what its inline sub-workflow's Wan node made (passed on to its end).
		const sub = inlineSubWorkflow(node);
		const producer = (sub && allNodes(sub).find((n) => kindOfType(n.type))) || node;
		const kind = kindOfType(producer.type);

		if (kind) {
			const parameters = producer.parameters;
			const operation = parameters.operation ?? 'generate';
			const waits = parameters.waitForCompletion !== false;
			const perInput = kind === 'image' && operation === 'generate' ? Number(parameters.numberOfImages ?? 1) : 1;
			check.expect(items.length === input.length * perInput, `"${name}": ${items.length} items from ${input.length} input items, expected ${input.length * perInput}`);
			const taskIds = new Set<string>();
			items.forEach((item, index) => {
				const json = item.json;
				const where = `"${name}" item ${index}`;
				const taskId = String(json.taskId ?? '');
				taskIds.add(taskId);
				check.expect(json.provider === provider.id, `${where}: provider ${String(json.provider)}, expected ${provider.id}`);
				const simTask = tasks.find((t) => t.id === taskId);
				check.expect(simTask && simTask.provider === provider.id && simTask.kind === kind, `${where}: task id "${taskId}" is not a ${provider.id} ${kind} task of the simulator`);
				const inputIndex = Math.floor(index / perInput);
				check.expect(
					(item.pairedItem as Json | undefined)?.item === inputIndex,
					`${where}: pairedItem ${JSON.stringify(item.pairedItem)}, expected { item: ${inputIndex} }`,
				);
				if (operation === 'getTask') {
					check.expect(taskId === String(input[inputIndex]?.json.taskId), `${where}: Get Task returned task ${taskId}, expected the input's ${String(input[inputIndex]?.json.taskId)}`);
				}
				if (!waits) {
					check.expect(['queued', 'running'].includes(String(json.status)), `${where}: status ${String(json.status)}, expected queued or running`);
					check.expect(!item.binary, `${where}: has binary without waiting`);
					check.expect(typeof json.model === 'string' && json.model !== '', `${where}: no model in the handle`);
					return;
				}
				check.expect(json.status === 'succeeded', `${where}: status ${String(json.status)}, expected succeeded`);
				check.expect(json.index === index % perInput, `${where}: index ${String(json.index)}, expected ${index % perInput}`);
				check.expect(Array.isArray(json.urls) && (json.urls as unknown[]).length === perInput, `${where}: urls ${JSON.stringify(json.urls)}`);
				if ((parameters.returnAs ?? 'binary') !== 'binary') return;
				const field = String((parameters.options as Json | undefined)?.binaryPropertyName ?? 'data');
				const binary = item.binary?.[field];
				if (!check.expect(binary, `${where}: no binary.${field}`)) return;
				const fileIndex = Number(json.index ?? 0);
				const expected =
					kind === 'video'
						? { fileName: `${safeName(taskId)}.mp4`, mimeType: 'video/mp4', bytes: mp4Bytes().length }
						: { fileName: `${safeName(taskId)}-${fileIndex}.png`, mimeType: 'image/png', bytes: pngBytes(fileIndex).length };
				check.expect(binary!.fileName === expected.fileName, `${where}: file name ${String(binary!.fileName)}, expected ${expected.fileName}`);
				check.expect(binary!.mimeType === expected.mimeType, `${where}: MIME type ${String(binary!.mimeType)}, expected ${expected.mimeType}`);
				check.expect(binary!.bytes === expected.bytes, `${where}: ${String(binary!.bytes)} bytes, expected ${expected.bytes}`);
				check.expect(String(binary!.id ?? '').startsWith('filesystem'), `${where}: binary not in n8n's filesystem store (${String(binary!.id)})`);
			});
			if (operation === 'generate') {
				const distinct = kind === 'image' ? input.length : items.length;
				check.expect(taskIds.size === distinct, `"${name}": ${taskIds.size} distinct task ids, expected ${distinct}`);
			}
			const ext = kind === 'video' ? 'mp4' : 'png';
			summary.push(
				operation === 'getTask'
					? `getTask ${items.length} ${ext}`
					: waits
						? `${items.length} ${(parameters.returnAs ?? 'binary') === 'binary' ? ext : 'url'}`
						: `${items.length} handle`,
			);
		} else if (node.type === 'n8n-nodes-base.readWriteFile' && node.parameters.operation !== 'write') {
			// A read: the file the run put in place, as the item's binary `data` for the Wan node to name.
			const [read] = items;
			check.expect(items.length === 1 && read?.binary?.data, `"${name}": ${items.length} items, expected one with binary data`);
			summary.push(`read ${String(read?.binary?.data?.fileName ?? '?')}`);
		} else if (node.type === 'n8n-nodes-base.readWriteFile') {
			check.expect(items.length === input.length, `"${name}": ${items.length} items, expected ${input.length}`);
			for (const item of items) {
				const file = String(item.json.fileName ?? '');
				const inside = file.startsWith(testCase.filesDir + path.sep);
				if (!check.expect(inside && fs.existsSync(file), `"${name}": file ${file} not written in ${testCase.filesDir}`)) continue;
				const written = fs.readFileSync(file);
				const expected = file.endsWith('.mp4') ? mp4Bytes() : undefined;
				check.expect(!expected || written.equals(expected), `"${name}": ${file} (${written.length} bytes) differs from the served MP4`);
				summary.push(`wrote ${written.length} B`);
			}
		} else if (node.type === 'n8n-nodes-base.code') {
			check.expect(items.length > 1, `"${name}": ${items.length} items, expected a list`);
			summary.push(`${items.length} prompts`);
		} else if (!/trigger/i.test(node.type)) {
			check.expect(items.length === input.length, `"${name}": ${items.length} items, expected ${input.length} (its input)`);
		}
	}
	return summary.join(', ');
}

function checkFailure(testCase: Case, result: Json | undefined, code: number | null, tasks: SimTaskSummary[], check: Checker): string {
	check.expect(code === 1, `exit code ${code}, expected 1 (workflow error)`);
	if (!check.expect(result, 'n8n printed no execution JSON')) return '';
	const resultData = (result!.data as Json | undefined)?.resultData as Json | undefined;
	const error = resultData?.error as Json | undefined;
	check.expect(result!.status === 'error', `execution status "${String(result!.status)}", expected "error"`);
	const message = String(error?.message ?? '');
	check.expect(message.includes(SCRIPTED_FAILURE.message), `error message "${message}" lacks the provider's "${SCRIPTED_FAILURE.message}"`);
	const failed = tasks.filter((task) => task.provider === testCase.provider.id && task.outcome === 'failure');
	check.expect(
		failed.some((task) => message.includes(task.id)),
		`error message "${message}" names none of the failed ${testCase.provider.id} task ids (${failed.map((t) => t.id).join(', ')})`,
	);
	const wanNode = testCase.workflow.nodes.find((node) => kindOfType(node.type));
	check.expect((error?.node as Json | undefined)?.name === wanNode?.name, `error from node ${String((error?.node as Json | undefined)?.name)}, expected ${wanNode?.name}`);
	return `error: ${message.length > 160 ? `${message.slice(0, 157)}…` : message}`;
}

// ---------------------------------------------------------------------------------------------------
// Credential tests: the editor's "Test" button, through a running n8n's REST API

const CREDENTIAL_ROW = 'credential test (right / wrong key / wrong URL)';
const EDITOR_ROW = 'editor (own icon, no Custom API Call)';
/** The operation n8n adds to nodes whose credential the HTTP Request node could borrow. */
const CUSTOM_API_CALL_KEY = '__CUSTOM_API_CALL__';

async function credentialTests(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	cwd: string,
	providers: ProviderInfo[],
	sim: SimulatorInfo,
	order: number,
	port: number,
): Promise<Outcome[]> {
	const started = performance.now();
	const child = spawn(install.node, [install.n8nBin, 'start'], {
		cwd,
		env: { ...env, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
	const base = `http://127.0.0.1:${port}`;
	const outcomes: Outcome[] = [];
	const fail = (message: string) => {
		say(`FAIL credential tests: ${message.split('\n')[0].slice(0, 200)}`);
		return providers.flatMap((provider) =>
			[CREDENTIAL_ROW, EDITOR_ROW].map((row, index) => ({
				row,
				provider,
				id: `${index === 0 ? 'credential test' : 'editor'} ${provider.id}`,
				order: order + index,
				passed: false,
				seconds: (performance.now() - started) / 1000,
				summary: '',
				problems: [message],
				log: log.split('\n').slice(-40).join('\n'),
			})),
		);
	};
	try {
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (child.exitCode !== null) return fail(`n8n start exited (${child.exitCode})`);
			if (Date.now() > deadline) return fail('n8n start did not answer /rest/settings within 120 s');
			// /healthz answers before the REST API is mounted; /rest/settings only once it is.
			const ready = await fetch(`${base}/rest/settings`).then(
				(r) => r.ok,
				() => false,
			);
			if (ready) break;
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
		// Controllers are mounted one after the other: retry while the owner route is not there yet (404),
		// while n8n still answers "n8n is starting up" (HTTP 200), and while a busy machine makes its
		// database ping time out (503 "Database is not ready!").
		let setup: Response;
		let setupText: string;
		for (let attempt = 0; ; attempt++) {
			setup = await fetch(`${base}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: 'e2e@example.com', firstName: 'E2E', lastName: 'Test', password: 'E2e-password-123' }),
			});
			setupText = await setup.text();
			const notYet = setup.status === 404 || setup.status === 503 || /starting up/i.test(setupText);
			if (!notYet || attempt >= 240) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		const cookie = (setup.headers.getSetCookie?.() ?? [])
			.map((c) => c.split(';')[0])
			.join('; ');
		if (!setup.ok || !cookie) return fail(`owner setup: HTTP ${setup.status} ${setupText}`);
		const testCredential = async (provider: ProviderInfo, apiKey: string, baseUrl = sim.baseUrls[provider.id]) => {
			const response = await fetch(`${base}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({
					credentials: {
						...provider.credentialRef,
						type: provider.credentialType,
						data: credentialData(provider, apiKey, baseUrl, sim.credentialFields[provider.id]),
					},
				}),
			});
			const body = (await response.json().catch(() => ({}))) as { data?: { status?: string; message?: string } };
			return { http: response.status, status: body.data?.status, message: body.data?.message ?? JSON.stringify(body) };
		};
		const expectAnswer = (check: Checker, what: string, got: Awaited<ReturnType<typeof testCredential>>, status: string, message?: string) =>
			check.expect(
				got.status === status && (message === undefined || got.message === message),
				`${what}: ${got.status ?? `HTTP ${got.http}`} "${got.message}", expected ${status}${message === undefined ? '' : ` "${message}"`}`,
			);
		// What the editor loads: the node and credential types as n8n 2.41 serves them to the browser.
		const typesOf = async (file: string) => {
			const response = await fetch(`${base}/types/${file}`, { headers: { cookie } });
			if (!response.ok) throw new Error(`/types/${file}: HTTP ${response.status}`);
			return (await response.json()) as Json[];
		};
		const nodeTypes = await typesOf('nodes.json');
		const credentialTypes = await typesOf('credentials.json');
		const wanNodes = nodeTypes.filter((type) => String(type.name).startsWith('n8n-nodes-wan.'));
		const offering = nodeTypes.filter((type) => JSON.stringify(type.properties ?? []).includes(CUSTOM_API_CALL_KEY));
		for (const provider of providers) {
			const providerStarted = performance.now();
			const check = new Checker();
			const { provider: name, scope } = CONTRACTS[provider.id].credentialTest;
			const right = await testCredential(provider, sim.apiKey);
			const wrong = await testCredential(provider, `${sim.apiKey}-wrong`);
			const elsewhere = await testCredential(provider, sim.apiKey, `${sim.origin}/nowhere`);
			expectAnswer(check, 'right key', right, 'OK');
			expectAnswer(check, 'wrong key', wrong, 'Error', wrongKeyMessage(name, scope));
			expectAnswer(check, 'wrong base URL', elsewhere, 'Error', wrongAddressMessage(name, scope));
			outcomes.push({
				row: CREDENTIAL_ROW,
				provider,
				id: `credential test ${provider.id}`,
				order,
				passed: check.problems.length === 0,
				seconds: (performance.now() - providerStarted) / 1000,
				summary: `right: ${right.message} / wrong: ${wrong.message} / wrong URL: ${elsewhere.message}`,
				problems: check.problems,
			});

			const editorStarted = performance.now();
			const editor = new Checker();
			const served = wanNodes.filter((type) => JSON.stringify(type.credentials ?? []).includes(`"${provider.credentialType}"`));
			editor.expect(served.length >= provider.kinds.length, `${served.length} Wan node types take ${provider.credentialType}, expected at least ${provider.kinds.length}`);
			for (const type of served) {
				editor.expect(!JSON.stringify(type.properties).includes(CUSTOM_API_CALL_KEY), `${String(type.name)} offers a Custom API Call`);
			}
			// The check can fail: this n8n does add the option to nodes whose credential has `authenticate`.
			editor.expect(offering.length > 0, 'no node type of this n8n offers a Custom API Call: the check above proves nothing');
			const credentialType = credentialTypes.find((type) => type.name === provider.credentialType);
			const iconUrl = credentialType?.iconUrl as { light?: string; dark?: string } | undefined;
			const icons: string[] = [];
			if (editor.expect(iconUrl?.light && iconUrl.dark && iconUrl.light !== iconUrl.dark, `credential icon ${JSON.stringify(iconUrl)}, expected a light and a dark one`)) {
				for (const url of [iconUrl!.light!, iconUrl!.dark!]) {
					const response = await fetch(`${base}/${url}`, { headers: { cookie } });
					const text = await response.text();
					editor.expect(response.ok && text.trimStart().startsWith('<svg'), `icon ${url}: HTTP ${response.status}, ${text.slice(0, 40)}`);
					editor.expect(!/\/wan(\.dark)?\.svg$/.test(url), `icon ${url} is the nodes' Wan icon`);
					icons.push(path.basename(url));
				}
			}
			outcomes.push({
				row: EDITOR_ROW,
				provider,
				id: `editor ${provider.id}`,
				order: order + 1,
				passed: editor.problems.length === 0,
				seconds: (performance.now() - editorStarted) / 1000,
				summary: `${served.map((type) => String(type.name)).join(', ')}: no Custom API Call (${offering.length} n8n node types have one); icons ${icons.join(', ')}`,
				problems: editor.problems,
			});
		}
		for (const outcome of outcomes) say(`${outcome.passed ? 'ok  ' : 'FAIL'} ${outcome.id}: ${outcome.summary}`);
		say(`n8n start + owner setup + ${providers.length * 3} credential tests: ${elapsed(started)}`);
		return outcomes;
	} catch (error) {
		return fail(`credential tests: ${error instanceof Error ? error.message : String(error)}`);
	} finally {
		if (child.exitCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}
}

// ---------------------------------------------------------------------------------------------------
// Table

function printTable(outcomes: Outcome[], providers: ProviderInfo[]): void {
	const rows = [...new Set(outcomes.map((o) => o.row))];
	const cell = (row: string, provider: ProviderInfo) => {
		const outcome = outcomes.find((o) => o.row === row && o.provider.id === provider.id);
		if (!outcome) return '—';
		return `${outcome.passed ? 'ok' : 'FAIL'} ${outcome.seconds.toFixed(1)}s`;
	};
	const header = ['workflow \\ provider', ...providers.map((p) => p.id)];
	const body = rows.map((row) => [row, ...providers.map((p) => cell(row, p))]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
	console.log(line(header));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const row of body) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const providerFilter = argumentsOf('provider');
	const workflowFilter = argumentsOf('workflow');
	const concurrency = Math.max(1, Number(argumentsOf('concurrency')[0] ?? 3));
	const keep = flag('keep');

	// 1. n8n
	const wasInstalled = isInstalled();
	const installStarted = performance.now();
	const install = await ensureN8n((line) => say(line));
	const installSeconds = (performance.now() - installStarted) / 1000;
	say(wasInstalled ? `n8n 2.41.1 and node 24 from the cache (${install.cacheDir})` : `installed n8n in ${installSeconds.toFixed(0)} s`);

	// 2. the package, packed and installed as a community package
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-e2e-'));
	let removeWorkDir = !keep;
	process.once('exit', () => {
		if (removeWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
	});
	const baseUser = path.join(workDir, 'user');
	await packAndInstall(install, workDir, baseUser, { build: !flag('skip-build'), say });

	// 3. simulator
	const simulator = await startSimulatorProcess();
	say(`simulator at ${simulator.info.origin}`);

	// 4. providers, credentials, workflows
	const all = packageProviders();
	const providers = all.filter((p) => providerFilter.length === 0 || providerFilter.includes(p.id));
	// An adapter whose credential package.json does not list: the node would ask for a credential
	// type n8n does not know. A packaging bug, counted as a failure.
	const unpackaged = providerFilter.length === 0 ? unpackagedProviders() : [];
	for (const line of unpackaged) say(`FAIL: provider ${line}`);
	const unsimulated = providers.filter((p) => !simulator.info.baseUrls[p.id]);
	for (const p of unsimulated) say(`FAIL: the simulator has no ${p.id} provider (test/simulator/providers/)`);
	const tested = providers.filter((p) => simulator.info.baseUrls[p.id]);
	say(`providers: ${tested.map((p) => p.id).join(', ')}`);

	const filesRoot = path.join(workDir, 'files');
	fs.mkdirSync(filesRoot, { recursive: true });
	const cases = flag('credentials-only') ? [] : buildCases(tested, workflowFilter, filesRoot);
	for (const c of cases) {
		fs.mkdirSync(c.filesDir, { recursive: true });
		// What the example's Read/Write Files nodes load: a sample of the kind its name says.
		for (const file of filesRead(c.workflow)) fs.writeFileSync(file, file.endsWith('.mp4') ? mp4Bytes() : pngBytes(1));
	}

	const credentialsFile = path.join(workDir, 'credentials.json');
	writeCredentialsFile(credentialsFile, tested, simulator.info);
	const workflowsDir = path.join(workDir, 'workflows');
	fs.mkdirSync(workflowsDir);
	for (const c of cases) fs.writeFileSync(path.join(workflowsDir, `${c.workflowId}.json`), JSON.stringify(c.workflow, null, 2));

	// Ports: one task broker for the imports, one per worker, and the editor of the credential tests.
	const ports = await freePorts(concurrency + 2);
	const setupEnv = n8nEnv(install, baseUser, ports[0], filesRoot);
	const importStarted = performance.now();
	for (const args of [
		['import:credentials', `--input=${credentialsFile}`],
		...(cases.length > 0 ? [['import:workflow', '--separate', `--input=${workflowsDir}`]] : []),
	]) {
		const result = await runN8n(install, args, setupEnv, workDir);
		const text = result.stdout + result.stderr;
		if (result.code !== 0 || !/Successfully imported/.test(text)) {
			throw new Error(`n8n ${args[0]} failed (exit ${result.code}):\n${text.split('\n').slice(-30).join('\n')}`);
		}
	}
	say(`imported ${tested.length} credentials and ${cases.length} workflows (${elapsed(importStarted)})`);
	if (cases.some((c) => allNodes(c.workflow).some((node) => inlineSubWorkflow(node)))) {
		await startOnce(install, setupEnv, workDir, ports[1]);
		say(`n8n started once in the user folder, as any instance has been: roles and scopes in place (${elapsed(importStarted)})`);
	}

	// 5. jobs, `concurrency` at a time, each worker in its own copy of the user folder: the credential
	//    tests (a running n8n) first, then every workflow
	type Job = { kind: 'credentials' } | { kind: 'execute'; testCase: Case };
	const queue: Job[] = [
		...(workflowFilter.length === 0 ? [{ kind: 'credentials' } as Job] : []),
		...cases.map((testCase): Job => ({ kind: 'execute', testCase })),
	];
	const workers = Math.min(concurrency, queue.length);
	const workerFolders: string[] = [];
	for (let w = 0; w < workers; w++) {
		const folder = path.join(workDir, `worker-${w}`);
		fs.cpSync(baseUser, folder, { recursive: true });
		workerFolders.push(folder);
	}
	const outcomes: Outcome[] = [];
	const executeStarted = performance.now();
	say(`running ${cases.length} workflows${queue.length > cases.length ? ' and the credential tests' : ''}, ${workers} at a time`);
	await Promise.all(
		workerFolders.map(async (folder, worker) => {
			const env = n8nEnv(install, folder, ports[2 + worker], filesRoot);
			for (let job = queue.shift(); job; job = queue.shift()) {
				if (job.kind === 'credentials') {
					outcomes.push(...(await credentialTests(install, env, workDir, tested, simulator.info, cases.length, ports[1])));
					continue;
				}
				const { testCase } = job;
				const started = performance.now();
				const check = new Checker();
				let summary = '';
				let log: string | undefined;
				try {
					const result = await runN8n(install, ['execute', `--id=${testCase.workflowId}`, '--rawOutput'], env, workDir);
					const json = parseN8nJson(result.stdout);
					const tasks = await simTasks(simulator.info);
					if (result.timedOut) check.expect(false, `timed out after ${EXECUTE_TIMEOUT_MS / 1000} s`);
					if (testCase.expectFailure) {
						summary = checkFailure(testCase, json, result.code, tasks, check);
					} else {
						check.expect(result.code === 0, `exit code ${result.code}`);
						if (check.expect(json, 'n8n printed no execution JSON')) summary = checkSuccess(testCase, json!, tasks, check);
					}
					if (check.problems.length) log = (result.stdout + '\n' + result.stderr).split('\n').slice(-60).join('\n');
				} catch (error) {
					check.expect(false, `could not run: ${error instanceof Error ? error.message : String(error)}`);
				}
				const outcome: Outcome = {
					row: testCase.row,
					provider: testCase.provider,
					id: testCase.workflowId,
					order: cases.indexOf(testCase),
					passed: check.problems.length === 0,
					seconds: (performance.now() - started) / 1000,
					summary,
					problems: check.problems,
					log,
				};
				outcomes.push(outcome);
				say(`${outcome.passed ? 'ok  ' : 'FAIL'} ${testCase.workflowId.padEnd(21)} ${outcome.seconds.toFixed(1)} s  ${summary}`);
			}
		}),
	);
	await simulator.stop();

	// Report
	const failures = outcomes.filter((o) => !o.passed);
	for (const failure of failures) {
		console.log(`\n✘ ${failure.id} (${failure.row}, ${failure.provider.id})`);
		for (const problem of failure.problems) console.log(`  - ${problem}`);
		if (failure.log) console.log(`  n8n output (tail):\n${failure.log.replace(/^/gm, '    | ')}`);
	}
	console.log('');
	printTable([...outcomes].sort((a, b) => a.order - b.order), tested);
	console.log('');
	console.log('cells: ok <seconds> = one `n8n execute` (process start to exit), or for the credential test the');
	console.log('       three Test calls on a running n8n; — = the provider does not serve it');
	console.log(
		`install ${wasInstalled ? 'cached' : `${installSeconds.toFixed(0)} s (cold)`}, runs ${elapsed(executeStarted)} (${workers} at a time), total wall time ${elapsed()}`,
	);
	for (const line of unpackaged) console.log(`✘ provider ${line}`);
	for (const p of unsimulated) console.log(`✘ provider ${p.id}: the simulator has no ${p.id} provider`);
	if (failures.length > 0 || unsimulated.length > 0 || unpackaged.length > 0) {
		removeWorkDir = false;
		console.log(`kept ${workDir} for inspection`);
	}
	const failed = failures.length + unsimulated.length + unpackaged.length;
	console.log(`${outcomes.length - failures.length} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
	console.error(`e2e: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
