import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ProviderAdapter } from '../providers/adapter';
import type { Job } from '../scheduler';
import type { WaitMethod } from './options';
import { refuseUnreachable, unreachableReason } from './resumeUrl';

/**
 * How this run waits. Pausing serves exactly one new task per execution (n8n resumes a node once): one
 * input item, one image at most, waiting for completion, with a provider that calls back. Anything else
 * polls. A pause the provider could not end (n8n's resume URL on localhost, a private address or plain
 * HTTP) is refused before anything is sent, unless the user allows polling instead.
 */
export function chosenWaitMethod(
	fn: IExecuteFunctions,
	adapter: ProviderAdapter,
	jobs: readonly Job[],
	baseUrl: string,
): WaitMethod {
	const options = fn.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.waitMethod !== 'callback' || !adapter.callbackTaskId) return 'poll';
	const [job] = jobs;
	if (fn.getInputData().length !== 1 || jobs.length !== 1 || !('request' in job)) return 'poll';
	if (!job.settings.waitForCompletion || (job.request.numberOfImages ?? 1) > 1) return 'poll';
	const resumeUrl = fn.getSignedResumeUrl();
	const reason = unreachableReason(resumeUrl, baseUrl);
	if (!reason) return 'callback';
	if (options.pollIfUnreachable === true) return 'poll';
	return refuseUnreachable(resumeUrl, reason);
}
