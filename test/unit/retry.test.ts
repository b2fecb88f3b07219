/**
 * The retry policy: submits cost money and are retried only when the provider cannot have accepted
 * them; polls are free and retried on anything transient.
 */
import {
	BACKOFF_BASE_MS,
	BACKOFF_CAP_MS,
	backoffMs,
	isRetryable,
	mayHaveCreatedTask,
	retryAfterMs,
	type AttemptOutcome,
	type RequestPurpose,
} from '../../nodes/shared/retry';

const status = (statusCode: number): AttemptOutcome => ({ statusCode });
const network = (networkCode: string): AttemptOutcome => ({ networkCode });

const NOT_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
const MAYBE_SENT = ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT'];

describe('isRetryable for submits', () => {
	it.each([429, 503])('retries HTTP %d (the provider refused the request)', (code) => {
		expect(isRetryable('submit', status(code))).toBe(true);
	});

	it.each([400, 401, 402, 403, 404, 408, 413, 422, 500, 502, 504])('does not retry HTTP %d', (code) => {
		expect(isRetryable('submit', status(code))).toBe(false);
	});

	it.each(NOT_SENT)('retries %s (never reached the provider)', (code) => {
		expect(isRetryable('submit', network(code))).toBe(true);
	});

	it.each(MAYBE_SENT)('does not retry %s (the task may exist)', (code) => {
		expect(isRetryable('submit', network(code))).toBe(false);
	});
});

describe('isRetryable for a finished task\'s results (fal)', () => {
	it.each([408, 429, 502, 503, 504])('retries HTTP %d (a gateway or rate limit, not the run)', (code) => {
		expect(isRetryable('result', status(code))).toBe(true);
	});

	it.each([400, 401, 404, 422, 500])('does not retry HTTP %d (the run\'s own error answer)', (code) => {
		expect(isRetryable('result', status(code))).toBe(false);
	});

	it.each([...NOT_SENT, ...MAYBE_SENT])('retries %s (reading results is free)', (code) => {
		expect(isRetryable('result', network(code))).toBe(true);
	});
});

describe.each<RequestPurpose>(['poll', 'cancel', 'download', 'upload'])('isRetryable for %s', (purpose) => {
	it.each([408, 429, 500, 502, 503, 504, 520, 599])('retries HTTP %d', (code) => {
		expect(isRetryable(purpose, status(code))).toBe(true);
	});

	it.each([400, 401, 402, 403, 404, 410, 422])('does not retry HTTP %d', (code) => {
		expect(isRetryable(purpose, status(code))).toBe(false);
	});

	it.each([...NOT_SENT, ...MAYBE_SENT, 'EWHATEVER'])('retries network failure %s', (code) => {
		expect(isRetryable(purpose, network(code))).toBe(true);
	});
});

describe('mayHaveCreatedTask', () => {
	it.each(MAYBE_SENT)('is true after %s', (code) => {
		expect(mayHaveCreatedTask(network(code))).toBe(true);
	});

	it.each(NOT_SENT)('is false after %s', (code) => {
		expect(mayHaveCreatedTask(network(code))).toBe(false);
	});

	it.each([500, 502, 504])('is true after HTTP %d', (code) => {
		expect(mayHaveCreatedTask(status(code))).toBe(true);
	});

	it.each([400, 401, 402, 403, 404, 429, 503])('is false after HTTP %d', (code) => {
		expect(mayHaveCreatedTask(status(code))).toBe(false);
	});

	it('is exactly the submits that are neither retried nor plainly refused', () => {
		// A submit retried automatically must never be one that may already have created a task.
		for (const outcome of [...[429, 500, 502, 503, 504].map(status), ...[...NOT_SENT, ...MAYBE_SENT].map(network)]) {
			expect(isRetryable('submit', outcome) && mayHaveCreatedTask(outcome)).toBe(false);
		}
	});
});

