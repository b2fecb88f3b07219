import type { CountRange, ImageSizeLimits } from './modelSpec';

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
