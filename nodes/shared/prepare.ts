import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { hasFiles, inlineFiles } from './binaryMedia';
import { hasUntypedMedia, resolveMediaTypes } from './mediaProbe';
import type { ProviderAdapter } from './providers/adapter';
import type { GenerationRequest } from './request';
import { checkMediaTypes } from './validation';

/**
 * The last steps of a valid request that need the credentials, the network or the item's files, all
 * before the paid submit: whether the provider serves it with these credentials, what its untyped media
 * links hold, and its files from binary fields in the form the provider takes them.
 */
export async function prepareRequest(
	fn: IExecuteFunctions,
	itemIndex: number,
	adapter: ProviderAdapter,
	credentials: ICredentialDataDecryptedObject,
	request: GenerationRequest,
): Promise<GenerationRequest> {
	adapter.preflight?.(request, credentials);
	let prepared = request;
	if (hasUntypedMedia(prepared)) {
		prepared = await resolveMediaTypes(fn, prepared);
		checkMediaTypes(prepared);
	}
	return hasFiles(prepared) ? await inlineFiles(fn, itemIndex, prepared) : prepared;
}
