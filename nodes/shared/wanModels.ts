import type { ModelSpec } from './modelSpec';
import type { GenerationMode } from './modes';
import type { AspectRatio, Resolution } from './types';

/**
 * What one Wan model allows in one mode, per Alibaba's own docs (providers.md §3), which every provider
 * follows. A provider's entry spreads it and adds what is its own, overriding where its docs differ.
 */
export type WanModelMode = Pick<
	ModelSpec,
	'model' | 'mode' | 'prompt' | 'resolutions' | 'aspectRatios' | 'durations' | 'durationsWithReferenceVideo' | 'imagePixels'
>;

/** A Wan model's modes, each under its own name. */
type WanModes = { [M in GenerationMode]?: WanModelMode & { mode: M } };

const ALL_RATIOS: readonly AspectRatio[] = ['16:9', '9:16', '1:1', '4:3', '3:4'];
const ALL_RESOLUTIONS: readonly Resolution[] = ['480p', '720p', '1080p'];
/** Wan 2.2 serves 480P and 1080P, not 720P. */
const WAN22_RESOLUTIONS: readonly Resolution[] = ['480p', '1080p'];
const HD_RESOLUTIONS: readonly Resolution[] = ['720p', '1080p'];
const FIVE_OR_TEN: readonly number[] = [5, 10];
const TWO_TO_FIFTEEN: readonly number[] = Array.from({ length: 14 }, (_, i) => i + 2);
const TWO_TO_TEN: readonly number[] = Array.from({ length: 9 }, (_, i) => i + 2);

/** A first frame for Wan 2.2–2.6 image to video (`img_url`): 360–2000 px a side. */
const FRAME_PIXELS = { min: 360, max: 2000 };
/** Images to edit on Wan 2.5 and 2.6: 384–5000 px a side. */
const EDIT_PIXELS = { min: 384, max: 5000 };
/** Every image Wan 2.7 takes: 240–8000 px a side, from 1:8 to 8:1. */
const WAN27_PIXELS = { min: 240, max: 8000, maxAspect: 8 };

// Image to video takes the prompt as optional; there the output follows the image, so no aspect ratio.

export const WAN22 = {
	textToVideo: {
		model: 'wan2.2',
		mode: 'textToVideo',
		prompt: { required: true, maxLength: 800 },
		resolutions: WAN22_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: [5],
	},
	imageToVideo: {
		model: 'wan2.2',
		mode: 'imageToVideo',
		prompt: { required: false, maxLength: 800 },
		resolutions: WAN22_RESOLUTIONS,
		durations: [5],
		imagePixels: FRAME_PIXELS,
	},
} satisfies WanModes;

