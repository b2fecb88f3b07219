/** One case run by `n8n execute --id=<id> --rawOutput`, then checked against what it printed and the simulator's tasks. */
import { performance } from 'node:perf_hooks';

import type { N8nInstall } from '../install';
import { control, runN8n } from '../server';
import type { SimTaskSummary, SimulatorInfo } from '../simulator';
import type { Case } from './cases';
import { checkFailure } from './failureChecks';
import { say } from './log';
import { Checker, type Json, type Outcome } from './outcome';
import { checkSuccess } from './successChecks';

const EXECUTE_TIMEOUT_MS = 180_000;

/** The JSON n8n printed: from the first line that is exactly `{` to the end of its top-level object. */
function parseN8nJson(stdout: string): Json | undefined {
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

/** Runs `testCase` in the user folder of `env`; says and returns its outcome (`order` is its place in the table). */
export async function executeCase(install: N8nInstall, env: NodeJS.ProcessEnv, cwd: string, sim: SimulatorInfo, testCase: Case, order: number): Promise<Outcome> {
	const started = performance.now();
	const check = new Checker();
	let summary = '';
	let log: string | undefined;
	try {
		const result = await runN8n(install, ['execute', `--id=${testCase.workflowId}`, '--rawOutput'], env, cwd, EXECUTE_TIMEOUT_MS);
		const json = parseN8nJson(result.stdout);
		const tasks = await control<SimTaskSummary[]>(sim.control!, 'tasks');
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
		order,
		passed: check.problems.length === 0,
		seconds: (performance.now() - started) / 1000,
		summary,
		problems: check.problems,
		log,
	};
	say(`${outcome.passed ? 'ok  ' : 'FAIL'} ${testCase.workflowId.padEnd(21)} ${outcome.seconds.toFixed(1)} s  ${summary}`);
	return outcome;
}
