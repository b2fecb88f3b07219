import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { hasUntypedMedia, resolveMediaTypes } from './mediaProbe';
import type { ProviderAdapter } from './providers/adapter';
import type { GenerationRequest } from './request';
import { checkMediaTypes } from './validation';

/**
 * The last checks of a valid request that need the credentials or the network, all before the paid
 * submit: whether the provider serves it with these credentials, and what its untyped media links hold.
 */
export async function prepareRequest(
	fn: IExecuteFunctions,
	adapter: ProviderAdapter,
	credentials: ICredentialDataDecryptedObject,
	request: GenerationRequest,
): Promise<GenerationRequest> {
	adapter.preflight?.(request, credentials);
	if (!hasUntypedMedia(request)) return request;
	const resolved = await resolveMediaTypes(fn, request);
	checkMediaTypes(resolved);
	return resolved;
}
