import type { IDataObject } from 'n8n-workflow';

import {
	MODE_KINDS,
	MODE_NAMES,
	VIDEO_SIZES,
	findModel,
	modelsFor,
	modesFor,
	type CountRange,
	type ModelSpec,
	type OptionalField,
} from './catalogue';
import { asRecord, parseJson } from './json';
import type {
	AspectRatio,
	GenerationMode,
	GenerationRequest,
	ImageSize,
	MediaKind,
	ProviderId,
	Resolution,
	ShotType,
} from './types';

/** A refused input: which field, the value given, and what is allowed. */
export class InvalidInputError extends Error {
	constructor(
		readonly field: string,
		value: unknown,
		readonly allowed: string,
	) {
		super(`Invalid ${field}: ${describe(value)}. ${allowed}`);
		this.name = 'InvalidInputError';
	}
}

function describe(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'empty';
	if (typeof value === 'string') {
		const shown = value.length > 80 ? `${value.slice(0, 80)}… (${value.length} characters)` : value;
		return `"${shown}"`;
	}
	if (typeof value === 'object') return `${JSON.stringify(value)?.slice(0, 80)} (${Array.isArray(value) ? 'a list' : 'an object'})`;
	return `${String(value)} (a ${typeof value})`;
}

/** Raw parameter values of one item, exactly as n8n resolved them (expressions may yield any type). */
export interface GenerationInput {
	provider: ProviderId;
	kind: MediaKind;
	mode: unknown;
	model: unknown;
	prompt?: unknown;
	imageUrl?: unknown;
	imageUrls?: unknown;
	referenceUrls?: unknown;
	resolution?: unknown;
	aspectRatio?: unknown;
	duration?: unknown;
	numberOfImages?: unknown;
	options: IDataObject;
}

/** Option names as the user sees them, for messages. */
const OPTION_LABELS: Record<OptionalField, string> = {
	audioUrl: 'Audio URL',
	callbackUrl: 'Callback URL',
	generateAudio: 'Generate Audio',
	negativePrompt: 'Negative Prompt',
	promptExtend: 'Prompt Extend',
	seed: 'Seed',
	shotType: 'Shot Type',
	size: 'Size',
	watermark: 'Watermark',
};

const MAX_SEED = 2147483647;
const MAX_CALLBACK_LENGTH = 2048;
const NEGATIVE_PROMPT_MAX = 500;

export function listOf(values: readonly (string | number)[]): string {
	return values.join(', ');
}

/** "2–15" for a run of consecutive integers, else the list. */
export function describeNumbers(values: readonly number[]): string {
	const sorted = [...values].sort((a, b) => a - b);
	const consecutive = sorted.every((value, i) => i === 0 || value === sorted[i - 1] + 1);
	return consecutive && sorted.length > 2
		? `${sorted[0]}–${sorted[sorted.length - 1]}`
		: listOf(sorted);
}

function textValue(field: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new InvalidInputError(field, value, 'Expected text.');
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

function integerValue(field: string, value: unknown, allowed: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number)) {
		throw new InvalidInputError(field, value, `Expected a whole number. ${allowed}`);
	}
	return number;
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], context: string): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw new InvalidInputError(field, value, `Allowed${context}: ${listOf(allowed)}.`);
}

const PRIVATE_NAME = /^(localhost|.+\.localhost|.+\.local|.+\.internal)$/i;
const PRIVATE_IPV4 =
	/^(0\.0\.0\.0|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|169\.254\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)$/;
const PRIVATE_IPV6 = /^(::1?|f[cd][0-9a-f]{2}:.*|fe80:.*)$/i;

/** `::ffff:7f00:1` (how URL writes an IPv4-mapped address) → `127.0.0.1`. */
function mappedIpv4(ipv6: string): string | undefined {
	const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ipv6)?.[1];
	if (dotted) return dotted;
	const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ipv6);
	if (!hex) return undefined;
	const [high, low] = [Number.parseInt(hex[1], 16), Number.parseInt(hex[2], 16)];
	return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether the host names this machine or a private network, which a provider cannot reach. */
