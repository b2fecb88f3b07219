/**
 * What each Kie.ai Wan model's `input` takes, field by field, from its page under
 * https://docs.kie.ai/market/wan/ (and Kie's OpenAPI copies of those pages). Used by the Kie simulator to
 * refuse what Kie refuses.
 */

/** One field's check: the refusal's words, or `undefined` when the value is fine. */
type Check = (value: unknown) => string | undefined;

const text =
	(max: number): Check =>
	(value) =>
		typeof value !== 'string' ? 'must be a string' : value.length > max ? `must be at most ${max} characters` : undefined;
const url: Check = (value) => (typeof value === 'string' && /^https?:\/\//.test(value) ? undefined : 'must be a URL');
const urls =
	(max: number): Check =>
	(value) =>
		!Array.isArray(value) || value.some((entry) => url(entry) !== undefined)
			? 'must be a list of URLs'
			: value.length > max
				? `takes at most ${max} URLs`
				: undefined;
const oneOf =
	(...values: readonly unknown[]): Check =>
	(value) =>
		values.includes(value) ? undefined : `must be one of ${values.map((entry) => JSON.stringify(entry)).join(', ')}`;
const integer =
	(min: number, max: number, ...also: number[]): Check =>
	(value) =>
		Number.isInteger(value) && (((value as number) >= min && (value as number) <= max) || also.includes(value as number))
			? undefined
			: `must be an integer from ${min} to ${max}${also.length ? ` or ${also.join(', ')}` : ''}`;
const bool: Check = (value) => (typeof value === 'boolean' ? undefined : 'must be true or false');

export interface KieModelRules {
	kind: 'video' | 'image';
	required: readonly string[];
	fields: Record<string, Check>;
	/** Rules across fields (which media go together), checked once every field is fine. */
	combination?: (input: Record<string, unknown>) => string | undefined;
}

const SEED = integer(0, 2147483647);
const HD = oneOf('720p', '1080p');
const WAN_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;
const count = (value: unknown) => (Array.isArray(value) ? value.length : value === undefined ? 0 : 1);

const WAN22 = {
	prompt: text(5000),
	resolution: oneOf('480p', '580p', '720p'),
	enable_prompt_expansion: bool,
	seed: SEED,
	acceleration: oneOf('none', 'regular'),
};
const WAN25 = {
	prompt: text(800),
	duration: oneOf('5', '10'),
	resolution: HD,
	negative_prompt: text(500),
	enable_prompt_expansion: bool,
	seed: integer(0, 2147483647),
};
const WAN26_FLASH = { prompt: text(1500), resolution: HD, audio: bool, multi_shots: bool };
const WAN27 = {
	prompt: text(5000),
	negative_prompt: text(500),
	resolution: HD,
	prompt_extend: bool,
	watermark: bool,
	seed: SEED,
};

/** wan/3-0-video and wan/3-0-video-prime (the same fields). */
const WAN30: KieModelRules = {
	kind: 'video',
	required: [],
	fields: {
		prompt: text(20000),
		first_frame_url: url,
		last_frame_url: url,
		reference_image_urls: urls(10),
		reference_video_urls: urls(5),
		reference_audio_urls: urls(5),
		resolution: oneOf('480P', '720P', '1080P'),
		aspect_ratio: oneOf('adaptive', ...WAN_RATIOS),
		duration: integer(2, 30, -1),
		audio: bool,
		seed: SEED,
	},
	// Text to video needs the prompt; frames and references are never mixed.
	combination: (input) => {
		const frames = input.first_frame_url !== undefined || input.last_frame_url !== undefined;
		const references = ['reference_image_urls', 'reference_video_urls', 'reference_audio_urls'].some((field) => input[field] !== undefined);
		if (frames && references) return 'first/last frame cannot be combined with reference_*_urls';
		if (input.last_frame_url !== undefined && input.first_frame_url === undefined) return 'last_frame_url needs first_frame_url';
		if (!frames && !references && typeof input.prompt !== 'string') return 'prompt is required for text to video';
		return undefined;
	},
};

export const KIE_MODEL_RULES: Record<string, KieModelRules> = {
	'wan/2-2-a14b-text-to-video-turbo': {
		kind: 'video',
		required: ['prompt'],
		fields: { ...WAN22, aspect_ratio: oneOf('16:9', '9:16', '1:1') },
	},
	'wan/2-2-a14b-image-to-video-turbo': {
		kind: 'video',
		required: ['prompt', 'image_url'],
		fields: { ...WAN22, image_url: url, aspect_ratio: oneOf('auto', '16:9', '9:16', '1:1') },
	},
	'wan/2-5-text-to-video': {
		kind: 'video',
		required: ['prompt', 'duration'],
		fields: { ...WAN25, aspect_ratio: oneOf('16:9', '9:16', '1:1') },
	},
	'wan/2-5-image-to-video': { kind: 'video', required: ['prompt', 'image_url', 'duration'], fields: { ...WAN25, image_url: url } },
	'wan/2-6-text-to-video': {
		kind: 'video',
		required: ['prompt'],
		fields: { prompt: text(5000), duration: oneOf('5', '10', '15'), resolution: HD },
	},
	'wan/2-6-image-to-video': {
		kind: 'video',
		required: ['prompt', 'image_urls'],
		fields: { prompt: text(5000), image_urls: urls(1), duration: oneOf('5', '10', '15'), resolution: HD },
	},
	'wan/2-6-video-to-video': {
		kind: 'video',
		required: ['prompt', 'video_urls'],
		fields: { prompt: text(5000), video_urls: urls(3), duration: oneOf('5', '10'), resolution: HD },
	},
	'wan/2-6-flash-image-to-video': {
		kind: 'video',
		required: ['prompt', 'image_urls', 'audio'],
		fields: { ...WAN26_FLASH, image_urls: urls(1), duration: oneOf('5', '10', '15') },
	},
	'wan/2-6-flash-video-to-video': {
		kind: 'video',
		required: ['prompt', 'video_urls'],
		fields: { ...WAN26_FLASH, video_urls: urls(3), duration: oneOf('5', '10') },
	},
	'wan/2-7-text-to-video': {
		kind: 'video',
		required: ['prompt'],
		fields: { ...WAN27, audio_url: url, ratio: oneOf(...WAN_RATIOS), duration: integer(2, 15) },
	},
	'wan/2-7-image-to-video': {
		kind: 'video',
		required: ['prompt'],
		fields: {
			...WAN27,
			first_frame_url: url,
			last_frame_url: url,
			first_clip_url: url,
			driving_audio_url: url,
			duration: integer(2, 15),
		},
		// First frame (optionally with a last frame and audio), or a first clip alone.
		combination: (input) => {
			const frame = input.first_frame_url !== undefined;
			const clip = input.first_clip_url !== undefined;
			if (frame === clip) return 'provide first_frame_url or first_clip_url';
			if (clip && (input.last_frame_url !== undefined || input.driving_audio_url !== undefined)) {
				return 'first_clip_url takes no last_frame_url or driving_audio_url';
			}
			return undefined;
		},
	},
	'wan/2-7-r2v': {
		kind: 'video',
		required: ['prompt'],
		fields: {
			...WAN27,
			reference_image: urls(5),
			reference_video: urls(5),
			first_frame: url,
			reference_voice: url,
			aspect_ratio: oneOf(...WAN_RATIOS),
			duration: integer(2, 10),
		},
		combination: (input) => {
			const references = count(input.reference_image) + count(input.reference_video);
			return references < 1 || references > 5 ? 'reference_image and reference_video take 1-5 URLs together' : undefined;
		},
	},
	'wan/2-7-videoedit': {
		kind: 'video',
		required: ['video_url'],
		fields: {
			...WAN27,
			video_url: url,
			reference_image: url,
			aspect_ratio: oneOf(...WAN_RATIOS),
			duration: integer(2, 10, 0),
			audio_setting: oneOf('auto', 'origin'),
		},
	},
	'wan/2-7-image-pro': {
		kind: 'image',
		required: ['prompt'],
		fields: {
			prompt: text(5000),
			input_urls: urls(9),
			aspect_ratio: oneOf('1:1', '16:9', '4:3', '21:9', '3:4', '9:16', '8:1', '1:8'),
			enable_sequential: bool,
			n: integer(1, 12),
			resolution: oneOf('1K', '2K', '4K'),
			thinking_mode: bool,
			watermark: bool,
			seed: SEED,
		},
		combination: (input) => {
			if (input.enable_sequential !== true && typeof input.n === 'number' && input.n > 4) return 'n takes 1-4 without enable_sequential';
			const withImages = count(input.input_urls) > 0;
			if (input.resolution === '4K' && (withImages || input.enable_sequential === true)) return '4K is for text to image only';
			return undefined;
		},
	},
	'wan/3-0-video': WAN30,
	'wan/3-0-video-prime': WAN30,
};

/** The first thing Kie would refuse in `input` for this model, as the 422 detail. */
export function inputProblem(rules: KieModelRules, input: Record<string, unknown>): string | undefined {
	for (const field of rules.required) {
		const value = input[field];
		if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return `input.${field} is required`;
	}
	for (const [field, value] of Object.entries(input)) {
		if (field === 'nsfw_checker') {
			if (bool(value)) return `input.nsfw_checker ${bool(value)}`;
			continue;
		}
		const check = rules.fields[field];
		if (!check) return `input.${field} is not a parameter of this model`;
		const problem = check(value);
		if (problem) return `input.${field} ${problem}`;
	}
	return rules.combination?.(input);
}
