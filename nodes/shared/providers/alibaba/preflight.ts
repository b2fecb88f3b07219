import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ProblemCollector, invalidInput } from '../../inputError';
import { MODES } from '../../modes';
import type { GenerationRequest } from '../../request';
import { ALIBABA_REGIONS, alibabaBaseUrl, alibabaRegion, reachesWorkspace } from './regions';

/** Wan 3.0 is served only on a workspace's own domain: a request to a shared domain would be refused there. */
function workspaceProblem(request: GenerationRequest, credentials: ICredentialDataDecryptedObject) {
	if (!request.spec.workspaceOnly || reachesWorkspace(credentials)) return undefined;
	return invalidInput(
		'Credential Workspace ID',
		alibabaBaseUrl(credentials),
		`${request.modelId} is served only on a Model Studio workspace domain, not on this address. ` +
			'Enter the Workspace ID (Model Studio console, Workspace Details) in the Alibaba Cloud Model Studio credential, ' +
			'with the region the key belongs to, ' +
			'or set its Base URL to https://{WorkspaceId}.{region}.maas.aliyuncs.com.',
	);
}

/** Video and audio files go through the temporary upload, which only Beijing has. */
function uploadRegionProblems(request: GenerationRequest, credentials: ICredentialDataDecryptedObject) {
	if (alibabaRegion(credentials).temporaryUploads) return [];
	const uploadRegions = Object.values(ALIBABA_REGIONS).filter((region) => region.temporaryUploads).map((region) => region.name);
	return MODES[request.mode].slots.flatMap((slot) =>
		(request.media[slot.slot] ?? [])
			.filter((entry) => entry.file && entry.type !== 'image')
			.map((entry) =>
				invalidInput(
					slot.label,
					entry.file?.field,
					`Alibaba Cloud Model Studio takes ${entry.type} files from a binary field only through its temporary upload, which only ${uploadRegions.join(', ')} has (this credential is for ${alibabaRegion(credentials).name}). Give a public URL instead, or use a credential for ${uploadRegions.join(', ')}.`,
				),
			),
	);
}

/** Image sets stop at the 2K tier, also on wan2.7-image-pro, whose 4K is for single text-to-image results. */
const IMAGE_SET_MAX_PIXELS = 2048 * 2048;

function imageSetSizeProblem(request: GenerationRequest) {
	const { size } = request;
	if (!request.imageSet || !size || size.width * size.height <= IMAGE_SET_MAX_PIXELS) return undefined;
	return invalidInput(
		'Size',
		`${size.width}x${size.height}`,
		'An image set is made at up to 2048×2048 pixels (2K): pick a smaller size, or turn Image Set off for 4K.',
	);
}

/** What Alibaba would refuse of a valid request, given these credentials: every problem at once, before any request. */
export function refuseUnservable(request: GenerationRequest, credentials: ICredentialDataDecryptedObject): void {
	const problems = new ProblemCollector();
	for (const problem of [workspaceProblem(request, credentials), imageSetSizeProblem(request), ...uploadRegionProblems(request, credentials)]) {
		if (problem) problems.add(problem);
	}
	problems.throwIfAny();
}
