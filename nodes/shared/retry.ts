/**
 * When to try a request again, as pure functions of what happened. Submits cost money, so they are
 * retried only when the provider said it did not accept them; polls (and uploads, free and idempotent)
 * survive anything transient.
 */
export type RequestPurpose = 'submit' | 'poll' | 'result' | 'cancel' | 'download' | 'upload';

/** What one attempt ended with: an HTTP status, or a network failure code (ECONNRESET, …). */
export type AttemptOutcome = { statusCode: number } | { networkCode: string };

/** Error codes of failures on the way to or from the provider; anything else is not a network error. */
export const NETWORK_CODES = [
	'ECONNABORTED',
	'ECONNREFUSED',
	'ECONNRESET',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EPIPE',
	'ETIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
];

/** Network failures where the request never reached the provider, so nothing can have been created. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 30_000;

export function isRetryable(purpose: RequestPurpose, outcome: AttemptOutcome): boolean {
	if ('networkCode' in outcome) {
		return purpose === 'submit' ? NOT_SENT_CODES.includes(outcome.networkCode) : true;
	}
	const { statusCode } = outcome;
	if (purpose === 'submit') return statusCode === 429 || statusCode === 503;
	// A finished task's results (fal): a gateway's 502–504 says nothing of the run; any other error is the run's own.
	if (purpose === 'result') return statusCode === 429 || statusCode === 408 || (statusCode >= 502 && statusCode <= 504);
	return statusCode === 429 || statusCode === 408 || statusCode >= 500;
}

/** Whether a failed submit may still have created (and billed) a task at the provider. */
export function mayHaveCreatedTask(outcome: AttemptOutcome): boolean {
	if ('networkCode' in outcome) return !NOT_SENT_CODES.includes(outcome.networkCode);
	return outcome.statusCode >= 500 && outcome.statusCode !== 503;
}

/**
 * Seconds from a `Retry-After` header (seconds or an HTTP date, counted from `now`, epoch ms), or from
 * "retry after N seconds" in a body.
 */
export function retryAfterMs(header: unknown, bodyText: string | undefined, now: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value === 'string' && value.trim() !== '') {
		const seconds = Number(value);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(value);
		if (Number.isFinite(date)) return Math.max(0, date - now);
	}
	const hint = bodyText ? /retry after (\d+(?:\.\d+)?) ?s(?:ec(?:ond)?s?)?\b/i.exec(bodyText) : null;
	return hint ? Number(hint[1]) * 1000 : undefined;
}

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^attempt)]. */
export function backoffMs(attempt: number, random = Math.random): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
	return Math.round(random() * ceiling);
}
