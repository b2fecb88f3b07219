/**
 * A private PostgreSQL cluster and Redis server for the queue-mode e2e: throwaway data folders, free
 * loopback ports, each process's output in a log file, both stopped by `stop()`. Nothing depends on
 * (or touches) the system's own services. Needs Debian's `postgresql` and `redis-server` packages.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { delay, freePorts, stopChild } from '../server';

export interface Services {
	postgres: { host: string; port: number; user: string; database: string };
	redis: { host: string; port: number };
	stop: () => Promise<void>;
}

const HOST = '127.0.0.1';
const DB_USER = 'n8n';
const DB_NAME = 'n8n';

/** The newest installed PostgreSQL's programs (Debian keeps them off PATH). */
function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	if (!versions[0]) throw new Error(`no PostgreSQL under ${root}: apt-get install postgresql`);
	return path.join(root, versions[0], 'bin');
}

/** initdb and postgres refuse to run as root: as root, they run as Debian's `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

function canConnect(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect(port, HOST, () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

function startLogged(command: string, args: string[], logFile: string, user?: { uid: number; gid: number }): ChildProcess {
	const log = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { stdio: ['ignore', log, log], ...user });
	fs.closeSync(log);
	process.once('exit', () => child.kill('SIGKILL'));
	return child;
}

async function waitFor(what: string, child: ChildProcess, logFile: string, ready: () => Promise<boolean>): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!(await ready())) {
		const tail = () => fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
		if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}):\n${tail()}`);
		if (Date.now() > deadline) throw new Error(`${what} not ready within 30 s:\n${tail()}`);
		await delay(200);
	}
}

/** Starts PostgreSQL (a fresh cluster, trust auth for `n8n` on loopback only) and Redis (no persistence). */
export async function startServices(logDir: string): Promise<Services> {
	const [pgPort, redisPort] = await freePorts(2);
	const user = runAs();
	const bin = postgresBinDir();
	// Outside the (root-only) work folder, so the postgres user can reach it.
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-queue-pg-'));
	if (user) fs.chownSync(dataDir, user.uid, user.gid);
	const stops: Array<() => Promise<void>> = [];
	const stop = async () => {
		for (const stopOne of stops.reverse()) await stopOne();
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		execFileSync(path.join(bin, 'initdb'), ['-D', dataDir, '-U', DB_USER, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], {
			stdio: 'ignore',
			...user,
		});
		const pgLog = path.join(logDir, 'postgres.log');
		const postgres = startLogged(path.join(bin, 'postgres'), ['-D', dataDir, '-p', String(pgPort), '-k', dataDir,
			'-c', `listen_addresses=${HOST}`, '-c', 'fsync=off', '-c', 'max_connections=200'], pgLog, user);
		// SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for n8n's connections to close.
		stops.push(() => stopChild(postgres, 10_000, 'SIGINT'));
		await waitFor('postgres', postgres, pgLog, () => canConnect(pgPort));
		await waitFor('postgres', postgres, pgLog, async () => {
			try {
				execFileSync(path.join(bin, 'createdb'), ['-h', HOST, '-p', String(pgPort), '-U', DB_USER, DB_NAME], { stdio: 'ignore' });
				return true;
			} catch {
				return false; // still starting up
			}
		});

		const redisLog = path.join(logDir, 'redis.log');
		const redis = startLogged('redis-server', ['--bind', HOST, '--port', String(redisPort), '--save', '', '--appendonly', 'no', '--dir', logDir], redisLog);
		stops.push(() => stopChild(redis));
		await waitFor('redis-server', redis, redisLog, () => canConnect(redisPort));
	} catch (error) {
		await stop();
		throw error;
	}
	return { postgres: { host: HOST, port: pgPort, user: DB_USER, database: DB_NAME }, redis: { host: HOST, port: redisPort }, stop };
}