describe('retryAfterMs', () => {
	const now = Date.parse('2025-10-21T07:28:00Z');

	it.each<[unknown, number]>([
		['120', 120_000],
		['0', 0],
		['1.5', 1500],
		[' 7 ', 7000],
		[['30'], 30_000],
		['-5', 0],
	])('reads Retry-After seconds %p', (header, expected) => {
		expect(retryAfterMs(header, undefined, now)).toBe(expected);
	});

	it('reads a Retry-After HTTP date relative to now', () => {
		expect(retryAfterMs('Tue, 21 Oct 2025 07:28:45 GMT', undefined, now)).toBe(45_000);
	});

	it('treats an HTTP date in the past as no wait', () => {
		expect(retryAfterMs('Tue, 21 Oct 2025 07:27:00 GMT', undefined, now)).toBe(0);
	});

	it.each<[string, number]>([
		['retry after 30 seconds', 30_000],
		['retry after 60 seconds', 60_000],
		['Retry After 5 sec', 5000],
		['please retry after 2s', 2000],
		['retry after 1.5 seconds', 1500],
		['{"error":{"code":429,"message":"Rate limit exceeded","type":"rate_limit_error","fallback_suggestion":"retry after 60 seconds"}}', 60_000],
	])('reads the body hint %p', (body, expected) => {
		expect(retryAfterMs(undefined, body, now)).toBe(expected);
	});

	it('prefers the header over the body hint', () => {
		expect(retryAfterMs('3', 'retry after 30 seconds', now)).toBe(3000);
	});

	it('falls back to the body when the header is blank or unreadable', () => {
		expect(retryAfterMs('', 'retry after 30 seconds', now)).toBe(30_000);
		expect(retryAfterMs('soon', 'retry after 30 seconds', now)).toBe(30_000);
	});

	it.each<[unknown, string | undefined]>([
		[undefined, undefined],
		[undefined, ''],
		[undefined, 'try again later'],
		[undefined, 'retry after a while'],
		['', undefined],
		['soon', undefined],
		[null, 'Internal server error'],
	])('is undefined with header %p and body %p', (header, body) => {
		expect(retryAfterMs(header, body, now)).toBeUndefined();
	});
});

describe('backoffMs', () => {
	it('is 0 when the random draw is 0', () => {
		for (let attempt = 0; attempt < 10; attempt++) expect(backoffMs(attempt, () => 0)).toBe(0);
	});

	it.each<[number, number]>([
		[0, 1000],
		[1, 2000],
		[2, 4000],
		[3, 8000],
		[4, 16_000],
		[5, 30_000],
		[6, 30_000],
		[50, 30_000],
	])('attempt %d with draw 1 waits the full ceiling %d ms', (attempt, expected) => {
		expect(backoffMs(attempt, () => 1)).toBe(expected);
		expect(expected).toBe(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
	});

	it('scales the ceiling by the draw', () => {
		expect(backoffMs(2, () => 0.5)).toBe(2000);
		expect(backoffMs(10, () => 0.25)).toBe(7500);
	});

	it('stays within [0, min(30 s, 1 s·2^n)] for any draw', () => {
		expect(BACKOFF_BASE_MS).toBe(1000);
		expect(BACKOFF_CAP_MS).toBe(30_000);
		let seed = 1;
		const random = () => {
			seed = (seed * 16807) % 2147483647;
			return (seed - 1) / 2147483646;
		};
		for (let attempt = 0; attempt < 12; attempt++) {
			const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
			for (let i = 0; i < 200; i++) {
				const wait = backoffMs(attempt, random);
				expect(Number.isInteger(wait)).toBe(true);
				expect(wait).toBeGreaterThanOrEqual(0);
				expect(wait).toBeLessThanOrEqual(ceiling);
			}
		}
	});

	it('uses Math.random by default and stays within the cap', () => {
		for (let i = 0; i < 100; i++) {
			const wait = backoffMs(20);
			expect(wait).toBeGreaterThanOrEqual(0);
			expect(wait).toBeLessThanOrEqual(30_000);
		}
	});
});
