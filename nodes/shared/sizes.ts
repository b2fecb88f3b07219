import type { AspectRatio, ImageSize, Resolution } from './types';

/**
 * Output sizes of Wan video models by resolution tier and aspect ratio (Alibaba's table, which every
 * provider follows). A missing entry is a combination no provider serves: 480p has no 4:3 or 3:4.
 */
export const VIDEO_SIZES: Record<Resolution, Partial<Record<AspectRatio, ImageSize>>> = {
	'480p': {
		'16:9': { width: 832, height: 480 },
		'9:16': { width: 480, height: 832 },
		'1:1': { width: 624, height: 624 },
	},
	'720p': {
		'16:9': { width: 1280, height: 720 },
		'9:16': { width: 720, height: 1280 },
		'1:1': { width: 960, height: 960 },
		'4:3': { width: 1088, height: 832 },
		'3:4': { width: 832, height: 1088 },
	},
	'1080p': {
		'16:9': { width: 1920, height: 1080 },
		'9:16': { width: 1080, height: 1920 },
		'1:1': { width: 1440, height: 1440 },
		'4:3': { width: 1632, height: 1248 },
		'3:4': { width: 1248, height: 1632 },
	},
};

/** Image sizes used when only an aspect ratio is given (Alibaba's recommended Wan 2.5 sizes). */
export const IMAGE_SIZES: Record<AspectRatio, ImageSize> = {
	'1:1': { width: 1280, height: 1280 },
	'3:4': { width: 1104, height: 1472 },
	'4:3': { width: 1472, height: 1104 },
	'9:16': { width: 960, height: 1696 },
	'16:9': { width: 1696, height: 960 },
};
