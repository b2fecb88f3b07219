import { modelLabel } from './catalogue';
import { wanFormatNames, wanFormatOf } from './fileFormats';
import { invalidInput, type ProblemCollector } from './inputError';
import { mediaTypeOfName, mediaTypeOfUrl } from './mediaTypes';
import type { ModelSpec } from './modelSpec';
import { MODES, type MediaSlotSpec } from './modes';
import { PROVIDERS } from './providers';
import { sentInline } from './providers/adapter';
import type { BinaryFile, GenerationRequest, MediaRef } from './request';
import type { MediaType } from './types';
import { looksLikeUrl, mediaList, publicUrl } from './urls';
import { isEmpty, textValue } from './values';

/** The raw parameter values media inputs are read from: top-level fields by name, Options, and the item's files. */
export interface MediaParameters {
	options: Record<string, unknown>;
	/** The input item's binary fields by name, as n8n describes them. */
	binaryFields?: Record<string, BinaryFile>;
	[parameter: string]: unknown;
}

const MEGABYTE = 1024 * 1024;

/**
 * A file named by an entry: typed by its MIME type (else its file name, else the field), and refused
 * where its format is not one Wan takes, where this provider takes such files only from public URLs,
 * or not this large. Its MIME type becomes the format's own name.
 */
function fileEntry(spec: ModelSpec, slot: MediaSlotSpec, file: BinaryFile): MediaRef {
	const [onlyType] = slot.accepts.length === 1 ? slot.accepts : [];
	const type: MediaType | undefined =
		mediaTypeOfName(file.mimeType) ?? mediaTypeOfUrl(`file:///${encodeURIComponent(file.fileName)}`) ?? onlyType;
	const { displayName, binaryInput } = PROVIDERS[spec.provider];
	const inlineLimit = type ? binaryInput?.dataUri[type] : undefined;
	const uploadLimit = type ? binaryInput?.upload?.maxBytes[type] : undefined;
	if (!type || (inlineLimit === undefined && uploadLimit === undefined)) {
		throw invalidInput(
			slot.label,
			file.field,
			`${displayName} takes ${type ?? 'such'} files only from a public URL here: put the file where the provider can fetch it (e.g. S3 or Google Drive with a public link) and give that URL.`,
		);
	}
	const format = wanFormatOf(file, type);
	if (!format) {
		throw invalidInput(slot.label, file.field, `"${file.fileName}" is ${file.mimeType}; Wan takes ${type} files as ${wanFormatNames(type)}.`);
	}
	const limit = Math.max(inlineLimit ?? 0, uploadLimit ?? 0);
	if (file.bytes > limit) {
		throw invalidInput(
			slot.label,
			file.field,
			`"${file.fileName}" has ${file.bytes} bytes; ${displayName} takes ${type} files of at most ${limit / MEGABYTE} MB (${limit} bytes) from a binary field.`,
		);
	}
	const uploadFormats = sentInline(binaryInput, type, file.bytes) ? undefined : binaryInput?.upload?.mimeTypes?.[type];
	if (uploadFormats && !uploadFormats.includes(format)) {
		throw invalidInput(
			slot.label,
			file.field,
			`"${file.fileName}" is ${format}; ${displayName}'s file upload takes ${type} files as ${wanFormatNames(type, uploadFormats)}.`,
		);
	}
	return { url: '', type, file: { ...file, mimeType: format } };
}

/** One entry: a public URL, or the name of a binary field of the item. */
function mediaEntry(spec: ModelSpec, slot: MediaSlotSpec, entry: string, input: MediaParameters): MediaRef {
	if (looksLikeUrl(entry)) {
		const [onlyType] = slot.accepts.length === 1 ? slot.accepts : [];
		return { url: publicUrl(slot.label, entry, ['http', 'https']), type: mediaTypeOfUrl(entry) ?? onlyType };
	}
	const file = input.binaryFields?.[entry];
	if (file) return fileEntry(spec, slot, file);
	const fields = Object.keys(input.binaryFields ?? {});
	throw invalidInput(
		slot.label,
		entry,
		`Expected a public URL (http or https) or the name of a binary field of this item (${fields.length ? `it has: ${fields.join(', ')}` : 'it has none'}).`,
	);
}

/** The mode's media inputs, each checked against how many entries the model takes. */
export function mediaInputs(spec: ModelSpec, input: MediaParameters, problems: ProblemCollector): GenerationRequest['media'] {
	const media: GenerationRequest['media'] = {};
	for (const slot of MODES[spec.mode].slots) {
		const range = spec.media?.[slot.slot];
		const value = slot.inOptions ? input.options[slot.parameter] : input[slot.parameter];
		if (!range) {
			// An entry of Options is refused with the model's options; a field is refused here, never dropped.
			if (!slot.inOptions && !isEmpty(value)) {
				problems.add(invalidInput(slot.label, value, `${modelLabel(spec)} takes none in ${MODES[spec.mode].label}.`));
			}
			continue;
		}
		const entries = problems.check(() => {
			// A one-entry field takes text only; a list also takes an array from an expression.
			if (!slot.list) textValue(slot.label, value);
			return mediaList(slot.label, value, range);
		});
		const refs = (entries ?? []).flatMap((entry) => {
			const ref = problems.check(() => mediaEntry(spec, slot, entry, input));
			return ref ? [ref] : [];
		});
		if (refs.length) media[slot.slot] = refs;
	}
	return media;
}