export const WAN25 = {
	textToVideo: {
		model: 'wan2.5',
		mode: 'textToVideo',
		prompt: { required: true, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: FIVE_OR_TEN,
	},
	imageToVideo: {
		model: 'wan2.5',
		mode: 'imageToVideo',
		prompt: { required: false, maxLength: 1500 },
		resolutions: ALL_RESOLUTIONS,
		durations: FIVE_OR_TEN,
		imagePixels: FRAME_PIXELS,
	},
	textToImage: {
		model: 'wan2.5',
		mode: 'textToImage',
		prompt: { required: true, maxLength: 2000 },
		aspectRatios: ALL_RATIOS,
	},
	imageToImage: {
		model: 'wan2.5',
		mode: 'imageToImage',
		prompt: { required: true, maxLength: 2000 },
		imagePixels: EDIT_PIXELS,
	},
} satisfies WanModes;

export const WAN26 = {
	textToVideo: {
		model: 'wan2.6',
		mode: 'textToVideo',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_FIFTEEN,
	},
	imageToVideo: {
		model: 'wan2.6',
		mode: 'imageToVideo',
		prompt: { required: false, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		imagePixels: FRAME_PIXELS,
	},
	referenceToVideo: {
		model: 'wan2.6',
		mode: 'referenceToVideo',
		prompt: { required: true, maxLength: 1500 },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_TEN,
	},
	textToImage: {
		model: 'wan2.6',
		mode: 'textToImage',
		prompt: { required: true, maxLength: 2100 },
		aspectRatios: ALL_RATIOS,
	},
	imageToImage: {
		model: 'wan2.6',
		mode: 'imageToImage',
		prompt: { required: true, maxLength: 2000 },
		imagePixels: EDIT_PIXELS,
	},
} satisfies WanModes;

/** Wan 2.6 Flash allows what Wan 2.6 does, in the two modes it has. */
export const WAN26_FLASH = {
	imageToVideo: { ...WAN26.imageToVideo, model: 'wan2.6-flash' },
	referenceToVideo: { ...WAN26.referenceToVideo, model: 'wan2.6-flash' },
} satisfies WanModes;

const WAN27_PROMPT = 5000;

/**
 * Wan 2.7 (Alibaba's wan2.7 API references: text-to-video-api-reference, wan-image-to-video-guide,
 * wan-video-to-video-api-reference, wan-video-editing-api-reference, wan-image-edit-2-5; see
 * docs/research/wan-2.7-providers.md §3): prompts of up to 5000 characters, 720P and 1080P, 2–15 s
 * (2–10 s once a reference is a video; an edit keeps its source's length, 0, or takes 2–10 s).
 * Extending a clip (`first_clip`) and both frames are modes of the image-to-video model.
 */
export const WAN27 = {
	textToVideo: {
		model: 'wan2.7',
		mode: 'textToVideo',
		prompt: { required: true, maxLength: WAN27_PROMPT },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_FIFTEEN,
	},
	imageToVideo: {
		model: 'wan2.7',
		mode: 'imageToVideo',
		prompt: { required: false, maxLength: WAN27_PROMPT },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		imagePixels: WAN27_PIXELS,
	},
	firstLastFrameToVideo: {
		model: 'wan2.7',
		mode: 'firstLastFrameToVideo',
		prompt: { required: false, maxLength: WAN27_PROMPT },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		imagePixels: WAN27_PIXELS,
	},
	extendVideo: {
		model: 'wan2.7',
		mode: 'extendVideo',
		prompt: { required: false, maxLength: WAN27_PROMPT },
		resolutions: HD_RESOLUTIONS,
		durations: TWO_TO_FIFTEEN,
		imagePixels: WAN27_PIXELS,
	},
	referenceToVideo: {
		model: 'wan2.7',
		mode: 'referenceToVideo',
		prompt: { required: true, maxLength: WAN27_PROMPT },
		resolutions: HD_RESOLUTIONS,
		aspectRatios: ALL_RATIOS,
		durations: TWO_TO_FIFTEEN,
		durationsWithReferenceVideo: TWO_TO_TEN,
		imagePixels: WAN27_PIXELS,
	},
	editVideo: {
		model: 'wan2.7',
		mode: 'editVideo',
		prompt: { required: false, maxLength: WAN27_PROMPT },
		resolutions: HD_RESOLUTIONS,
		durations: [0, ...TWO_TO_TEN],
		imagePixels: WAN27_PIXELS,
	},
	textToImage: {
		model: 'wan2.7',
		mode: 'textToImage',
		prompt: { required: true, maxLength: WAN27_PROMPT },
		aspectRatios: ALL_RATIOS,
	},
	imageToImage: {
		model: 'wan2.7',
		mode: 'imageToImage',
		prompt: { required: true, maxLength: WAN27_PROMPT },
		imagePixels: WAN27_PIXELS,
	},
} satisfies WanModes;

/** Wan 2.7 Pro is Wan 2.7's image model at higher quality (4K text to image). */
export const WAN27_PRO = {
	textToImage: { ...WAN27.textToImage, model: 'wan2.7-pro' },
	imageToImage: { ...WAN27.imageToImage, model: 'wan2.7-pro' },
} satisfies WanModes;

const WAN30_PROMPT = 20_000;
/** 2–30 s, or -1: the model picks the length. */
const WAN30_DURATIONS: readonly number[] = [-1, ...Array.from({ length: 29 }, (_, i) => i + 2)];
const WAN30_SHARED = { model: 'wan3.0', resolutions: ALL_RESOLUTIONS, durations: WAN30_DURATIONS };

/**
 * Wan 3.0 (Alibaba's Wan 3.0 API reference, https://www.alibabacloud.com/help/es/model-studio/wan3-video-generation-api-reference):
 * prompts of up to 20,000 characters, 480P/720P/1080P, 2–30 s or -1; one model for text, first frame, first
 * and last frame, and references. The ratio is the model's choice ("adaptive") unless set, and only text and
 * references set it.
 */
export const WAN30 = {
	textToVideo: { ...WAN30_SHARED, mode: 'textToVideo', prompt: { required: true, maxLength: WAN30_PROMPT }, aspectRatios: ALL_RATIOS },
	imageToVideo: { ...WAN30_SHARED, mode: 'imageToVideo', prompt: { required: false, maxLength: WAN30_PROMPT } },
	firstLastFrameToVideo: { ...WAN30_SHARED, mode: 'firstLastFrameToVideo', prompt: { required: false, maxLength: WAN30_PROMPT } },
	referenceToVideo: { ...WAN30_SHARED, mode: 'referenceToVideo', prompt: { required: true, maxLength: WAN30_PROMPT }, aspectRatios: ALL_RATIOS },
} satisfies WanModes;
