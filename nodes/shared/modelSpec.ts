import type { GenerationMode, MediaSlot } from './modes';
import type { AspectRatio, MediaType, ProviderId, Resolution } from './types';

/** Optional request fields a model may accept; anything else set by the user is refused. */
export type OptionalField =
	| 'callbackUrl'
	| 'generateAudio'
	| 'imageSet'
	| 'keepSourceAudio'
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

/** How many entries a media slot takes; a list of mixed media may cap each type on its own. */
export interface MediaRange extends CountRange {
	/** At most this many entries of a type (0: the model takes none of it in this slot). */
	maxOfType?: Partial<Record<MediaType, number>>;
	/** At least this many entries of a type (WaveSpeed's Wan 2.7 references need a video). */
	minOfType?: Partial<Record<MediaType, number>>;
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
	/** Seconds; `0` keeps the source video's length, `-1` lets the model choose. */
	durations?: readonly number[];
	/** The durations allowed instead when any reference is a video. */
	durationsWithReferenceVideo?: readonly number[];
	/** How many entries each media slot of the mode takes; a slot left out is one the model does not take. */
	media?: Partial<Record<MediaSlot, MediaRange>>;
	numberOfImages?: CountRange;
	/** How many images an image set (the Image Set option) may hold. */
	imageSetSize?: CountRange;
	sizeLimits?: ImageSizeLimits;
	/** What an input image may measure: each side in pixels, and at most this long side to short side. */
	imagePixels?: { min: number; max: number; maxAspect?: number };
	optionalFields: readonly OptionalField[];
	/** The provider's own name for the mode, where its API takes one in the body (APIXO's `input.mode`). */
	providerMode?: string;
	/** How the video's shape is sent where a provider takes either: a `W*H` preset or an aspect ratio. */
	shapeAs?: 'size' | 'aspectRatio';
	/** DashScope image models that speak the newer messages protocol (`input.messages`). */
	messagesProtocol?: boolean;
	/** DashScope video models (Wan 2.7 on) that take every media input as an `input.media[]` entry. */
	mediaProtocol?: boolean;
	/** DashScope first-and-last-frame models (kf2v) on the image2video endpoint (`input.first_frame_url`, `last_frame_url`). */
	keyframesProtocol?: boolean;
	/**
	 * EvoLink Wan 2.7: single inputs in fields named for their role (`image_start`, `image_end`) and audio as
	 * `audio_urls`, where older models list the first frame in `image_urls` and take one `audio_url`.
	 */
	namedMedia?: boolean;
	/** DashScope models served only on a workspace's own domain (`{WorkspaceId}.{region}.maas.aliyuncs.com`). */
	workspaceOnly?: boolean;
}

/** A model entry as a provider's folder lists it: the registry adds the provider. */
export type ProviderModel = Omit<ModelSpec, 'provider'>;
