/** The browser test's results: one line per check as it finishes, then `N passed, N failed`. */

export interface CheckResult {
	group: string;
	name: string;
	passed: boolean;
	detail: string;
	seconds: number;
}

export class Report {
	readonly results: CheckResult[] = [];

	constructor(private readonly out: (line: string) => void = (line) => console.log(line)) {}

	record(group: string, name: string, passed: boolean, detail = '', seconds = 0): boolean {
		this.results.push({ group, name, passed, detail, seconds });
		this.out(`${passed ? 'ok  ' : 'FAIL'} ${group}: ${name}${detail ? `  (${detail})` : ''}`);
		return passed;
	}

	/** Runs a check body; an exception fails the check with its message instead of ending the run. */
	async check(group: string, name: string, body: () => Promise<{ passed: boolean; detail?: string }>): Promise<boolean> {
		const started = Date.now();
		try {
			const { passed, detail } = await body();
			return this.record(group, name, passed, detail, (Date.now() - started) / 1000);
		} catch (error) {
			const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
			return this.record(group, name, false, `error: ${message}`, (Date.now() - started) / 1000);
		}
	}

	failed(): number {
		return this.results.filter((result) => !result.passed).length;
	}

	/** The closing line, exactly `N passed, N failed`. */
	summary(): string[] {
		const failed = this.failed();
		return [`${this.results.length - failed} passed, ${failed} failed`];
	}
}
