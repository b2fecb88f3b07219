import type { IDataObject } from 'n8n-workflow';

import { MODES, type MediaSlot } from '../modes';
import { urlOf, urlsOf, type GenerationRequest } from '../request';
import { compact, listIfAny, videoSizeText } from './body';

/** The `input` and `parameters` of a DashScope video request, without the prompt. */
interface DashScopeVideoFields {
	input: IDataObject;
	parameters: IDataObject;
}

/**
 * The `input.media[]` type of each slot's entries (Wan 2.7 on). Audio drives a video made from frames;
 * a video is the clip to continue when extending and the source when editing.
 */
function mediaType(request: GenerationRequest, slot: MediaSlot, entryType: string | undefined): string | undefined {
	switch (slot) {
		case 'firstFrame':
			return 'first_frame';
		case 'lastFrame':
			return 'last_frame';
		case 'audio':
			// Beside references (Wan 3.0) a sound is one more reference, a voice or music to draw on.
			if (request.mode === 'referenceToVideo') return 'reference_audio';
			return request.mode === 'textToVideo' ? undefined : 'driving_audio';
		case 'video':
			return request.mode === 'extendVideo' ? 'first_clip' : 'video';
		case 'references':
			return entryType === 'video' ? 'reference_video' : 'reference_image';
		default:
			return undefined;
	}
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
			audio_url: request.mode === 'textToVideo' ? urlOf(request, 'audio') : undefined,
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
