import type { MediaKind, MediaType } from './types';

/** The media inputs a request can carry; each holds a list of entries. */
export type MediaSlot = 'firstFrame' | 'lastFrame' | 'images' | 'references' | 'video' | 'audio';

/** One media input of a mode, as the node shows it and a request carries it. */
export interface MediaSlotSpec {
	slot: MediaSlot;
	/** The node parameter that holds it: a top-level parameter, or an entry of Options. */
	parameter: string;
	inOptions: boolean;
	label: string;
	required: boolean;
	/** Whether the parameter takes a list (comma or newline separated) rather than one entry. */
	list: boolean;
	accepts: readonly MediaType[];
	placeholder: string;
	description: string;
}

export interface ModeSpec {
	kind: MediaKind;
	label: string;
	slots: readonly MediaSlotSpec[];
	/** Whether the user picks the output's shape; without it the output follows the input image. */
	aspectRatio: boolean;
}

const FIRST_FRAME: MediaSlotSpec = {
	slot: 'firstFrame',
	parameter: 'imageUrl',
	inOptions: false,
	label: 'Image URL',
	required: true,
	list: false,
	accepts: ['image'],
	placeholder: 'e.g. https://example.com/first-frame.png',
	description: 'Public URL of the image the video starts from',
};

const REFERENCES: MediaSlotSpec = {
	slot: 'references',
	parameter: 'referenceUrls',
	inOptions: false,
	label: 'Reference URLs',
	required: true,
	list: true,
	accepts: ['image', 'video'],
	placeholder: 'e.g. https://example.com/character.mp4',
	description:
		'Public URLs of reference videos (or images, where the provider accepts them), separated by commas or new lines. Refer to them in the prompt as character1, character2, ….',
};

const INPUT_IMAGES: MediaSlotSpec = {
	slot: 'images',
	parameter: 'imageUrls',
	inOptions: false,
	label: 'Image URLs',
	required: true,
	list: true,
	accepts: ['image'],
	placeholder: 'e.g. https://example.com/photo.png',
	description: 'Public URLs of the input images, separated by commas or new lines',
};

const AUDIO: MediaSlotSpec = {
	slot: 'audio',
	parameter: 'audioUrl',
	inOptions: true,
	label: 'Audio URL',
	required: false,
	list: false,
	accepts: ['audio'],
	placeholder: 'e.g. https://example.com/voice.mp3',
	description: 'Public URL of an MP3/WAV soundtrack (3–30 s) the video is timed to',
};

const MODE_TABLE = {
	imageToImage: { kind: 'image', label: 'Image to Image', slots: [INPUT_IMAGES], aspectRatio: false },
	imageToVideo: { kind: 'video', label: 'Image to Video', slots: [FIRST_FRAME, AUDIO], aspectRatio: false },
	referenceToVideo: { kind: 'video', label: 'Reference to Video', slots: [REFERENCES, AUDIO], aspectRatio: true },
	textToImage: { kind: 'image', label: 'Text to Image', slots: [], aspectRatio: true },
	textToVideo: { kind: 'video', label: 'Text to Video', slots: [AUDIO], aspectRatio: true },
} satisfies Record<string, ModeSpec>;

/** A mode's key, as saved workflows store it: a mode added to the table is a mode of the nodes. */
export type GenerationMode = keyof typeof MODE_TABLE;

/** Every mode of both nodes: what it makes, what it is called, which media it takes. */
export const MODES: Record<GenerationMode, ModeSpec> = MODE_TABLE;

export const GENERATION_MODES = Object.keys(MODES) as GenerationMode[];

/** Every media slot of the modes of one kind, once each, in the order the modes list them. */
export function mediaSlotsOf(kind: MediaKind): MediaSlotSpec[] {
	const slots = GENERATION_MODES.filter((mode) => MODES[mode].kind === kind).flatMap((mode) => MODES[mode].slots);
	return [...new Set(slots)];
}
