/**
 * The processes a test against a running n8n needs (`npm run test:browser`): free ports, the
 * provider simulator as a child process, `n8n import:*`, and `n8n start` with its owner account.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as readline from 'node:readline';

import type { N8nInstall } from './install';
import { REPO_ROOT } from './providers';
import type { SimulatorInfo } from './simulator';

/** `count` distinct free loopback ports: all bound at once (so no two are the same), then released. */
export async function freePorts(count: number): Promise<number[]> {
	const servers = await Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise<net.Server>((resolve, reject) => {
					const server = net.createServer();
					server.once('error', reject);
					server.listen(0, '127.0.0.1', () => resolve(server));
				}),
		),
	);
	const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
	await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
	return ports;
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops a child: `signal` (SIGTERM), then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	await Promise.race([exited, delay(graceMs)]);
	if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export interface RunningSimulator {
	info: SimulatorInfo;
	stop: () => Promise<void>;
}

/** scripts/e2e/simulator.ts as a child process; tasks take `durationMs`. */
export async function startSimulatorProcess(durationMs: number): Promise<RunningSimulator> {
	const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	const child = spawn(tsx, [path.join(__dirname, 'simulator.ts'), '--duration-ms', String(durationMs), '--exit-on-stdin-close'], {
		cwd: REPO_ROOT,
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	const info = await new Promise<SimulatorInfo>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`simulator did not start in 30 s\n${stderr}`)), 30_000);
		readline.createInterface({ input: child.stdout }).once('line', (line) => {
			clearTimeout(timer);
			try {
				resolve(JSON.parse(line) as SimulatorInfo);
			} catch {
				reject(new Error(`simulator said: ${line}\n${stderr}`));
			}
		});
		child.once('exit', (code) => reject(new Error(`simulator exited (${code})\n${stderr}`)));
	});
	process.once('exit', () => child.kill('SIGTERM'));
	return { info, stop: () => stopChild(child) };
}

/** One of the simulator process's control views (scripts/e2e/simulator.ts), at its control `origin`. */
export async function control<T>(origin: string, view: 'tasks' | 'requests' | 'callbacks'): Promise<T> {
	return (await (await fetch(`${origin}/${view}`)).json()) as T;
}

export interface N8nRun {
	code: number | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
}

/** Runs one n8n CLI command to its end; killed after `timeoutMs` when given. */
export function runN8n(install: N8nInstall, args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs?: number): Promise<N8nRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(install.node, [install.n8nBin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const killOnExit = () => child.kill('SIGKILL');
		process.once('exit', killOnExit);
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const timer =
			timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						child.kill('SIGKILL');
					}, timeoutMs);
		const settle = () => {
			clearTimeout(timer);
			process.off('exit', killOnExit);
		};
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', (error) => {
			settle();
			reject(error);
		});
		child.on('close', (code) => {
			settle();
			resolve({ code, stdout, stderr, timedOut });
		});
	});
}

/** Runs one n8n CLI command (import:credentials, import:workflow …) that must succeed; resolves to its output. */
export async function n8nCommand(install: N8nInstall, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
	const { code, stdout, stderr } = await runN8n(install, args, env, cwd);
	const output = stdout + stderr;
	if (code !== 0) throw new Error(`n8n ${args[0]} failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`);
	return output;
}

/**
 * `fetch` for a call to a running n8n that changes nothing (reads, the credential Test), tried again
 * when the connection itself fails: under load a kept-alive socket the server is closing can be reused
 * (undici's "fetch failed", ECONNRESET). The last failure's cause is named. Never for webhook triggers,
 * which would run a workflow twice.
 */
export async function fetchIdempotent(url: string, init?: RequestInit, attempts = 3): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url, init);
		} catch (error) {
			const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
			if (attempt >= attempts) throw new Error(`${init?.method ?? 'GET'} ${new URL(url).pathname}: ${error instanceof Error ? error.message : String(error)}${cause}, ${attempts} tries`);
			await delay(500 * attempt);
		}
	}
}

