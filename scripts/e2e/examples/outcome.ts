/** One cell of the run's table, and what collects its problems. */
import type { ProviderInfo } from '../providers';

export type Json = Record<string, unknown>;

export interface Outcome {
	/** Row and column of the table. */
	row: string;
	provider: ProviderInfo;
	/** Workflow id, or what else was tested. */
	id: string;
	/** For ordering the table. */
	order: number;
	passed: boolean;
	seconds: number;
	summary: string;
	problems: string[];
	log?: string;
}

export class Checker {
	readonly problems: string[] = [];

	expect(condition: unknown, message: string): boolean {
		if (!condition) this.problems.push(message);
		return Boolean(condition);
	}
}
