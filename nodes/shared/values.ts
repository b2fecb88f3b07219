import { invalidInput } from './inputError';
import type { ImageSize } from './types';

/** Readers of one parameter value as n8n resolved it (expressions may yield any type). */

export function listOf(values: readonly (string | number)[]): string {
	return values.join(', ');
}

/** "2–15" for a run of consecutive integers, else the list. */
export function describeNumbers(values: readonly number[]): string {
	const sorted = [...values].sort((a, b) => a - b);
	const consecutive = sorted.every((value, i) => i === 0 || value === sorted[i - 1] + 1);
	return consecutive && sorted.length > 2 ? `${sorted[0]}–${sorted[sorted.length - 1]}` : listOf(sorted);
}

/** "a number", "a list", … for messages about a value of the wrong type. */
export function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

export function textValue(field: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw invalidInput(field, value, `Expected text, not ${kindOf(value)}.`);
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

export function integerValue(field: string, value: unknown, allowed: string): number | undefined {
	if (isEmpty(value)) return undefined;
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw invalidInput(field, value, `Expected a whole number. ${allowed}`);
	}
	return number;
}

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], context: string): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw invalidInput(field, value, `Allowed${context}: ${listOf(allowed)}.`);
}

export function booleanOption(field: string, value: unknown): boolean | undefined {
	if (isEmpty(value)) return undefined;
	if (typeof value !== 'boolean') throw invalidInput(field, value, 'Expected true or false.');
	return value;
}

export function parseSize(value: string): ImageSize | undefined {
	const match = /^\s*(\d+)\s*[x*×]\s*(\d+)\s*$/i.exec(value);
	return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}
