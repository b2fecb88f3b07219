import type { IDataObject } from 'n8n-workflow';

import { entriesOfType, urlOf, urlsOf, type GenerationRequest } from '../../request';
import { listIfAny, requestedImageSize } from '../body';
import { familyOf, type FalFamily } from './models';

/** `duration` as the endpoint's family types it (a string enum, an integer), or not at all. */
function durationOf(family: FalFamily, duration: number | undefined): string | number | undefined {
	if (duration === undefined || family.duration === 'none') return undefined;
	return family.duration === 'text' ? String(duration) : duration;
}

const referenceUrls = (request: GenerationRequest, type: 'image' | 'video') =>
	listIfAny(entriesOfType(request, 'references', type).map((entry) => entry.url));

/** A video endpoint's input: every field fal names the same on all its Wan pages, and the family's own. */
export function videoInput(request: GenerationRequest): IDataObject {
	const family = familyOf(request.modelId);
	return {
		prompt: request.prompt,
		negative_prompt: request.negativePrompt,
		image_url: urlOf(request, 'firstFrame'),
		end_image_url: urlOf(request, 'lastFrame'),
		video_url: urlOf(request, 'video'),
		audio_url: urlOf(request, 'audio'),
		// Videos first: Wan 2.6 flash numbers its characters videos first, then images.
		[family.references.video]: referenceUrls(request, 'video'),
		[family.references.image]: referenceUrls(request, 'image'),
		resolution: request.resolution,
		aspect_ratio: request.aspectRatio,
		duration: durationOf(family, request.duration),
		enable_prompt_expansion: request.promptExtend,
		multi_shots: request.shotType === undefined ? undefined : request.shotType === 'multi',
		enable_audio: request.generateAudio,
		seed: request.seed,
	};
}

/** An image endpoint's input: `image_size` as {width, height}, from the Size option or the aspect ratio. */
export function imageInput(request: GenerationRequest): IDataObject {
	const size = requestedImageSize(request);
	return {
		prompt: request.prompt,
		negative_prompt: request.negativePrompt,
		image_urls: listIfAny(urlsOf(request, 'images')),
		image_size: size ? { width: size.width, height: size.height } : undefined,
		num_images: request.numberOfImages,
		enable_prompt_expansion: request.promptExtend,
		seed: request.seed,
	};
}
