import type { IDataObject } from 'n8n-workflow';

import { MODES, type GenerationMode, type MediaSlot } from '../modes';
import { urlOf, urlsOf, type GenerationRequest } from '../request';
import { compact, listIfAny, videoSizeText } from './body';

/** The `input` and `parameters` of a DashScope video request, without the prompt. */
interface DashScopeVideoFields {
	input: IDataObject;
	parameters: IDataObject;
}

/** The `input.media[]` type of each slot's entries (Wan 2.7 on); references are typed entry by entry. */
const MEDIA_TYPES: Partial<Record<MediaSlot, string>> = {
	firstFrame: 'first_frame',
	lastFrame: 'last_frame',
	audio: 'driving_audio',
	video: 'video',
};

/**
 * Where a mode gives a slot another meaning: the clip to continue; a sound beside references (Wan 3.0),
 * one more reference to draw on; a text-to-video soundtrack, which is `input.audio_url`, not an entry (null).
 */
const MODE_MEDIA_TYPES: Partial<Record<GenerationMode, Partial<Record<MediaSlot, string | null>>>> = {
	extendVideo: { video: 'first_clip' },
	referenceToVideo: { audio: 'reference_audio' },
	textToVideo: { audio: null },
};

function mediaType(request: GenerationRequest, slot: MediaSlot, entryType: string | undefined): string | null | undefined {
	if (slot === 'references') return entryType === 'video' ? 'reference_video' : 'reference_image';
	const byMode = MODE_MEDIA_TYPES[request.mode]?.[slot];
	return byMode === undefined ? MEDIA_TYPES[slot] : byMode;
}

/** Every media input as an `input.media[]` entry, in the mode's slot order; a voice rides on its reference. */
function mediaEntries(request: GenerationRequest): IDataObject[] {
	const voices = urlsOf(request, 'voices');
	return MODES[request.mode].slots.flatMap((slot) =>
		(request.media[slot.slot] ?? []).flatMap((entry, index): IDataObject[] => {
			const type = mediaType(request, slot.slot, entry.type);
			if (!type) return [];
			const voice = slot.slot === 'references' ? voices[index] : undefined;
			return [compact({ type, url: entry.url, reference_voice: voice })];
		}),
	);
}

/** The newer protocol: media as typed entries, the shape as a resolution tier and a ratio. */
function mediaProtocolFields(request: GenerationRequest): DashScopeVideoFields {
	return {
		input: compact({
			negative_prompt: request.negativePrompt,
			media: listIfAny(mediaEntries(request)),
			audio_url: mediaType(request, 'audio', undefined) === null ? urlOf(request, 'audio') : undefined,
		}),
		parameters: compact({
			resolution: request.resolution?.toUpperCase(),
			ratio: request.aspectRatio,
			duration: request.duration,
			prompt_extend: request.promptExtend,
			audio: request.generateAudio,
			audio_setting: request.keepSourceAudio === undefined ? undefined : request.keepSourceAudio ? 'origin' : 'auto',
			watermark: request.watermark,
			seed: request.seed,
		}),
	};
}

/** The older protocol (Wan 2.2–2.6): one field per input, an exact size where the user picks the shape. */
function legacyFields(request: GenerationRequest): DashScopeVideoFields {
	// A mode without an aspect ratio follows its input image: it takes a resolution tier, not an exact size.
	const followsImage = !MODES[request.mode].aspectRatio;
	return {
		input: compact({
			negative_prompt: request.negativePrompt,
			img_url: urlOf(request, 'firstFrame'),
			reference_urls: listIfAny(urlsOf(request, 'references')),
			audio_url: urlOf(request, 'audio'),
		}),
		parameters: compact({
			size: followsImage ? undefined : videoSizeText(request),
			resolution: followsImage ? request.resolution?.toUpperCase() : undefined,
			duration: request.duration,
			prompt_extend: request.promptExtend,
			shot_type: request.shotType,
			audio: request.generateAudio,
			watermark: request.watermark,
			seed: request.seed,
		}),
	};
}

/**
 * The `input` and `parameters` of a DashScope video request (without the prompt). Alibaba's own API
 * takes them as they are; a New-API gateway forwards the same fields to DashScope from its `metadata`.
 */
export function dashscopeVideoFields(request: GenerationRequest): DashScopeVideoFields {
	return request.spec.mediaProtocol ? mediaProtocolFields(request) : legacyFields(request);
}