export interface RunningN8n {
	url: string;
	/** The owner's session cookie (`n8n-auth`), for REST calls and the browser. */
	cookie: { name: string; value: string };
	/** The last lines n8n printed. */
	log: () => string;
	stop: () => Promise<void>;
}

export const OWNER = { email: 'browser@example.com', firstName: 'Browser', lastName: 'Test', password: 'Browser-test-123' };

/**
 * `n8n start` on 127.0.0.1:`port`, waited for until the REST API answers, then the owner account set
 * up through `POST /rest/owner/setup` (what the setup form sends). Logs at `warn` unless told, and
 * into `logFile` too when given.
 */
export async function startN8n(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	cwd: string,
	port: number,
	options: StartOptions = {},
): Promise<RunningN8n> {
	const { url, log, stop } = await spawnStartedN8n(install, env, cwd, port, options);
	try {
		// Controllers are mounted one after the other, and until n8n has fully started it answers
		// 200 "n8n is starting up. Please wait" to every route; a busy machine can make its database ping
		// time out (503 "Database is not ready!"): retry until the setup sets a session cookie.
		let setup: Response | undefined;
		let raw: string | undefined;
		let body = '';
		for (let attempt = 0; attempt < 120; attempt++) {
			setup = await fetch(`${url}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(OWNER),
			});
			raw = (setup.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
			body = await setup.text();
			if (raw || (setup.status !== 404 && setup.status !== 503 && !/starting up/i.test(body))) break;
			await delay(500);
		}
		if (!setup?.ok || !raw) throw new Error(`owner setup: HTTP ${setup?.status} ${body.slice(0, 300)}`);
		const cookie = { name: 'n8n-auth', value: raw.slice('n8n-auth='.length) };
		return { url, cookie, log: () => log().split('\n').slice(-40).join('\n'), stop };
	} catch (error) {
		await stop();
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log().split('\n').slice(-30).join('\n')}`);
	}
}

/**
 * `n8n start` once, until its REST API answers, then stopped: what n8n does only when it starts is then
 * in the user folder. That includes its roles and their scopes: until then the instance owner, whom
 * `n8n execute` runs as, holds no scope, and n8n refuses the credentials of an inline sub-workflow
 * (Execute Workflow → Define Below) to that user. An instance users import the examples into has started.
 */
export async function startOnce(install: N8nInstall, env: NodeJS.ProcessEnv, cwd: string, port: number): Promise<void> {
	await (await spawnStartedN8n(install, env, cwd, port)).stop();
}

interface StartOptions {
	/** n8n's log level; default `warn`. */
	logLevel?: string;
	/** A file that gets all of n8n's output too. */
	logFile?: string;
}

/** `n8n start` on 127.0.0.1:`port`, waited for until its REST API answers. */
async function spawnStartedN8n(install: N8nInstall, env: NodeJS.ProcessEnv, cwd: string, port: number, options: StartOptions = {}) {
	const child = spawn(install.node, [install.n8nBin, 'start'], {
		cwd,
		env: { ...env, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_LOG_LEVEL: options.logLevel ?? 'warn' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const logFile = options.logFile ? fs.createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString('utf8')).slice(-20_000);
		logFile?.write(chunk);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	process.once('exit', () => child.kill('SIGKILL'));
	const url = `http://127.0.0.1:${port}`;
	const log = () => output;
	const stop = () => stopChild(child);
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null || Date.now() > deadline) {
			const problem = child.exitCode !== null ? `n8n start exited (${child.exitCode})` : 'n8n start did not answer /rest/settings within 120 s';
			await stop();
			throw new Error(`${problem}\n${output.split('\n').slice(-30).join('\n')}`);
		}
		// /healthz answers before the REST API is mounted; /rest/settings only once it is (before
		// that it answers 200 with the text "n8n is starting up", so insist on JSON).
		const ready = await fetch(`${url}/rest/settings`).then(
			(response) => response.ok && (response.headers.get('content-type') ?? '').includes('json'),
			() => false,
		);
		if (ready) return { url, log, stop };
		await delay(300);
	}
}
