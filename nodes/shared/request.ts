import type { IDataObject } from 'n8n-workflow';

import type { ModelSpec } from './modelSpec';
import type { GenerationMode, MediaSlot } from './modes';
import type { AspectRatio, ImageSize, MediaKind, MediaType, Resolution, ShotType } from './types';

/** A file in a binary field of the input item, as n8n describes it. */
export interface BinaryFile {
	/** The binary field's name, e.g. `data`. */
	field: string;
	fileName: string;
	mimeType: string;
	bytes: number;
	/** Where n8n stores it, when not inline in the item: its bytes are then streamed from the store. */
	id?: string;
}

/**
 * One media input: a public URL the provider fetches itself, and what it holds where that is known. An
 * entry from a binary field carries the `file` and an empty `url` until `prepareRequest` turns the file
 * into something the provider can fetch: adapters only ever see prepared requests.
 */
export interface MediaRef {
	url: string;
	/** Known from the slot, the URL's file type, the file's MIME type or the host's answer; unknown only until checked. */
	type?: MediaType;
	file?: BinaryFile;
}

/** Everything a provider needs to create one task, already validated against the catalogue. */
export interface GenerationRequest {
	kind: MediaKind;
	mode: GenerationMode;
	/** The catalogue entry the request was checked against: its limits and the provider's quirks. */
	spec: ModelSpec;
	/** The provider's own model id (the entry's, or the user's `modelId` override). */
	modelId: string;
	prompt?: string;
	negativePrompt?: string;
	/** The mode's media inputs; a slot the user left empty is absent. */
	media: Partial<Record<MediaSlot, MediaRef[]>>;
	resolution?: Resolution;
	aspectRatio?: AspectRatio;
	duration?: number;
	numberOfImages?: number;
	size?: ImageSize;
	generateAudio?: boolean;
	/** A set of related images (image models that make sets). */
	imageSet?: boolean;
	/** Keep the source video's sound in an edit; unset lets the model decide. */
	keepSourceAudio?: boolean;
	promptExtend?: boolean;
	seed?: number;
	shotType?: ShotType;
	watermark?: boolean;
	callbackUrl?: string;
	extraParameters?: IDataObject;
}

/** The URLs of one media slot, in order (none when the slot is empty). */
export function urlsOf(request: GenerationRequest, slot: MediaSlot): string[] {
	return (request.media[slot] ?? []).map((entry) => entry.url);
}

/** The entries of one media slot that hold the given type, in order. */
export function entriesOfType(request: GenerationRequest, slot: MediaSlot, type: MediaType): MediaRef[] {
	return (request.media[slot] ?? []).filter((entry) => entry.type === type);
}

/** The single URL of a one-entry slot, e.g. the first frame. */
export function urlOf(request: GenerationRequest, slot: MediaSlot): string | undefined {
	return urlsOf(request, slot)[0];
}
