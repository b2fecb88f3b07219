import type { IDataObject } from 'n8n-workflow';

import { entriesOfType, urlOf, urlsOf, type GenerationRequest } from '../../request';
import type { MediaType } from '../../types';
import { compactOrNone, listIfAny } from '../body';

function urlsOfType(request: GenerationRequest, type: MediaType): string[] {
	return entriesOfType(request, 'references', type).map((entry) => entry.url);
}

/**
 * `model_params.voice_bindings`: each voice keyed by the reference it speaks for, `image{N}` / `video{N}`
 * with N counted per type from 1, as the prompt's "Image N" / "Video N" (wan2.7-reference-video page).
 */
function voiceBindings(request: GenerationRequest): IDataObject | undefined {
	const voices = urlsOf(request, 'voices');
	if (voices.length === 0) return undefined;
	const seen: Partial<Record<MediaType, number>> = {};
	const bindings: IDataObject = {};
	(request.media.references ?? []).forEach((entry, index) => {
		if (!entry.type) return;
		seen[entry.type] = (seen[entry.type] ?? 0) + 1;
		if (voices[index]) bindings[`${entry.type}${seen[entry.type]}`] = voices[index];
	});
	return bindings;
}

function modelParams(request: GenerationRequest): IDataObject | undefined {
	return compactOrNone({ shot_type: request.shotType, voice_bindings: voiceBindings(request) });
}

/**
 * The media fields of a video body, from the request's slots: frames, the source or continued clip,
 * references split by type, audio and voices. A field the request has nothing for is left out.
 */
export function mediaFields(request: GenerationRequest): IDataObject {
	// Wan 2.5/2.6 list the first frame in `image_urls` and take one `audio_url` (the model entry's `namedMedia`).
	const listed = !request.spec.namedMedia;
	const audio = urlsOf(request, 'audio');
	return {
		image_start: listed ? undefined : urlOf(request, 'firstFrame'),
		image_end: urlOf(request, 'lastFrame'),
		image_urls: listIfAny([...(listed ? urlsOf(request, 'firstFrame') : []), ...urlsOfType(request, 'image')]),
		video_urls: listIfAny([...urlsOf(request, 'video'), ...urlsOfType(request, 'video')]),
		audio_url: listed ? audio[0] : undefined,
		audio_urls: listed ? undefined : listIfAny(audio),
		model_params: modelParams(request),
	};
}