export function isPrivateHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
	const ipv4 = mappedIpv4(host) ?? host;
	return PRIVATE_NAME.test(host) || PRIVATE_IPV4.test(ipv4) || PRIVATE_IPV6.test(host);
}

function publicUrl(field: string, value: string, protocols: readonly string[]): string {
	if (!URL.canParse(value)) {
		throw new InvalidInputError(field, value, `Expected a full URL starting with ${protocols.join(' or ')}.`);
	}
	const url = new URL(value);
	if (!protocols.includes(url.protocol.replace(':', ''))) {
		throw new InvalidInputError(field, value, `Only ${protocols.join(' or ')} URLs are allowed.`);
	}
	if (isPrivateHost(url.hostname)) {
		throw new InvalidInputError(
			field,
			value,
			'The provider fetches this URL itself, so it must be a public address, not localhost or a private network.',
		);
	}
	return value;
}

/** A comma or newline separated list (or an array from an expression) of public media URLs. */
/**
 * Entries of a URL list: new lines, or commas that start a new URL. A comma inside a URL stays
 * (image CDNs such as Cloudinary put them in paths: `/w_500,h_300/`).
 */
const URL_LIST_SEPARATOR = /\n|,\s*(?=[a-z][a-z0-9+.-]*:\/\/)/i;

function urlList(field: string, value: unknown, range: CountRange | undefined): string[] {
	let entries: unknown[];
	if (value === undefined || value === null) entries = [];
	else if (Array.isArray(value)) entries = value;
	else if (typeof value === 'string') entries = value.split(URL_LIST_SEPARATOR);
	else throw new InvalidInputError(field, value, 'Expected URLs separated by commas or new lines.');
	const urls = entries.map((entry) => {
		if (typeof entry !== 'string') {
			throw new InvalidInputError(field, entry, 'Each entry must be a URL.');
		}
		return entry.trim();
	});
	const nonEmpty = urls.filter((url) => url !== '');
	const expected = range ?? { min: 0, max: 0 };
	if (nonEmpty.length < expected.min || nonEmpty.length > expected.max) {
		const count = expected.min === expected.max ? `${expected.min}` : `${expected.min}–${expected.max}`;
		throw new InvalidInputError(field, value, `Expected ${count} URL${expected.max === 1 ? '' : 's'}, got ${nonEmpty.length}.`);
	}
	return nonEmpty.map((url) => publicUrl(field, url, ['http', 'https']));
}

export function parseSize(value: string): ImageSize | undefined {
	const match = /^\s*(\d+)\s*[x*×]\s*(\d+)\s*$/i.exec(value);
	return match ? { width: Number(match[1]), height: Number(match[2]) } : undefined;
}

function validSize(spec: ModelSpec, value: unknown): ImageSize {
	const limits = spec.sizeLimits;
	const size = typeof value === 'string' ? parseSize(value) : undefined;
	const side = (pixels: number) => Math.round(Math.sqrt(pixels));
	const allowed = limits
		? `Expected WIDTHxHEIGHT with a total of ${side(limits.minPixels)}×${side(limits.minPixels)} to ${side(limits.maxPixels)}×${side(limits.maxPixels)} pixels and an aspect ratio between 1:${1 / limits.minAspect} and ${limits.maxAspect}:1, e.g. 1280x1280.`
		: 'Expected WIDTHxHEIGHT, e.g. 1280x1280.';
	if (!size || !limits) throw new InvalidInputError('Size', value, allowed);
	const pixels = size.width * size.height;
	const aspect = size.width / size.height;
	if (
		pixels < limits.minPixels ||
		pixels > limits.maxPixels ||
		aspect < limits.minAspect ||
		aspect > limits.maxAspect
	) {
		throw new InvalidInputError('Size', value, allowed);
	}
	return size;
}

