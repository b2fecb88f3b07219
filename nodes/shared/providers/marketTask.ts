import { arrayAt, asRecord, excerpt, numberAt, parseJson, pathOf, stringAt, strings } from '../json';
import type { ProviderError, TaskState, TaskStatus } from '../types';
import { MalformedResponseError } from './adapter';

/**
 * The "market task" protocol Kie.ai and APIXO share: answers in an envelope `{code, msg | message, data}`,
 * a task's `data.state`, its result URLs inside the JSON string `data.resultJson` (`{"resultUrls": [...]}`),
 * its failure as `data.failCode` / `data.failMsg`, and the processing time in ms as `data.costTime`.
 * Each provider brings its own name (for messages) and its own state words.
 */
export interface MarketProtocol {
	/** The provider's name, as messages show it. */
	name: string;
	/** The provider's state words and what each means. */
	states: Record<string, TaskStatus>;
}

/** The envelope's words: Kie names them `msg` on some routes and `message` on others, APIXO `message`. */
function envelopeMessage(body: unknown): string | undefined {
	return stringAt(body, 'message') ?? stringAt(body, 'msg');
}

/**
 * The `data` of an envelope. A 2xx answer whose envelope code is not 200 did not do what was asked; it is
 * reported as unreadable (with the envelope's words) rather than as a failed task, because the task may well
 * still exist and be fetchable later.
 */
export function envelopeData(protocol: MarketProtocol, body: unknown, what: string): unknown {
	if (!asRecord(body)) throw new MalformedResponseError(`${protocol.name} ${what} is not a JSON object`, body);
	const code = pathOf(body, 'code');
	if (code !== undefined && numberAt(body, 'code') !== 200) {
		const message = envelopeMessage(body) ?? 'no message';
		const detail = stringAt(body, 'data', 'error');
		throw new MalformedResponseError(
			`${protocol.name} ${what} has code ${excerpt(code, 40)}: ${message}${detail ? ` (${detail})` : ''}`,
			body,
		);
	}
	return pathOf(body, 'data');
}

/** The submit answer's `data.taskId`. */
export function submittedTaskId(protocol: MarketProtocol, body: unknown): string {
	const taskId = stringAt(envelopeData(protocol, body, 'submit response'), 'taskId');
	if (!taskId) throw new MalformedResponseError(`${protocol.name} submit response has no data.taskId`, body);
	return taskId;
}

/** `data.resultJson`: a JSON string (or, leniently, an object) with `resultUrls`. */
function resultUrls(protocol: MarketProtocol, data: unknown, body: unknown): string[] {
	const raw = pathOf(data, 'resultJson');
	if (raw === undefined || raw === null || raw === '') return [];
	const parsed = typeof raw === 'string' ? parseJson(raw) : raw;
	if (!asRecord(parsed)) {
		throw new MalformedResponseError(`${protocol.name} resultJson is not a JSON object: ${excerpt(raw, 80)}`, body);
	}
	return strings(arrayAt(parsed, 'resultUrls'));
}

/** A status answer, normalised; `costTime` (ms), the only cost figure either provider reports, is the usage. */
export function marketTaskState(protocol: MarketProtocol, body: unknown): TaskState {
	const data = envelopeData(protocol, body, 'status response');
	const rawStatus = pathOf(data, 'state');
	if (typeof rawStatus !== 'string') {
		throw new MalformedResponseError(`${protocol.name} status response has no data.state`, body);
	}
	const costTime = numberAt(data, 'costTime');
	return {
		status: protocol.states[rawStatus] ?? 'unknown',
		rawStatus,
		urls: resultUrls(protocol, data, body),
		// Both document empty strings for "no failure"; an empty field is no code.
		errorCode: stringAt(data, 'failCode') || undefined,
		errorMessage: stringAt(data, 'failMsg') || undefined,
		...(costTime === undefined ? {} : { usage: { costTime } }),
	};
}

/** The provider's words from an HTTP error body (`message` or `msg`, and `data.error` where given). */
export function marketError(body: unknown): ProviderError | undefined {
	const message = envelopeMessage(body);
	const detail = stringAt(body, 'data', 'error');
	if (!message && !detail) return undefined;
	return {
		message: message && detail && detail !== message ? `${message}: ${detail}` : (detail ?? message ?? ''),
		code: stringAt(body, 'code'),
	};
}

/** A callback's `data.taskId`: both post the status envelope to the callback URL. */
export function callbackTaskId(body: unknown): string | undefined {
	return stringAt(body, 'data', 'taskId');
}
