import type {
	AspectRatio,
	GenerationMode,
	ImageSize,
	MediaKind,
	ProviderId,
	Resolution,
} from './types';
import { ALIBABA_MODELS } from './models/alibaba';
import { APIXO_MODELS } from './models/apixo';
import { EVOLINK_MODELS } from './models/evolink';
import { GATEWAY_MODELS } from './models/gateway';

/** Optional request fields a model may accept; anything else set by the user is refused. */
export type OptionalField =
	| 'audioUrl'
	| 'callbackUrl'
	| 'generateAudio'
	| 'negativePrompt'
	| 'promptExtend'
	| 'seed'
	| 'shotType'
	| 'size'
	| 'watermark';

export interface CountRange {
	min: number;
	max: number;
}

export interface ImageSizeLimits {
	minPixels: number;
	maxPixels: number;
	/** width / height */
	minAspect: number;
	maxAspect: number;
}

/** One Wan model, as one provider serves it in one mode. */
export interface ModelSpec {
	provider: ProviderId;
	/** Catalogue key shown to users, e.g. `wan2.5`. */
	model: string;
	mode: GenerationMode;
	/** The provider's id for this model. */
	modelId: string;
	prompt: { required: boolean; maxLength: number };
	resolutions?: readonly Resolution[];
	/** Absent where the output follows the input image. */
	aspectRatios?: readonly AspectRatio[];
	durations?: readonly number[];
	imageUrls?: CountRange;
	referenceUrls?: CountRange;
	numberOfImages?: CountRange;
	sizeLimits?: ImageSizeLimits;
	optionalFields: readonly OptionalField[];
}

export const MODEL_NAMES: Record<string, string> = {
	'wan2.2': 'Wan 2.2',
	'wan2.5': 'Wan 2.5',
	'wan2.6': 'Wan 2.6',
	'wan2.6-flash': 'Wan 2.6 Flash',
};

/** Which node serves each mode. */
export const MODE_KINDS: Record<GenerationMode, MediaKind> = {
	imageToImage: 'image',
	imageToVideo: 'video',
	referenceToVideo: 'video',
	textToImage: 'image',
	textToVideo: 'video',
};

export const MODE_NAMES: Record<GenerationMode, string> = {
	imageToImage: 'Image to Image',
	imageToVideo: 'Image to Video',
	referenceToVideo: 'Reference to Video',
	textToImage: 'Text to Image',
	textToVideo: 'Text to Video',
};

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

export const CATALOGUE: readonly ModelSpec[] = [...EVOLINK_MODELS, ...APIXO_MODELS, ...ALIBABA_MODELS, ...GATEWAY_MODELS];

export function findModel(
	provider: ProviderId,
	mode: GenerationMode,
	model: string,
): ModelSpec | undefined {
	return CATALOGUE.find(
		(spec) => spec.provider === provider && spec.mode === mode && spec.model === model,
	);
}

export function modelsFor(provider: ProviderId, mode: GenerationMode): ModelSpec[] {
	return CATALOGUE.filter((spec) => spec.provider === provider && spec.mode === mode);
}

export function modesFor(provider: ProviderId, kind: MediaKind): GenerationMode[] {
	const modes = CATALOGUE.filter((spec) => spec.provider === provider && MODE_KINDS[spec.mode] === kind).map(
		(spec) => spec.mode,
	);
	return [...new Set(modes)];
}
