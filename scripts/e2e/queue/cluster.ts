/**
 * n8n in queue mode: one `n8n start` main and `n8n worker` processes sharing PostgreSQL, Redis, the
 * encryption key and the user folder (where the community package is installed). Every process logs
 * at info into its own file, written by the process itself, so a killed worker's last lines are there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { n8nEnv, type N8nInstall } from '../install';
import { delay, freePorts, startN8n, stopChild, type RunningN8n } from '../server';
import type { Services } from './services';

/** Jobs each worker takes at once: two, so four concurrent batches need both workers. */
export const WORKER_CONCURRENCY = 2;

/**
 * A killed worker's job is declared stalled once its lock lapses (n8n: 60 s lock, checked every 30 s);
 * shortened here so the e2e sees the execution's end in seconds. n8n never re-runs a stalled job.
 */
const STALL_SETTINGS = { QUEUE_WORKER_LOCK_DURATION: '8000', QUEUE_WORKER_LOCK_RENEW_TIME: '2000', QUEUE_WORKER_STALLED_INTERVAL: '4000' };

export interface Worker {
	name: string;
	logFile: string;
	child: ChildProcess;
	/** Everything the worker has printed so far. */
	log: () => string;
}

/** The environment every process of the cluster shares. */
export function queueEnv(install: N8nInstall, userFolder: string, filesDir: string, services: Services, n8nUrl: string): NodeJS.ProcessEnv {
	return n8nEnv(install, userFolder, 0, filesDir, {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: services.redis.host,
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: services.postgres.host,
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: services.postgres.database,
		DB_POSTGRESDB_USER: services.postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		WEBHOOK_URL: `${n8nUrl}/`,
		N8N_LOG_LEVEL: 'info',
		...STALL_SETTINGS,
	});
}

export async function startMain(install: N8nInstall, env: NodeJS.ProcessEnv, workDir: string, port: number): Promise<RunningN8n> {
	const [brokerPort] = await freePorts(1);
	return await startN8n(install, { ...env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) }, workDir, port, {
		logLevel: 'info',
		logFile: path.join(workDir, 'main.log'),
	});
}

/** `n8n worker`, waited for until its health check says it is connected to the database and Redis. */
export async function startWorker(install: N8nInstall, env: NodeJS.ProcessEnv, workDir: string, name: string): Promise<Worker> {
	const [brokerPort, healthPort] = await freePorts(2);
	const logFile = path.join(workDir, `${name}.log`);
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(install.node, [install.n8nBin, 'worker', `--concurrency=${WORKER_CONCURRENCY}`], {
		cwd: workDir,
		env: {
			...env,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
		},
		stdio: ['ignore', fd, fd],
	});
	fs.closeSync(fd);
	process.once('exit', () => child.kill('SIGKILL'));
	const worker = { name, logFile, child, log: () => fs.readFileSync(logFile, 'utf8') };
	const deadline = Date.now() + 120_000;
	for (;;) {
		const ready = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`).then((r) => r.ok, () => false);
		if (ready) return worker;
		if (child.exitCode !== null || Date.now() > deadline) {
			await stopChild(child);
			throw new Error(`${name} did not become ready (exit ${child.exitCode}):\n${worker.log().split('\n').slice(-30).join('\n')}`);
		}
		await delay(300);
	}
}

export const stopWorker = (worker: Worker) => stopChild(worker.child);
