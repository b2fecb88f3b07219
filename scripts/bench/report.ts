/**
 * The bench's results: a Markdown table (scenario | this package | baseline | ratio | target | result)
 * and the details below it, printed with the machine and the simulator's settings.
 */
import * as os from 'node:os';

import { seconds } from './format';

export type Verdict = 'PASS' | 'FAIL' | '—';

export interface Row {
	scenario: string;
	ours: string;
	baseline: string;
	ratio: string;
	target: string;
	verdict: Verdict;
}

export const verdict = (pass: boolean): Verdict => (pass ? 'PASS' : 'FAIL');

export class Report {
	readonly rows: Row[] = [];
	readonly notes: string[] = [];

	add(row: Row): void {
		this.rows.push(row);
	}

	note(text: string): void {
		this.notes.push(text);
	}

	/** A scenario that could not be measured: a failed row, and why in the details. */
	fail(scenario: string, target: string, error: unknown): void {
		const message = error instanceof Error ? error.message : String(error);
		this.add({ scenario, ours: 'error', baseline: '—', ratio: '—', target, verdict: 'FAIL' });
		this.note(`${scenario}: ${message}`);
	}

	failed(): Row[] {
		return this.rows.filter((row) => row.verdict === 'FAIL');
	}

	table(): string {
		const header = ['Scenario', 'This package', 'Baseline', 'Ratio (this ÷ baseline)', 'Target', 'Result'];
		const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
		for (const row of this.rows) {
			lines.push(`| ${[row.scenario, row.ours, row.baseline, row.ratio, row.target, row.verdict].join(' | ')} |`);
		}
		return lines.join('\n');
	}

	/** The whole report on stdout; `simulator` lists the scenarios' settings, `tookMs` the bench's run time. */
	print(simulator: string[], tookMs: number): void {
		const failed = this.failed();
		console.log('\n## Benchmark (`npm run bench`)\n');
		console.log(`Machine: ${machine()}.  `);
		console.log(`Simulator: ${simulator.join('; ')}.\n`);
		console.log(this.table());
		console.log('\nDetails:');
		for (const note of this.notes) console.log(`- ${note}`);
		console.log(
			`\n${failed.length === 0 ? 'All targets PASS' : `${failed.length} target(s) FAIL: ${failed.map((row) => row.scenario).join('; ')}`} ` +
				`(bench took ${seconds(tookMs)}).`,
		);
	}
}

function machine(): string {
	const cpus = os.cpus();
	return [
		`Node ${process.version}`,
		`${os.availableParallelism?.() ?? cpus.length} cores (${cpus[0]?.model?.trim() ?? 'unknown CPU'})`,
		`${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM`,
		`${os.type()} ${os.release()}`,
	].join(', ');
}