function label(spec: ModelSpec, providerName: string): string {
	return `${providerName} ${spec.modelId}`;
}

function checkOptionSupport(spec: ModelSpec, options: IDataObject, providerName: string): void {
	for (const field of Object.keys(OPTION_LABELS) as OptionalField[]) {
		const value = options[field];
		if (value === undefined || value === '' || value === null) continue;
		if (!spec.optionalFields.includes(field)) {
			const supported = spec.optionalFields.map((name) => OPTION_LABELS[name]);
			throw new InvalidInputError(
				OPTION_LABELS[field],
				value,
				`This option is not supported by ${label(spec, providerName)}; its options are: ${supported.length ? listOf(supported) : 'none'}. Provider-specific fields can go in Extra Parameters.`,
			);
		}
	}
}

function resolveSpec(input: GenerationInput, providerName: string): ModelSpec {
	const modes = modesFor(input.provider, input.kind);
	const mode = oneOf<GenerationMode>('Mode', input.mode, modes, ` for ${providerName}`);
	const models = modelsFor(input.provider, mode);
	const spec = findModel(input.provider, mode, String(input.model));
	if (!spec) {
		throw new InvalidInputError(
			'Model',
			input.model,
			`Allowed for ${providerName} ${MODE_NAMES[mode]}: ${listOf(models.map((entry) => entry.model))}.`,
		);
	}
	return spec;
}

function videoFields(spec: ModelSpec, input: GenerationInput) {
	const resolutions = spec.resolutions ?? [];
	const resolution = oneOf<Resolution>('Resolution', input.resolution, resolutions, ` for ${spec.modelId}`);
	let aspectRatio: AspectRatio | undefined;
	if (spec.aspectRatios) {
		const servedAtResolution = Object.keys(VIDEO_SIZES[resolution]) as AspectRatio[];
		const allowed = spec.aspectRatios.filter((ratio) => servedAtResolution.includes(ratio));
		aspectRatio = oneOf<AspectRatio>('Aspect Ratio', input.aspectRatio, allowed, ` at ${resolution} for ${spec.modelId}`);
	}
	const durations = spec.durations ?? [];
	const allowedDurations = `Allowed for ${spec.modelId}: ${describeNumbers(durations)} seconds.`;
	const duration = integerValue('Duration', input.duration, allowedDurations);
	if (duration === undefined || !durations.includes(duration)) {
		throw new InvalidInputError('Duration', input.duration, allowedDurations);
	}
	return { resolution, aspectRatio, duration };
}

function imageFields(spec: ModelSpec, input: GenerationInput, sizeOption: unknown) {
	const range = spec.numberOfImages ?? { min: 1, max: 1 };
	const allowed = `Allowed for ${spec.modelId}: ${range.min}–${range.max}.`;
	const count = integerValue('Number of Images', input.numberOfImages, allowed);
	if (count === undefined || count < range.min || count > range.max) {
		throw new InvalidInputError('Number of Images', input.numberOfImages, allowed);
	}
	let aspectRatio: AspectRatio | undefined;
	let size: ImageSize | undefined;
	if (sizeOption !== undefined && sizeOption !== '') size = validSize(spec, sizeOption);
	else if (spec.aspectRatios) {
		aspectRatio = oneOf<AspectRatio>('Aspect Ratio', input.aspectRatio, spec.aspectRatios, ` for ${spec.modelId}`);
	}
	return { numberOfImages: count, aspectRatio, size };
}

function extraParameters(value: unknown): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = typeof value === 'string' ? parseJson(value) : value;
	const record = asRecord(parsed);
	if (!record) {
		throw new InvalidInputError('Extra Parameters', value, 'Expected a JSON object, e.g. {"parameters": {"seed": 42}}.');
	}
	return record as IDataObject;
}

function booleanOption(field: string, value: unknown): boolean | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'boolean') throw new InvalidInputError(field, value, 'Expected true or false.');
	return value;
}

