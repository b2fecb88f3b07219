import type { CountRange, ImageSizeLimits } from './modelSpec';
import type { AspectRatio, Resolution } from './types';

/** Limits several providers share, named once. */
export const ALL_RATIOS: readonly AspectRatio[] = ['16:9', '9:16', '1:1', '4:3', '3:4'];
export const ALL_RESOLUTIONS: readonly Resolution[] = ['480p', '720p', '1080p'];
export const HD_RESOLUTIONS: readonly Resolution[] = ['720p', '1080p'];
export const FIVE_OR_TEN: readonly number[] = [5, 10];
export const TWO_TO_FIFTEEN: readonly number[] = Array.from({ length: 14 }, (_, i) => i + 2);
export const TWO_TO_TEN: readonly number[] = Array.from({ length: 9 }, (_, i) => i + 2);
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

