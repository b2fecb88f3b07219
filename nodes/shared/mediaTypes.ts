import { invalidInput, type InvalidInputError } from './inputError';
import type { MediaRange, ModelSpec } from './modelSpec';
import { MODES, type MediaSlot } from './modes';
import type { MediaRef } from './request';
import type { MediaType } from './types';
import { describeNumbers } from './values';

const TYPES_BY_EXTENSION: Record<string, MediaType> = {
	bmp: 'image',
	gif: 'image',
	jpeg: 'image',
	jpg: 'image',
	png: 'image',
	webp: 'image',
	avi: 'video',
	m4v: 'video',
	mkv: 'video',
	mov: 'video',
	mp4: 'video',
	webm: 'video',
	aac: 'audio',
	flac: 'audio',
	m4a: 'audio',
	mp3: 'audio',
	ogg: 'audio',
	wav: 'audio',
};

/** Query parameters through which signed links (S3, GCS, CDNs) name the type they serve. */
const TYPE_QUERY_PARAMETERS = ['response-content-type', 'content-type', 'mime', 'mimetype', 'format', 'ext'];

/** `video/mp4` → video, `mp4` → video. */
export function mediaTypeOfName(name: string): MediaType | undefined {
	const lower = name.trim().toLowerCase();
	const family = /^(image|video|audio)\//.exec(lower)?.[1];
	return (family as MediaType | undefined) ?? TYPES_BY_EXTENSION[lower.replace(/^\./, '')];
}

/**
 * What a media URL holds, from its path's file extension (a signed link's query string is ignored),
 * else from a type its query names; `undefined` when the URL does not say.
 */
export function mediaTypeOfUrl(url: string): MediaType | undefined {
	if (!URL.canParse(url)) return undefined;
	const parsed = new URL(url);
	const extension = /\.([a-z0-9]+)$/i.exec(parsed.pathname)?.[1];
	const byExtension = extension ? TYPES_BY_EXTENSION[extension.toLowerCase()] : undefined;
	if (byExtension) return byExtension;
	for (const name of TYPE_QUERY_PARAMETERS) {
		const value = parsed.searchParams.get(name);
		const type = value ? mediaTypeOfName(value) : undefined;
		if (type) return type;
	}
	return undefined;
}

const TYPE_NAMES: Record<MediaType, string> = { image: 'image', video: 'video', audio: 'audio file' };

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** An entry as the user wrote it: its URL, or the binary field it names. */
function nameOf(entry: MediaRef): string {
	return entry.file?.field ?? entry.url;
}

/** Problems with the types of one slot's entries: types the slot or model does not take, too many or too few of one. */
function slotTypeProblems(label: string, entries: MediaRef[], range: MediaRange, accepts: readonly MediaType[]) {
	const problems: InvalidInputError[] = [];
	for (const entry of entries) {
		if (entry.type && !accepts.includes(entry.type)) {
			problems.push(invalidInput(label, nameOf(entry), `This is ${TYPE_NAMES[entry.type]}; allowed here: ${accepts.map((type) => TYPE_NAMES[type]).join(' or ')}.`));
		}
	}
	const ofType = (type: MediaType) => entries.filter((entry) => entry.type === type);
	for (const [type, max] of Object.entries(range.maxOfType ?? {}) as Array<[MediaType, number]>) {
		const matching = ofType(type);
		if (matching.length > max) {
			const allowed = max === 0 ? `This model takes no ${TYPE_NAMES[type]}s here.` : `At most ${plural(max, TYPE_NAMES[type])}, got ${matching.length}.`;
			problems.push(invalidInput(label, matching.map(nameOf).join(', '), allowed));
		}
	}
	for (const [type, min] of Object.entries(range.minOfType ?? {}) as Array<[MediaType, number]>) {
		const count = ofType(type).length;
		if (entries.length > 0 && count < min) {
			problems.push(invalidInput(label, entries.map(nameOf).join(', '), `This model needs at least ${plural(min, TYPE_NAMES[type])} here, got ${count}.`));
		}
	}
	return problems;
}

/**
 * Checks what the media entries hold against the model, once their types are known: the types each
 * slot takes, the most of one type, a voice for each reference at most, and the durations allowed with
 * reference videos.
 */
export function mediaTypeProblems(
	spec: ModelSpec,
	media: Partial<Record<MediaSlot, MediaRef[]>>,
	duration: number | undefined,
	modelLabel: string,
): InvalidInputError[] {
	const problems = MODES[spec.mode].slots.flatMap((slot) => {
		const range = spec.media?.[slot.slot];
		const entries = media[slot.slot] ?? [];
		return range ? slotTypeProblems(slot.label, entries, range, slot.accepts) : [];
	});
	const voices = media.voices ?? [];
	const references = media.references?.length ?? 0;
	if (voices.length > references) {
		problems.push(
			invalidInput(
				'Reference Voice URLs',
				voices.map(nameOf).join(', '),
				`One voice per reference, in the same order: at most ${references} here (${plural(references, 'reference')}), got ${voices.length}.`,
			),
		);
	}
	const withVideo = spec.durationsWithReferenceVideo;
	const hasReferenceVideo = (media.references ?? []).some((entry) => entry.type === 'video');
	if (withVideo && hasReferenceVideo && duration !== undefined && !withVideo.includes(duration)) {
		problems.push(
			invalidInput('Duration', duration, `Allowed for ${modelLabel} with a reference video: ${describeNumbers(withVideo)} seconds.`),
		);
	}
	return problems;
}
