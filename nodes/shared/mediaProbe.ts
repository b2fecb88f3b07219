import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidInput, InvalidInputError } from './inputError';
import { mediaTypeOfName } from './mediaTypes';
import { MODES } from './modes';
import type { GenerationRequest, MediaRef } from './request';
import type { MediaType } from './types';

/** How long a host may take to say what a link serves. */
const PROBE_TIMEOUT_MS = 15_000;

/**
 * What a link serves, from the Content-Type its host answers. A GET of the first byte, not a HEAD: a
 * signed link (S3, GCS) is signed for GET only and would refuse a HEAD.
 */
async function probeType(fn: IExecuteFunctions, url: string): Promise<MediaType | undefined> {
	try {
		const response = (await fn.helpers.httpRequest({
			method: 'GET',
			url,
			headers: { Range: 'bytes=0-0' },
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: PROBE_TIMEOUT_MS,
		})) as { statusCode?: number; headers?: Record<string, unknown>; body?: { destroy?: () => void } };
		response.body?.destroy?.();
		const contentType = response.headers?.['content-type'];
		const ok = (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300;
		return ok && typeof contentType === 'string' ? mediaTypeOfName(contentType.split(';')[0]) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Tells apart the entries of a mixed list (images and videos) whose URL does not say what it holds, by
 * asking their hosts. Free, and before the paid submit: an entry no one can tell is refused.
 */
export async function resolveMediaTypes(fn: IExecuteFunctions, request: GenerationRequest): Promise<GenerationRequest> {
	const problems: InvalidInputError[] = [];
	const media: GenerationRequest['media'] = {};
	for (const slot of MODES[request.mode].slots) {
		const entries = request.media[slot.slot];
		if (!entries) continue;
		media[slot.slot] = await Promise.all(
			entries.map(async (entry): Promise<MediaRef> => {
				if (entry.type) return entry;
				const type = await probeType(fn, entry.url);
				if (!type) {
					problems.push(
						invalidInput(
							slot.label,
							entry.url,
							`Its URL has no file extension and its host did not say whether it is ${slot.accepts.join(' or ')} (Content-Type). Use a link ending in the file type (e.g. .png, .mp4).`,
						),
					);
				}
				return { ...entry, type };
			}),
		);
	}
	if (problems.length > 0) throw new InvalidInputError(problems.flatMap((problem) => problem.problems));
	return { ...request, media };
}

/** Whether any entry's type is still to be asked of its host. */
export function hasUntypedMedia(request: GenerationRequest): boolean {
	return Object.values(request.media).some((entries) => entries?.some((entry) => entry.type === undefined));
}
