/** A refused input: which field, the value given, and what is allowed. */
export class InvalidInputError extends Error {
	constructor(
		readonly field: string,
		value: unknown,
		readonly allowed: string,
	) {
		super(`Invalid ${field}: ${describeValue(value)}. ${allowed}`);
		this.name = 'InvalidInputError';
	}
}

function describeValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'empty';
	if (typeof value === 'string') {
		const shown = value.length > 80 ? `${value.slice(0, 80)}… (${value.length} characters)` : value;
		return `"${shown}"`;
	}
	if (typeof value === 'object') return `${JSON.stringify(value)?.slice(0, 80)} (${Array.isArray(value) ? 'a list' : 'an object'})`;
	return `${String(value)} (a ${typeof value})`;
}
