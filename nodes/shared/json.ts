/**
 * Safe reading of untrusted provider JSON: every accessor returns `undefined` instead of throwing,
 * so no response shape can turn into a TypeError.
 */
export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as JsonRecord)
		: undefined;
}

export function pathOf(value: unknown, ...keys: string[]): unknown {
	let current = value;
	for (const key of keys) {
		const record = asRecord(current);
		if (!record) return undefined;
		current = record[key];
	}
	return current;
}

export function stringAt(value: unknown, ...keys: string[]): string | undefined {
	const found = pathOf(value, ...keys);
	if (typeof found === 'string') return found;
	if (typeof found === 'number') return String(found);
	return undefined;
}

export function numberAt(value: unknown, ...keys: string[]): number | undefined {
	const found = pathOf(value, ...keys);
	if (typeof found === 'number' && Number.isFinite(found)) return found;
	if (typeof found === 'string' && found.trim() !== '') {
		const parsed = Number.parseFloat(found);
		return Number.isFinite(parsed) ? parsed : undefined;
	}
	return undefined;
}

export function arrayAt(value: unknown, ...keys: string[]): unknown[] {
	const found = pathOf(value, ...keys);
	return Array.isArray(found) ? found : [];
}

/** Non-empty strings among `values`, in order. */
export function strings(values: unknown[]): string[] {
	return values.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
}

/** A short, single-line rendering of a response body for error messages. */
export function excerpt(body: unknown, maxLength = 200): string {
	let text: string;
	if (body === undefined || body === null || body === '') return '(empty body)';
	if (typeof body === 'string') text = body;
	else {
		try {
			text = JSON.stringify(body);
		} catch {
			text = String(body);
		}
	}
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > maxLength ? `${flat.slice(0, maxLength)}…` : flat;
}

/** Parses a JSON string, or returns `undefined`. */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
