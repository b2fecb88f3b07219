/**
 * `npm run dev`: the real n8n editor (2.41.1, from the e2e cache) with this package installed as a
 * community package, and the provider simulator running beside it.
 *
 *   npm run dev                       editor on http://localhost:5678, simulator on 127.0.0.1:5690
 *   npm run dev -- --port 5678 --sim-port 5690 --duration-ms 8000 --skip-build
 *
 * State lives in .n8n-dev/ (git-ignored): the n8n user folder (database, owner account, credentials,
 * workflows) survives restarts; delete the folder to start over. The first start imports the examples
 * and one credential per provider pointing at the simulator, under the ids the examples use (those
 * credentials are rewritten when the simulator's port changes). Each start rebuilds and reinstalls the
 * package, so stop (Ctrl-C) and start again to load changes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';

import { ensureN8n, n8nEnv, packAndInstall, type N8nInstall } from './e2e/install';
import { REPO_ROOT, loadExamples, packageProviders, withFilesDir, writeCredentialsFile } from './e2e/providers';
import { FAIL_MARKER, type SimulatorInfo } from './e2e/simulator';

const DEV_DIR = path.join(REPO_ROOT, '.n8n-dev');
const USER_FOLDER = path.join(DEV_DIR, 'user');
const FILES_DIR = path.join(DEV_DIR, 'files');

function option(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

const say = (line: string) => console.log(`[dev] ${line}`);
const children: ChildProcess[] = [];

function stopAll(): void {
	for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

async function startSimulator(port: number, durationMs: number): Promise<SimulatorInfo> {
	const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	const child = spawn(
		tsx,
		[path.join(__dirname, 'e2e', 'simulator.ts'), '--port', String(port), '--duration-ms', String(durationMs), '--exit-on-stdin-close'],
		{ cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
	);
	children.push(child);
	return await new Promise<SimulatorInfo>((resolve, reject) => {
		readline.createInterface({ input: child.stdout! }).once('line', (line) => {
			try {
				resolve(JSON.parse(line) as SimulatorInfo);
			} catch {
				reject(new Error(`simulator: ${line}`));
			}
		});
		child.once('exit', (code) => reject(new Error(`the simulator exited (${code}); is port ${port} taken? (--sim-port)`)));
	});
}

async function n8nCommand(install: N8nInstall, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	const child = spawn(install.node, [install.n8nBin, ...args], { cwd: DEV_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	if (code !== 0) throw new Error(`n8n ${args[0]} failed:\n${output.split('\n').slice(-20).join('\n')}`);
}

async function waitForHealth(url: string, n8n: ChildProcess, timeoutMs = 120_000): Promise<void> {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (n8n.exitCode !== null) throw new Error(`n8n exited (${n8n.exitCode})`);
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
	const port = Number(option('port', '5678'));
	const simPort = Number(option('sim-port', '5690'));
	const brokerPort = Number(option('broker-port', String(simPort + 1)));
	const durationMs = Number(option('duration-ms', '8000'));

	const install = await ensureN8n(say);
	fs.mkdirSync(FILES_DIR, { recursive: true });
	await packAndInstall(install, path.join(DEV_DIR, 'pack'), USER_FOLDER, { build: !process.argv.includes('--skip-build'), say });

	process.on('exit', stopAll);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			stopAll();
			process.exit(0);
		});
	}

	const sim = await startSimulator(simPort, durationMs);
	const providers = packageProviders().filter((p) => sim.baseUrls[p.id]);
	const env = n8nEnv(install, USER_FOLDER, brokerPort, FILES_DIR, { N8N_PORT: String(port), N8N_LOG_LEVEL: 'warn' });

	// The simulator credentials (again whenever the simulator's address changes) and, once, the
	// examples; later edits to the workflows are kept.
	const seeded = path.join(DEV_DIR, '.seeded');
	const seededFor = fs.existsSync(seeded) ? fs.readFileSync(seeded, 'utf8').trim() : '';
	if (seededFor !== sim.origin) {
		const credentialsFile = path.join(DEV_DIR, 'credentials.json');
		writeCredentialsFile(credentialsFile, providers, sim);
		await n8nCommand(install, ['import:credentials', `--input=${credentialsFile}`], env);
		say(`${providers.length} credentials point at the simulator (${sim.origin})`);
	}
	if (!seededFor) {
		const workflowsDir = path.join(DEV_DIR, 'examples');
		fs.rmSync(workflowsDir, { recursive: true, force: true });
		fs.mkdirSync(workflowsDir, { recursive: true });
		for (const example of loadExamples()) {
			// Example 01 writes its video with Read/Write Files: into the folder this n8n may write to.
			const workflow = withFilesDir(example.workflow, FILES_DIR);
			fs.writeFileSync(path.join(workflowsDir, example.file), JSON.stringify(workflow, null, 2));
		}
		await n8nCommand(install, ['import:workflow', '--separate', `--input=${workflowsDir}`], env);
		say(`imported the ${loadExamples().length} example workflows`);
	}
	fs.writeFileSync(seeded, sim.origin);

	say(`starting n8n on port ${port}`);
	const n8n = spawn(install.node, [install.n8nBin, 'start'], { cwd: DEV_DIR, env, stdio: ['ignore', 'inherit', 'inherit'] });
	children.push(n8n);
	n8n.on('exit', (code) => {
		say(`n8n exited (${code})`);
		stopAll();
		process.exit(code ?? 0);
	});
	const url = `http://localhost:${port}`;
	await waitForHealth(url, n8n);

	const width = Math.max(...providers.map((p) => p.displayName.length));
	console.log(`
  n8n ${'2.41.1'} with n8n-nodes-wan:  ${url}
  (first visit: create the owner account; it stays in .n8n-dev/)

  Provider simulator: ${sim.origin}   API key: ${sim.apiKey}
  Tasks take ${durationMs / 1000} s; a prompt containing "${FAIL_MARKER}" makes the task fail.

  Credentials already point at the simulator (one per provider, used by the imported examples).
  To make one yourself: Credentials → Add credential → the provider's credential, then
${providers.map((p) => `    ${p.displayName.padEnd(width)}  API Key ${sim.apiKey}  Base URL ${sim.baseUrls[p.id]}`).join('\n')}

  Examples are under Workflows. Files written by Read/Write Files from Disk must go to
  ${FILES_DIR} (N8N_RESTRICT_FILE_ACCESS_TO here).
  Code changes: Ctrl-C and run npm run dev again (it rebuilds and reinstalls the package).
`);
}

main().catch((error: unknown) => {
	console.error(`dev: ${error instanceof Error ? error.message : String(error)}`);
	stopAll();
	process.exit(1);
});
