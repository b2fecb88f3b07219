/** One refused field: its name as the panel shows it, the value given, and what is allowed. */
export interface InputProblem {
	field: string;
	value: unknown;
	allowed: string;
}

/** Input refused before anything was sent: every problem found in one item. */
export class InvalidInputError extends Error {
	constructor(readonly problems: readonly InputProblem[]) {
		super(
			problems.length === 1
				? statement(problems[0])
				: `This item has ${problems.length} problems. ${problems.map(statement).join(' ')}`,
		);
		this.name = 'InvalidInputError';
	}

	/** The field refused, or every field when there are several. */
	get field(): string {
		return this.problems.map((problem) => problem.field).join(', ');
	}

	/** What is allowed, for a single problem (several problems say it in the message). */
	get allowed(): string {
		return this.problems.length === 1 ? this.problems[0].allowed : '';
	}
}

export function invalidInput(field: string, value: unknown, allowed: string): InvalidInputError {
	return new InvalidInputError([{ field, value, allowed }]);
}

/**
 * Runs an item's checks one after another and keeps every refusal, so the user learns all of an
 * item's problems from one run.
 */
export class ProblemCollector {
	private readonly problems: InputProblem[] = [];

	/** The check's result, or `undefined` when it refused (the refusal is kept). */
	check<T>(run: () => T): T | undefined {
		const outcome = attempt(run);
		if ('value' in outcome) return outcome.value;
		// Checks refuse with InvalidInputError only; anything else is a fault to surface as it is.
		if (!(outcome.error instanceof InvalidInputError)) throw outcome.error;
		// One problem per field: a value refused as unsupported is not also refused for its range.
		const known = new Set(this.problems.map((problem) => problem.field));
		this.problems.push(...outcome.error.problems.filter((problem) => !known.has(problem.field)));
		return undefined;
	}

	/** Keeps a refusal found without running a check. */
	add(error: InvalidInputError): void {
		this.check(() => {
			throw error;
		});
	}

	throwIfAny(): void {
		if (this.problems.length > 0) throw new InvalidInputError(this.problems);
	}
}

function attempt<T>(run: () => T): { value: T } | { error: unknown } {
	try {
		return { value: run() };
	} catch (error) {
		return { error };
	}
}

function statement({ field, value, allowed }: InputProblem): string {
	return `Invalid ${field}: ${describeValue(value)}. ${allowed}`;
}

function describeValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'empty';
	if (typeof value === 'string') {
		const shown = value.length > 80 ? `${value.slice(0, 80)}… (${value.length} characters)` : value;
		return `"${shown}"`;
	}
	if (typeof value === 'object') return `${JSON.stringify(value)?.slice(0, 80)} (${Array.isArray(value) ? 'a list' : 'an object'})`;
	return String(value);
}
