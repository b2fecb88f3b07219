import { createHmac, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { invalidInput } from '../inputError';
import { isPrivateHost } from '../urls';

/** The query parameter that carries the node's own token on its resume URL. */
export const TOKEN_PARAMETER = 'wanToken';

/** n8n's query parameter for a resume URL's signature (and, from n8n 2.x, the execution's resume token). */
const SIGNATURE_PARAMETER = 'signature';

type Context = Pick<IExecuteFunctions | IWebhookFunctions, 'getExecutionId' | 'getNode'>;

/**
 * The node's token for one execution: an HMAC of the execution and node ids keyed by the credential's
 * API key, so only whoever holds the key (this node, when it submitted) could have made the URL.
 */
export function callbackToken(fn: Context, credentials: ICredentialDataDecryptedObject): string {
	return createHmac('sha256', String(credentials.apiKey ?? ''))
		.update(`wan-callback:${fn.getExecutionId()}:${fn.getNode().id}`)
		.digest('hex');
}

/** Whether a callback's token is this execution's, compared in constant time. */
export function isOwnToken(fn: Context, credentials: ICredentialDataDecryptedObject, token: unknown): boolean {
	if (typeof token !== 'string') return false;
	const expected = Buffer.from(callbackToken(fn, credentials));
	const given = Buffer.from(token);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The URL the provider calls back: n8n's signed resume URL for this node with the node's token. n8n 2.x
 * checks every resume of a node that is not Send-and-Wait against the execution's resume token (carried
 * by `$execution.resumeUrl`), not against the URL signature, so where there is one it is the signature.
 */
export function callbackUrl(fn: IExecuteFunctions, credentials: ICredentialDataDecryptedObject): string {
	const url = new URL(fn.getSignedResumeUrl({ [TOKEN_PARAMETER]: callbackToken(fn, credentials) }));
	const resumeUrl = fn.getWorkflowDataProxy(0).$execution?.resumeUrl;
	const resumeToken = typeof resumeUrl === 'string' && URL.canParse(resumeUrl)
		? new URL(resumeUrl).searchParams.get(SIGNATURE_PARAMETER)
		: null;
	if (resumeToken) url.searchParams.set(SIGNATURE_PARAMETER, resumeToken);
	return url.toString();
}

/** Why a provider at `baseUrl` could not call `resumeUrl` back, or undefined when it can. */
export function unreachableReason(resumeUrl: string, baseUrl: string): string | undefined {
	const provider = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
	// A provider on this machine or network (a local simulator, a self-hosted gateway) reaches n8n as well.
	if (provider && isPrivateHost(provider.hostname)) return undefined;
	const resume = new URL(resumeUrl);
	if (isPrivateHost(resume.hostname)) return `it is on ${resume.hostname}, which the provider cannot reach`;
	if (resume.protocol !== 'https:') return 'it is not HTTPS';
	return undefined;
}

/** Refuses, before anything is sent, a pause the provider could not end. */
export function refuseUnreachable(resumeUrl: string, reason: string): never {
	throw invalidInput(
		'Wait Method',
		'Pause Until the Provider Calls Back',
		`This n8n's resume URL (${resumeUrl.split('?')[0]}) cannot be called back: ${reason}. Set WEBHOOK_URL to n8n's public HTTPS address, choose Wait Method → Poll, or turn on Options → Poll If the Provider Cannot Call Back.`,
	);
}
