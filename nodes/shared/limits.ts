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
