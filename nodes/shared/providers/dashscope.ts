import type { IDataObject } from 'n8n-workflow';

import { MODES } from '../modes';
import { urlOf, urlsOf, type GenerationRequest } from '../request';
import { compact, listIfAny, videoSizeText } from './body';

/**
 * The `input` and `parameters` of a DashScope video request (without the prompt). Alibaba's own API
 * takes them as they are; a New-API gateway forwards the same fields to DashScope from its `metadata`.
 */
export function dashscopeVideoFields(request: GenerationRequest): { input: IDataObject; parameters: IDataObject } {
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
