import type { IDataObject } from 'n8n-workflow';

import { entriesOfType, urlsOf, type GenerationRequest } from '../../request';
import { listIfAny, videoSizeText } from '../body';
import { tierOf } from '../imageTiers';

/**
 * APIXO's media fields, whatever the mode: every image in `image_urls`, every video in `video_urls`, audio
 * in `audio_urls` (https://apixo.ai/docs/models/video/wan-2-7, "Public media fields"). Within a list the
 * order is the order the model reads: the first frame before the last frame, a source video before any
 * reference, references as the user listed them.
 */
export function mediaFields(request: GenerationRequest): IDataObject {
	const references = (type: 'image' | 'video') => entriesOfType(request, 'references', type).map((entry) => entry.url);
	const images = [
		...urlsOf(request, 'firstFrame'),
		...urlsOf(request, 'lastFrame'),
		...urlsOf(request, 'images'),
		...references('image'),
	];
	const videos = [...urlsOf(request, 'video'), ...references('video')];
	return {
		image_urls: listIfAny(images),
		video_urls: listIfAny(videos),
		audio_urls: listIfAny(urlsOf(request, 'audio')),
	};
}

/** The video's shape, as the model entry says this model takes it (`shapeAs`). */
function videoShape(request: GenerationRequest): IDataObject {
	if (!request.aspectRatio || !request.resolution) return {};
	if (request.spec.shapeAs === 'aspectRatio') return { aspect_ratio: request.aspectRatio };
	return { size: videoSizeText(request) };
}

export function videoFields(request: GenerationRequest): IDataObject {
	return {
		resolution: request.resolution,
		duration: request.duration,
		...videoShape(request),
		sound: request.generateAudio,
		watermark: request.watermark,
		seed: request.seed,
	};
}

export function imageFields(request: GenerationRequest): IDataObject {
	return {
		// Always sent: APIXO's wan-2-5-image makes 4 images when `num_images` is omitted.
		num_images: request.numberOfImages,
		aspect_ratio: request.aspectRatio,
		enable_sequential: request.imageSet,
		resolution: tierOf(request.size),
		watermark: request.watermark,
		seed: request.seed,
	};
}
