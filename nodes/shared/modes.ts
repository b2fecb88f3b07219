import type { MediaKind, MediaType } from './types';

/** The media inputs a request can carry; each holds a list of entries. */
export type MediaSlot = 'firstFrame' | 'lastFrame' | 'images' | 'references' | 'video' | 'audio' | 'voices';

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
	description: 'Public URL of the image the video starts from, or the name of a binary field of the input item, such as data',
};

const OPTIONAL_FIRST_FRAME: MediaSlotSpec = {
	...FIRST_FRAME,
	label: 'First Frame URL',
	required: false,
	description: 'Public URL of an image the video starts from, or the name of a binary field such as data (optional; not counted among the references)',
};

const LAST_FRAME: MediaSlotSpec = {
	slot: 'lastFrame',
	parameter: 'lastFrameUrl',
	inOptions: false,
	label: 'Last Frame URL',
	required: true,
	list: false,
	accepts: ['image'],
	placeholder: 'e.g. https://example.com/last-frame.png',
	description: 'Public URL of the image the video ends on, or the name of a binary field of the input item, such as data',
};

const OPTIONAL_LAST_FRAME: MediaSlotSpec = {
	...LAST_FRAME,
	required: false,
	description: 'Public URL of an image the continued video ends on, or the name of a binary field such as data (optional)',
};

const SOURCE_VIDEO: MediaSlotSpec = {
	slot: 'video',
	parameter: 'videoUrl',
	inOptions: false,
	label: 'Video URL',
	required: true,
	list: false,
	accepts: ['video'],
	placeholder: 'e.g. https://example.com/clip.mp4',
	description: 'Public URL of the source video (MP4 or MOV), or the name of a binary field of the input item, such as data',
};

const REFERENCES: MediaSlotSpec = {
	slot: 'references',
	parameter: 'referenceUrls',
	inOptions: false,
	label: 'Reference URLs',
	required: true,
	list: true,
	accepts: ['image', 'video'],
	placeholder: 'e.g. https://example.com/character.mp4, https://example.com/product.png',
	description:
		'Public URLs of reference images and/or videos, or names of binary fields of the input item such as data, separated by commas or new lines; each is told apart by its file type. Refer to them in the prompt as the model expects (Wan 2.6: character1, character2, …; Wan 2.7: Image 1, Video 1, …).',
};

const EDIT_REFERENCES: MediaSlotSpec = {
	...REFERENCES,
	required: false,
	accepts: ['image'],
	placeholder: 'e.g. https://example.com/style.png',
	description: 'Public URLs of reference images the edit may draw on, or names of binary fields (optional), separated by commas or new lines',
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
	description: 'Public URLs of the input images, or names of binary fields of the input item such as data, separated by commas or new lines',
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
	description: 'Public URL of an MP3/WAV soundtrack (3–30 s) the video is timed to, or the name of a binary field such as data',
};

const REFERENCE_VOICES: MediaSlotSpec = {
	slot: 'voices',
	parameter: 'referenceVoiceUrls',
	inOptions: true,
	label: 'Reference Voice URLs',
	required: false,
	list: true,
	accepts: ['audio'],
	placeholder: 'e.g. https://example.com/voice-1.mp3',
	description:
		'Public URLs of MP3/WAV voices (or names of binary fields), one per reference in the same order (the first voice speaks for the first reference, …)',
};

const MODE_TABLE = {
	// An edit keeps its source video's shape.
	editVideo: { kind: 'video', label: 'Edit Video', slots: [SOURCE_VIDEO, EDIT_REFERENCES], aspectRatio: false },
	extendVideo: { kind: 'video', label: 'Extend Video', slots: [SOURCE_VIDEO, OPTIONAL_LAST_FRAME], aspectRatio: false },
	firstLastFrameToVideo: {
		kind: 'video',
		label: 'First and Last Frame to Video',
		slots: [FIRST_FRAME, LAST_FRAME, AUDIO],
		aspectRatio: false,
	},
	imageToImage: { kind: 'image', label: 'Image to Image', slots: [INPUT_IMAGES], aspectRatio: false },
	imageToVideo: { kind: 'video', label: 'Image to Video', slots: [FIRST_FRAME, AUDIO], aspectRatio: false },
	referenceToVideo: {
		kind: 'video',
		label: 'Reference to Video',
		slots: [REFERENCES, OPTIONAL_FIRST_FRAME, REFERENCE_VOICES, AUDIO],
		aspectRatio: true,
	},
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

