/**
 * What DashScope accepts of each model it serves (the pages cited in nodes/shared/providers/alibaba/models.ts),
 * as one rule per model: the endpoint that serves it and what it refuses. Used by the Alibaba simulator to
 * refuse what DashScope refuses; a model without a rule is taken as it comes.
 */
import { asRecord } from '../../../nodes/shared/json';

const VIDEO_PATH = '/api/v1/services/aigc/video-generation/video-synthesis';
const KF2V_PATH = '/api/v1/services/aigc/image2video/video-synthesis';
const MESSAGES_PATH = '/api/v1/services/aigc/image-generation/generation';

interface MediaEntry {
	type: string;
	url: string;
	reference_voice?: unknown;
}

interface Submitted {
	input: Record<string, unknown>;
	parameters: Record<string, unknown>;
	media: MediaEntry[];
}

/** A model's rule: the endpoint that serves it and what it refuses (a message), given the parsed body. */
interface ModelRule {
	path: string;
	refuse(body: Submitted): string | undefined;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function count(media: MediaEntry[], type: string): number {
	return media.filter((entry) => entry.type === type).length;
}

/** The media types present, sorted and joined: `first_frame+last_frame`. */
function combination(media: MediaEntry[]): string {
	return [...new Set(media.map((entry) => entry.type))].sort().join('+');
}

function unknownTypes(media: MediaEntry[], allowed: readonly string[]): string | undefined {
	const unknown = media.find((entry) => !allowed.includes(entry.type));
	return unknown ? `media type ${unknown.type} is not supported by this model; allowed: ${allowed.join(', ')}` : undefined;
}

function durationRefused(parameters: Record<string, unknown>, allowed: readonly number[]): string | undefined {
	const duration = parameters.duration;
	return duration === undefined || (typeof duration === 'number' && allowed.includes(duration))
		? undefined
		: `duration ${String(duration)} is out of range`;
}

function noMedia(body: Submitted): string | undefined {
	return body.input.media === undefined ? undefined : 'this model does not take input.media';
}

function resolutionRefused(parameters: Record<string, unknown>, allowed: readonly string[]): string | undefined {
	const resolution = parameters.resolution;
	return resolution === undefined || allowed.includes(String(resolution)) ? undefined : `resolution ${String(resolution)} is not supported`;
}

function firstOf(...checks: Array<() => string | undefined>): string | undefined {
	for (const check of checks) {
		const refused = check();
		if (refused) return refused;
	}
	return undefined;
}

const HD = ['720P', '1080P'];

/** wan2.7-i2v's six combinations: a first frame (with a last frame and/or driving audio), or a clip (with a last frame). */
const I2V_COMBINATIONS = [
	'first_frame',
	'driving_audio+first_frame',
	'first_frame+last_frame',
	'driving_audio+first_frame+last_frame',
	'first_clip',
	'first_clip+last_frame',
];

const wan27TextToVideo: ModelRule = {
	path: VIDEO_PATH,
	refuse: (body) => firstOf(() => noMedia(body), () => resolutionRefused(body.parameters, HD), () => durationRefused(body.parameters, range(2, 15))),
};

const wan27ImageToVideo: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ media, parameters }) =>
		firstOf(
			() => unknownTypes(media, ['first_frame', 'last_frame', 'driving_audio', 'first_clip']),
			() => (media.every((entry) => count(media, entry.type) === 1) ? undefined : 'each media type may appear once'),
			() => (I2V_COMBINATIONS.includes(combination(media)) ? undefined : `media combination ${combination(media) || '(none)'} is not supported`),
			() => (parameters.ratio === undefined ? undefined : 'ratio is not supported: the video follows its input'),
			() => resolutionRefused(parameters, HD),
			() => durationRefused(parameters, range(2, 15)),
		),
};

const wan27ReferenceToVideo: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ media, parameters }) => {
		const references = media.filter((entry) => entry.type === 'reference_image' || entry.type === 'reference_video');
		return firstOf(
			() => unknownTypes(media, ['reference_image', 'reference_video', 'first_frame']),
			() => (references.length >= 1 && references.length <= 5 ? undefined : `expected 1 to 5 references, got ${references.length}`),
			() => (count(media, 'first_frame') <= 1 ? undefined : 'at most one first_frame'),
			() => (media.some((entry) => entry.type === 'first_frame' && entry.reference_voice !== undefined) ? 'a first_frame carries no reference_voice' : undefined),
			() => resolutionRefused(parameters, HD),
			() => durationRefused(parameters, count(media, 'reference_video') > 0 ? range(2, 10) : range(2, 15)),
		);
	},
};

const wan27VideoEdit: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ media, parameters }) =>
		firstOf(
			() => unknownTypes(media, ['video', 'reference_image']),
			() => (count(media, 'video') === 1 ? undefined : 'exactly one video is required'),
			() => (count(media, 'reference_image') <= 4 ? undefined : 'at most 4 reference images'),
			() => (parameters.audio_setting === undefined || ['auto', 'origin'].includes(String(parameters.audio_setting)) ? undefined : 'audio_setting must be auto or origin'),
			() => resolutionRefused(parameters, HD),
			() => durationRefused(parameters, [0, ...range(2, 10)]),
		),
};

