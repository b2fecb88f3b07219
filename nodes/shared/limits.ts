import type { CountRange, ImageSizeLimits, MediaRange } from './modelSpec';

/** Limits several providers share, named once. What each Wan model allows is in `wanModels.ts`. */
export const ONE: CountRange = { min: 1, max: 1 };
/** An optional single entry, e.g. an audio track. */
export const AT_MOST_ONE: CountRange = { min: 0, max: 1 };
export const ONE_TO_FOUR: CountRange = { min: 1, max: 4 };
export const WAN25_IMAGE_SIZE: ImageSizeLimits = {
	minPixels: 768 * 768,
	maxPixels: 1440 * 1440,
	minAspect: 1 / 4,
	maxAspect: 4,
};
/** Wan 2.7 image editing takes 1–9 input images. */
export const ONE_TO_NINE: CountRange = { min: 1, max: 9 };
/** Wan 2.7 image sets hold up to 12 images. */
export const IMAGE_SET: CountRange = { min: 1, max: 12 };
/**
 * wan2.6-r2v: 1–5 references, at most 3 of them videos (Alibaba's reference-to-video API reference,
 * https://www.alibabacloud.com/help/en/model-studio/wan-video-to-video-api-reference).
 */
export const WAN26_REFERENCES: MediaRange = { min: 1, max: 5, maxOfType: { video: 3 } };
/** wan2.7-r2v: 1–5 references, images and videos together (the same page). */
export const WAN27_REFERENCES: MediaRange = { min: 1, max: 5 };
/** wan2.7-r2v: a voice for each reference at most. */
export const WAN27_VOICES: MediaRange = { min: 0, max: 5 };
/** wan2.7-videoedit: up to 4 reference images (https://www.alibabacloud.com/help/en/model-studio/wan-video-editing-api-reference). */
export const WAN27_EDIT_REFERENCES: MediaRange = { min: 0, max: 4 };
/** Wan 3.0: up to ten reference images and five reference videos; frames and references are not mixed. */
export const WAN30_REFERENCES: MediaRange = { min: 1, max: 15, maxOfType: { image: 10, video: 5 } };
