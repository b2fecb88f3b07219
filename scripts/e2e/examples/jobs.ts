/**
 * The jobs, `concurrency` at a time, each worker in its own copy of the user folder and with its own
 * task broker port: the credential tests (a running n8n) first, then every case.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { n8nEnv } from '../install';
import type { Case } from './cases';
import { credentialTests } from './credentialTests';
import { executeCase } from './execute';
import { say } from './log';
import type { Outcome } from './outcome';
import type { RunSetup } from './prepare';

export interface Jobs extends RunSetup {
	withCredentialTests: boolean;
	concurrency: number;
	/** Where the credential tests' n8n listens. */
	editorPort: number;
	/** One task broker port per worker (at least `concurrency`). */
	brokerPorts: number[];
}

type Job = { kind: 'credentials' } | { kind: 'execute'; testCase: Case };

/** Runs every job; resolves to their outcomes, how many workers ran them and when they started. */
export async function runJobs(jobs: Jobs): Promise<{ outcomes: Outcome[]; workers: number; started: number }> {
	const { install, workDir, filesRoot, cases, sim } = jobs;
	const queue: Job[] = [
		...(jobs.withCredentialTests ? [{ kind: 'credentials' } as Job] : []),
		...cases.map((testCase): Job => ({ kind: 'execute', testCase })),
	];
	const workers = Math.min(jobs.concurrency, queue.length);
	const workerFolders: string[] = [];
	for (let w = 0; w < workers; w++) {
		const folder = path.join(workDir, `worker-${w}`);
		fs.cpSync(jobs.userFolder, folder, { recursive: true });
		workerFolders.push(folder);
	}
	const outcomes: Outcome[] = [];
	const started = performance.now();
	say(`running ${cases.length} workflows${queue.length > cases.length ? ' and the credential tests' : ''}, ${workers} at a time`);
	await Promise.all(
		workerFolders.map(async (folder, worker) => {
			const env = n8nEnv(install, folder, jobs.brokerPorts[worker], filesRoot);
			for (let job = queue.shift(); job; job = queue.shift()) {
				if (job.kind === 'credentials') {
					outcomes.push(...(await credentialTests(install, env, workDir, jobs.providers, sim, cases.length, jobs.editorPort)));
				} else {
					outcomes.push(await executeCase(install, env, workDir, sim, job.testCase, cases.indexOf(job.testCase)));
				}
			}
		}),
	);
	return { outcomes, workers, started };
}
