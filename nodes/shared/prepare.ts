import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { hasFiles, itemFileReader, materializeFiles } from './binaryMedia';
import { checkImageFiles } from './imageChecks';
import { hasUntypedMedia, resolveMediaTypes } from './mediaProbe';
import type { GenerationRequest } from './request';
import type { UploadContext } from './uploadRequests';
import { checkMediaTypes } from './validation';

export interface PrepareContext extends UploadContext {
	credentials: ICredentialDataDecryptedObject;
}

/**
 * The last steps of a valid request that need the credentials, the network or the item's files, all
 * before the paid submit: whether the provider serves it with these credentials, what its untyped media
 * links hold, whether its images from binary fields measure what the model takes, and those files in the
 * form the provider takes them (inline or uploaded).
 */
export async function prepareRequest(ctx: PrepareContext, itemIndex: number, request: GenerationRequest): Promise<GenerationRequest> {
	ctx.adapter.preflight?.(request, ctx.credentials);
	let prepared = request;
	if (hasUntypedMedia(prepared)) {
		prepared = await resolveMediaTypes(ctx.fn, prepared);
		checkMediaTypes(prepared);
	}
	if (!hasFiles(prepared)) return prepared;
	const readFile = itemFileReader(ctx.fn, itemIndex);
	await checkImageFiles(readFile, prepared);
	return await materializeFiles({ ...ctx, readFile }, prepared);
}
