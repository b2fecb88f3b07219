/**
 * How n8n 2.41 judges a credential's Test request, as a pure function (no n8n-core), for unit tests;
 * `credentialTest.ts` makes the request as n8n does and judges it with this.
 *
 * n8n's credential tester (packages/cli/src/services/credentials-tester.service.ts, `runRequestTest`)
 * wraps the credential's `test.request` in a throw-away declarative node, runs it with n8n-core's
 * `RoutingNode`, and judges the outcome:
 *   - the request threw with an HTTP response (a non-2xx status, unless `ignoreHttpStatusErrors`): the
 *     first `responseCode` rule whose `value` is that status gives the message; else the status text
 *     (or "Received HTTP status code: N");
 *   - it threw without a response: the network error code, or the error's message;
 *   - it returned: the first `responseSuccessBody` rule whose `key` (a lodash path into the body) holds
 *     exactly `value` fails the test with its message; else "Connection successful!".
 */
import type { ICredentialTestRequest } from 'n8n-workflow';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** What the throw-away node's run came to, as far as the tester looks at it. */
export type RoutingOutcome =
	| { kind: 'returned'; body: unknown }
	| { kind: 'httpError'; status: number; statusText: string }
	| { kind: 'networkError'; code: string }
	| { kind: 'error'; message: string };

/** What n8n's request helper makes of an HTTP answer to the test request. */
export function outcomeOfAnswer(
	test: ICredentialTestRequest,
	answer: { status: number; statusText?: string; body: unknown },
): RoutingOutcome {
	const ok = answer.status >= 200 && answer.status < 300;
	if (ok || test.request.ignoreHttpStatusErrors) return { kind: 'returned', body: answer.body };
	return { kind: 'httpError', status: answer.status, statusText: answer.statusText ?? '' };
}

/** `lodash.get` for dotted paths, as the tester reads `responseSuccessBody` keys. */
function valueAt(body: unknown, key: string): unknown {
	let current: unknown = body;
	for (const part of key.split('.')) {
		if (current === null || current === undefined) return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/** The tester's judgement of an outcome (credentials-tester.service.ts, `runRequestTest`). */
export function credentialTestVerdict(test: ICredentialTestRequest, outcome: RoutingOutcome): CredentialTestResult {
	const rules = test.rules ?? [];
	switch (outcome.kind) {
		case 'httpError': {
			for (const rule of rules) {
				if (rule.type === 'responseCode' && rule.properties.value === outcome.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return { status: 'Error', message: outcome.statusText || `Received HTTP status code: ${outcome.status}` };
		}
		case 'networkError':
			return { status: 'Error', message: outcome.code };
		case 'error':
			return { status: 'Error', message: outcome.message };
		case 'returned': {
			for (const rule of rules) {
				if (rule.type === 'responseSuccessBody' && valueAt(outcome.body, rule.properties.key) === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return { status: 'OK', message: 'Connection successful!' };
		}
	}
}
