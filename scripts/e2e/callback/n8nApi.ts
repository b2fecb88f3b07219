/** The few REST and control calls the callback e2e makes to a running n8n and the simulator process. */
import * as path from 'node:path';

import type { N8nInstall } from '../install';
import { control, delay, fetchIdempotent, type RunningN8n } from '../server';

export interface ExecutionSummary {
	id: string;
	status: string;
	startedAt?: string;
	stoppedAt?: string;
}

type Json = Record<string, unknown>;

async function rest<T>(n8n: RunningN8n, route: string): Promise<T> {
	const response = await fetchIdempotent(`${n8n.url}/rest${route}`, { headers: { cookie: `${n8n.cookie.name}=${n8n.cookie.value}` } });
	if (!response.ok) throw new Error(`GET /rest${route}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
	return ((await response.json()) as { data: T }).data;
}

/** The workflow's executions, newest first. */
export async function executionsOf(n8n: RunningN8n, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const data = await rest<{ results: ExecutionSummary[] }>(n8n, `/executions?filter=${filter}&limit=20`);
	return data.results;
}

/** An execution's run data, unflattened with n8n's own `flatted`. */
export async function executionData(n8n: RunningN8n, install: N8nInstall, id: string): Promise<{ status: string; data: Json }> {
	const execution = await rest<{ status: string; data: string }>(n8n, `/executions/${id}`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const flatted = require(path.join(path.dirname(install.n8nBin), '..', '..', 'flatted')) as { parse(text: string): Json };
	return { status: execution.status, data: flatted.parse(execution.data) };
}

/** Waits until the workflow's newest execution has one of `statuses`, and returns it. */
export async function awaitExecution(n8n: RunningN8n, workflowId: string, statuses: string[], ms: number): Promise<ExecutionSummary> {
	const deadline = Date.now() + ms;
	for (;;) {
		const [newest] = await executionsOf(n8n, workflowId);
		if (newest && statuses.includes(newest.status)) return newest;
		if (Date.now() > deadline) throw new Error(`execution of ${workflowId} not ${statuses.join('/')} within ${ms} ms (last: ${newest?.status})`);
		await delay(250);
	}
}

export interface CallbackAttempt {
	taskId: string;
	attempt: number;
	/** 0 until the simulator has read the answer (or when there was none). */
	status: number;
}

/**
 * `taskId`'s callbacks once the simulator has read an answer to one: n8n may end the execution a moment
 * before its answer to the callback reaches the simulator.
 */
export async function answeredCallbacks(origin: string, taskId: string, ms = 2000): Promise<CallbackAttempt[]> {
	const deadline = Date.now() + ms;
	for (;;) {
		const callbacks = (await control<CallbackAttempt[]>(origin, 'callbacks')).filter((c) => c.taskId === taskId);
		if (callbacks.some((c) => c.status !== 0) || Date.now() > deadline) return callbacks;
		await delay(50);
	}
}

/** POSTs `body` to `url` as a provider's callback would; the answer's status. */
export async function postCallback(url: string, body: unknown): Promise<number> {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	await response.arrayBuffer();
	return response.status;
}
