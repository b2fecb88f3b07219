import type { GenerationMode, MediaSlot } from './modes';
import type { AspectRatio, ProviderId, Resolution } from './types';

/** Optional request fields a model may accept; anything else set by the user is refused. */
export type OptionalField =
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
	/** How many entries each media slot of the mode takes; a slot left out is one the model does not take. */
	media?: Partial<Record<MediaSlot, CountRange>>;
	numberOfImages?: CountRange;
	sizeLimits?: ImageSizeLimits;
	optionalFields: readonly OptionalField[];
	/** The provider's own name for the mode, where its API takes one in the body (APIXO's `input.mode`). */
	providerMode?: string;
	/** How the video's shape is sent where a provider takes either: a `W*H` preset or an aspect ratio. */
	shapeAs?: 'size' | 'aspectRatio';
	/** DashScope image models that speak the newer messages protocol (`input.messages`). */
	messagesProtocol?: boolean;
}

/** A model entry as a provider's folder lists it: the registry adds the provider. */
export type ProviderModel = Omit<ModelSpec, 'provider'>;