const wan30: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ input, media, parameters }) => {
		const frames = count(media, 'first_frame') + count(media, 'last_frame');
		const references = media.length - frames;
		return firstOf(
			() => unknownTypes(media, ['first_frame', 'last_frame', 'reference_image', 'reference_video', 'reference_audio']),
			() => (frames > 0 && references > 0 ? 'frames and references cannot be mixed' : undefined),
			() => (count(media, 'first_frame') <= 1 && count(media, 'last_frame') <= 1 ? undefined : 'at most one first_frame and one last_frame'),
			() => (count(media, 'last_frame') === 1 && count(media, 'first_frame') === 0 ? 'a last_frame needs a first_frame' : undefined),
			() => (count(media, 'reference_image') <= 10 && count(media, 'reference_video') <= 5 && count(media, 'reference_audio') <= 5 ? undefined : 'too many references'),
			() => (input.negative_prompt === undefined ? undefined : 'negative_prompt is not supported by this model'),
			() => (parameters.prompt_extend === undefined ? undefined : 'prompt_extend is not supported by this model'),
			() => resolutionRefused(parameters, ['480P', ...HD]),
			() => durationRefused(parameters, [-1, ...range(2, 30)]),
		);
	},
};

function kf2v(resolutions: readonly string[]): ModelRule {
	return {
		path: KF2V_PATH,
		refuse: ({ input, parameters, ...body }) =>
			firstOf(
				() => noMedia({ input, parameters, ...body }),
				() => (typeof input.first_frame_url === 'string' && input.first_frame_url !== '' ? undefined : 'input.first_frame_url is required'),
				() => (typeof input.last_frame_url === 'string' && input.last_frame_url !== '' ? undefined : 'input.last_frame_url is required'),
				() => resolutionRefused(parameters, resolutions),
				() => durationRefused(parameters, [5]),
			),
	};
}

/** wan2.6-r2v and -flash: one to five reference_urls, at most three of them videos. */
const wan26ReferenceToVideo: ModelRule = {
	path: VIDEO_PATH,
	refuse: ({ input }) => {
		const urls = Array.isArray(input.reference_urls) ? input.reference_urls.map(String) : [];
		const videos = urls.filter((url) => /\.(mp4|mov)(\?|$)/i.test(url)).length;
		if (urls.length < 1 || urls.length > 5) return `expected 1 to 5 reference_urls, got ${urls.length}`;
		return videos > 3 ? `at most 3 reference videos, got ${videos}` : undefined;
	},
};

/** Pixels of a `W*H` size or a 1K/2K/4K tier; undefined when absent or unreadable. */
function pixelsOf(size: unknown): number | undefined {
	const tier = { '1K': 1024, '2K': 2048, '4K': 4096 }[String(size).toUpperCase()];
	if (tier) return tier * tier;
	const match = /^(\d+)\*(\d+)$/.exec(String(size));
	return match ? Number(match[1]) * Number(match[2]) : undefined;
}

/**
 * wan2.7 images: one text and up to nine images; n 1–4, or 1–12 in an image set; sizes up to 2K, 4K only
 * for wan2.7-image-pro text to image outside an image set.
 */
function wan27Image(pro: boolean): ModelRule {
	return {
		path: MESSAGES_PATH,
		refuse: ({ input, parameters }) => {
			const content = asRecord(Array.isArray(input.messages) ? input.messages[0] : undefined)?.content;
			const images = Array.isArray(content) ? content.filter((item) => asRecord(item)?.image !== undefined).length : 0;
			const sequential = parameters.enable_sequential === true;
			const most = sequential ? 12 : 4;
			const n = parameters.n;
			const largest = (pro && images === 0 && !sequential ? 4096 : 2048) ** 2;
			const pixels = pixelsOf(parameters.size);
			if (images > 9) return `at most 9 images, got ${images}`;
			if (pixels !== undefined && pixels > largest) return `size ${String(parameters.size)} is too large here`;
			return n === undefined || (typeof n === 'number' && n >= 1 && n <= most) ? undefined : `n must be 1 to ${most}`;
		},
	};
}

const MODEL_RULES: Record<string, ModelRule> = {
	'wan2.7-t2v': wan27TextToVideo,
	'wan2.7-i2v': wan27ImageToVideo,
	'wan2.7-r2v': wan27ReferenceToVideo,
	'wan2.7-videoedit': wan27VideoEdit,
	'wan3.0-video': wan30,
	'wan3.0-video-prime': wan30,
	'wan2.2-kf2v-flash': kf2v(['480P', ...HD]),
	'wan2.1-kf2v-plus': kf2v(['720P']),
	'wan2.6-r2v': wan26ReferenceToVideo,
	'wan2.6-r2v-flash': wan26ReferenceToVideo,
	'wan2.7-image': wan27Image(false),
	'wan2.7-image-pro': wan27Image(true),
};

function mediaOf(input: Record<string, unknown>): MediaEntry[] | undefined {
	if (input.media === undefined) return [];
	if (!Array.isArray(input.media)) return undefined;
	const entries = input.media.map((item) => asRecord(item));
	return entries.every((entry) => entry && typeof entry.type === 'string' && typeof entry.url === 'string' && entry.url !== '')
		? (entries as unknown as MediaEntry[])
		: undefined;
}

/** Why DashScope would refuse this create for a model it knows (undefined: it accepts it, or does not know the model). */
export function refusal(path: string, model: string, input: Record<string, unknown>, parameters: unknown): string | undefined {
	const rule = MODEL_RULES[model];
	if (!rule) return undefined;
	if (rule.path !== path) return `Model ${model} is not served on ${path}.`;
	const media = mediaOf(input);
	if (!media) return 'input.media must be a list of {type, url} entries.';
	return rule.refuse({ input, parameters: asRecord(parameters) ?? {}, media });
}
