import type { IDataObject } from 'n8n-workflow';

import { entriesOfType, urlOf, type GenerationRequest } from '../../request';
import { listIfAny, requestedImageSize, videoSizeText } from '../body';

/**
 * The reference fields of a WaveSpeed Wan model, told by what its entry lets in: a model that takes no
 * reference video lists its images in `reference_urls` (wan-2.6 flash); the others take `videos` and, where
 * allowed, one `image` (wan-2.7).
 */
function referenceFields(request: GenerationRequest): IDataObject {
	if (!request.media.references) return {};
	const images = entriesOfType(request, 'references', 'image').map((entry) => entry.url);
	const videos = entriesOfType(request, 'references', 'video').map((entry) => entry.url);
	if (request.spec.media?.references?.maxOfType?.video === 0) return { reference_urls: listIfAny(images) };
	return { videos: listIfAny(videos), image: images[0] };
}

/** The video's shape: a `size` preset where the page lists them, else the `resolution` tier. */
function videoShape(request: GenerationRequest): IDataObject {
	if (request.spec.shapeAs === 'size') return { size: videoSizeText(request) };
	return { resolution: request.resolution };
}

export function videoFields(request: GenerationRequest): IDataObject {
	return {
		image: urlOf(request, 'firstFrame'),
		...referenceFields(request),
		audio: urlOf(request, 'audio'),
		...videoShape(request),
		duration: request.duration,
		shot_type: request.shotType,
		enable_audio: request.generateAudio,
		enable_prompt_expansion: request.promptExtend,
	};
}

export function imageFields(request: GenerationRequest): IDataObject {
	const size = requestedImageSize(request);
	return {
		size: size ? `${size.width}*${size.height}` : undefined,
		// Always sent: the page's `n` decides how many images are made, and billed.
		n: request.numberOfImages,
		prompt_extend: request.promptExtend,
		watermark: request.watermark,
	};
}
