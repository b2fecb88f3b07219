import type { IDataObject } from 'n8n-workflow';

import { entriesOfType, urlOf, urlsOf, type GenerationRequest } from '../../request';
import { listIfAny } from '../body';
import { tierOf } from '../imageTiers';

/**
 * The `input` object of a Kie.ai task, per model family: each Kie model page names its own fields (a first
 * frame is `image_url`, `image_urls`, `first_frame_url` or `first_frame`; the ratio `aspect_ratio` or `ratio`;
 * the duration a string on 2.5 and 2.6, a number from 2.7 on). Only what the request has is sent (the caller
 * compacts); options a model does not take never reach here (validation refuses them).
 */
type InputBuilder = (request: GenerationRequest) => IDataObject;

const referenceUrls = (request: GenerationRequest, type: 'image' | 'video') =>
	entriesOfType(request, 'references', type).map((entry) => entry.url);

/** Wan 2.2 A14B Turbo: image_url; no duration field. */
const wan22: InputBuilder = (request) => ({
	image_url: urlOf(request, 'firstFrame'),
	resolution: request.resolution,
	aspect_ratio: request.aspectRatio,
	enable_prompt_expansion: request.promptExtend,
	seed: request.seed,
});

/** Wan 2.5: image_url, duration as a string ("5" / "10"). */
const wan25: InputBuilder = (request) => ({
	image_url: urlOf(request, 'firstFrame'),
	duration: request.duration === undefined ? undefined : String(request.duration),
	aspect_ratio: request.aspectRatio,
	resolution: request.resolution,
	negative_prompt: request.negativePrompt,
	enable_prompt_expansion: request.promptExtend,
	seed: request.seed,
});

/** Wan 2.6: the first frame as a one-entry `image_urls`, reference videos as `video_urls`, duration a string. */
const wan26: InputBuilder = (request) => ({
	image_urls: listIfAny(urlsOf(request, 'firstFrame')),
	video_urls: listIfAny(referenceUrls(request, 'video')),
	duration: request.duration === undefined ? undefined : String(request.duration),
	resolution: request.resolution,
});

/** Wan 2.6 Flash: Wan 2.6's fields, `audio` (required by the image-to-video page: off unless asked) and `multi_shots`. */
const wan26Flash: InputBuilder = (request) => ({
	...wan26(request),
	audio: request.generateAudio ?? false,
	multi_shots: request.shotType === undefined ? undefined : request.shotType === 'multi',
});

/** What every Wan 2.7 video page takes besides its media. */
const wan27Common = (request: GenerationRequest): IDataObject => ({
	negative_prompt: request.negativePrompt,
	resolution: request.resolution,
	duration: request.duration,
	prompt_extend: request.promptExtend,
	watermark: request.watermark,
	seed: request.seed,
});

/** wan/2-7-text-to-video: `ratio`, and an optional `audio_url`. */
const wan27Text: InputBuilder = (request) => ({
	...wan27Common(request),
	audio_url: urlOf(request, 'audio'),
	ratio: request.aspectRatio,
});

/** wan/2-7-image-to-video: first frame, last frame or first clip; driving audio. */
const wan27Image: InputBuilder = (request) => ({
	...wan27Common(request),
	first_frame_url: urlOf(request, 'firstFrame'),
	last_frame_url: urlOf(request, 'lastFrame'),
	first_clip_url: urlOf(request, 'video'),
	driving_audio_url: urlOf(request, 'audio'),
});

/** wan/2-7-r2v: references split by type, an optional first frame, one voice. */
const wan27Reference: InputBuilder = (request) => ({
	...wan27Common(request),
	reference_image: listIfAny(referenceUrls(request, 'image')),
	reference_video: listIfAny(referenceUrls(request, 'video')),
	first_frame: urlOf(request, 'firstFrame'),
	reference_voice: urlOf(request, 'voices'),
	aspect_ratio: request.aspectRatio,
});

/** wan/2-7-videoedit: the source video, one reference image, and whether the source's sound is kept. */
const wan27Edit: InputBuilder = (request) => ({
	...wan27Common(request),
	video_url: urlOf(request, 'video'),
	reference_image: referenceUrls(request, 'image')[0],
	audio_setting: request.keepSourceAudio === undefined ? undefined : request.keepSourceAudio ? 'origin' : 'auto',
});

/** wan/2-7-image-pro: input images in `input_urls`; `n` always sent, as Kie makes 4 (12 in a set) without it. */
const wan27ImagePro: InputBuilder = (request) => ({
	input_urls: listIfAny(urlsOf(request, 'images')),
	aspect_ratio: request.aspectRatio,
	enable_sequential: request.imageSet,
	n: request.numberOfImages,
	resolution: tierOf(request.size)?.toUpperCase(),
	watermark: request.watermark,
	seed: request.seed,
});

/** wan/3-0-video: frames or references (the Audio URL is a reference audio), resolution in capitals. */
const wan30: InputBuilder = (request) => ({
	first_frame_url: urlOf(request, 'firstFrame'),
	last_frame_url: urlOf(request, 'lastFrame'),
	reference_image_urls: listIfAny(referenceUrls(request, 'image')),
	reference_video_urls: listIfAny(referenceUrls(request, 'video')),
	reference_audio_urls: listIfAny(urlsOf(request, 'audio')),
	resolution: request.resolution?.toUpperCase(),
	aspect_ratio: request.aspectRatio,
	duration: request.duration,
	audio: request.generateAudio,
	seed: request.seed,
});

/** Each Kie model id's family (the catalogue entry's id: a Model ID override keeps its entry's fields). */
const BUILDERS: Record<string, InputBuilder> = {
	'wan/2-2-a14b-text-to-video-turbo': wan22,
	'wan/2-2-a14b-image-to-video-turbo': wan22,
	'wan/2-5-text-to-video': wan25,
	'wan/2-5-image-to-video': wan25,
	'wan/2-6-text-to-video': wan26,
	'wan/2-6-image-to-video': wan26,
	'wan/2-6-video-to-video': wan26,
	'wan/2-6-flash-image-to-video': wan26Flash,
	'wan/2-6-flash-video-to-video': wan26Flash,
	'wan/2-7-text-to-video': wan27Text,
	'wan/2-7-image-to-video': wan27Image,
	'wan/2-7-r2v': wan27Reference,
	'wan/2-7-videoedit': wan27Edit,
	'wan/2-7-image-pro': wan27ImagePro,
	'wan/3-0-video': wan30,
	'wan/3-0-video-prime': wan30,
};

/** The model's own fields of the task's `input`, the prompt first. */
export function inputFields(request: GenerationRequest): IDataObject {
	const build = BUILDERS[request.spec.modelId];
	if (!build) throw new Error(`Kie.ai model ${request.spec.modelId} has no input mapping`);
	return { prompt: request.prompt, ...build(request) };
}
