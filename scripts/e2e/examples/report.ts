/** The end of the run: each failure's problems and n8n's output, then the table of outcomes. */
import type { ProviderInfo } from '../providers';
import type { Outcome } from './outcome';

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

/** Prints the failures of `outcomes` and the table of all of them (a column per provider). */
export function printOutcomes(outcomes: Outcome[], providers: ProviderInfo[]): void {
	for (const failure of outcomes.filter((o) => !o.passed)) {
		console.log(`\n✘ ${failure.id} (${failure.row}, ${failure.provider.id})`);
		for (const problem of failure.problems) console.log(`  - ${problem}`);
		if (failure.log) console.log(`  n8n output (tail):\n${failure.log.replace(/^/gm, '    | ')}`);
	}
	console.log('');
	printTable([...outcomes].sort((a, b) => a.order - b.order), providers);
	console.log('');
	console.log('cells: ok <seconds> = one `n8n execute` (process start to exit), or for the credential test the');
	console.log('       three Test calls on a running n8n; — = the provider does not serve it');
}