/**
 * Checks one item's parameters against the catalogue and builds the provider-neutral request.
 * Throws `InvalidInputError` naming the field, the value and what is allowed.
 */
export function buildGenerationRequest(input: GenerationInput, providerName: string): GenerationRequest {
	const spec = resolveSpec(input, providerName);
	const { options } = input;
	checkOptionSupport(spec, options, providerName);

	const prompt = textValue('Prompt', input.prompt);
	if (spec.prompt.required && prompt === undefined) {
		throw new InvalidInputError('Prompt', input.prompt, `A prompt is required for ${MODE_NAMES[spec.mode]}.`);
	}
	if (prompt !== undefined && [...prompt].length > spec.prompt.maxLength) {
		throw new InvalidInputError('Prompt', prompt, `At most ${spec.prompt.maxLength} characters for ${spec.modelId}.`);
	}
	const negativePrompt = textValue('Negative Prompt', options.negativePrompt);
	if (negativePrompt !== undefined && [...negativePrompt].length > NEGATIVE_PROMPT_MAX) {
		throw new InvalidInputError('Negative Prompt', negativePrompt, `At most ${NEGATIVE_PROMPT_MAX} characters.`);
	}

	const modelId = textValue('Model ID', options.modelId) ?? spec.modelId;
	const imageSource = spec.mode === 'imageToVideo' ? input.imageUrl : input.imageUrls;
	const imageField = spec.mode === 'imageToVideo' ? 'Image URL' : 'Image URLs';
	const imageUrls = spec.imageUrls ? urlList(imageField, imageSource, spec.imageUrls) : [];
	const referenceUrls = spec.referenceUrls
		? urlList('Reference URLs', input.referenceUrls, spec.referenceUrls)
		: [];

	const seed = integerValue('Seed', options.seed, `Allowed: 0–${MAX_SEED}.`);
	if (seed !== undefined && (seed < 0 || seed > MAX_SEED)) {
		throw new InvalidInputError('Seed', options.seed, `Allowed: 0–${MAX_SEED}.`);
	}
	const audioText = textValue('Audio URL', options.audioUrl);
	const callbackText = textValue('Callback URL', options.callbackUrl);
	if (callbackText !== undefined && callbackText.length > MAX_CALLBACK_LENGTH) {
		throw new InvalidInputError('Callback URL', callbackText, `At most ${MAX_CALLBACK_LENGTH} characters.`);
	}
	const shotType =
		options.shotType === undefined || options.shotType === ''
			? undefined
			: oneOf<ShotType>('Shot Type', options.shotType, ['multi', 'single'], '');

	const kind = MODE_KINDS[spec.mode];
	const kindFields = kind === 'video' ? videoFields(spec, input) : imageFields(spec, input, options.size);

	return {
		kind,
		mode: spec.mode,
		model: spec.model,
		modelId,
		prompt,
		negativePrompt,
		imageUrls,
		referenceUrls,
		...kindFields,
		audioUrl: audioText === undefined ? undefined : publicUrl('Audio URL', audioText, ['http', 'https']),
		generateAudio: booleanOption('Generate Audio', options.generateAudio),
		promptExtend: booleanOption('Prompt Extend', options.promptExtend),
		seed,
		shotType,
		watermark: booleanOption('Watermark', options.watermark),
		callbackUrl: callbackText === undefined ? undefined : publicUrl('Callback URL', callbackText, ['https']),
		extraParameters: extraParameters(options.extraParameters),
	};
}

/** The provider model id for a task handle: the `modelId` override, or the catalogue's id. */
export function handleModelId(
	provider: ProviderId,
	mode: unknown,
	model: unknown,
	modelIdOverride: unknown,
): string | undefined {
	const override = textValue('Model ID', modelIdOverride);
	if (override) return override;
	return findModel(provider, mode as GenerationMode, String(model))?.modelId;
}
