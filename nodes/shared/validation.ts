import type { IDataObject } from 'n8n-workflow';

import { findModel, modelsFor, modesFor } from './catalogue';
import { InvalidInputError } from './inputError';
import { asRecord, parseJson } from './json';
import type { ImageSizeLimits, ModelSpec, OptionalField } from './modelSpec';
import { MODES } from './modes';
import type { GenerationRequest, MediaRef } from './request';
import { VIDEO_SIZES } from './sizes';
import type { AspectRatio, GenerationMode, ImageSize, MediaKind, ProviderId, Resolution, ShotType } from './types';
import { publicUrl, urlList } from './urls';
import {
	booleanOption,
	describeNumbers,
	integerValue,
	isEmpty,
	listOf,
	oneOf,
	parseSize,
	textValue,
} from './values';

/** Raw parameter values of one item, exactly as n8n resolved them (expressions may yield any type). */
export interface GenerationInput {
	provider: ProviderId;
	kind: MediaKind;
	mode: unknown;
	model: unknown;
	prompt?: unknown;
	resolution?: unknown;
	aspectRatio?: unknown;
	duration?: unknown;
	numberOfImages?: unknown;
	options: IDataObject;
	/** The mode's media parameters by name (`imageUrl`, `referenceUrls`, …), as the mode table names them. */
	[mediaParameter: string]: unknown;
}

/** Option names as the user sees them, for messages. */
const OPTION_LABELS: Record<OptionalField, string> = {
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

/** Every entry of Options that can matter for the spec's mode, and whether the model takes it. */
function offeredOptions(spec: ModelSpec): Array<{ name: string; label: string; supported: boolean }> {
	const fields = (Object.keys(OPTION_LABELS) as OptionalField[]).map((name) => ({
		name,
		label: OPTION_LABELS[name],
		supported: spec.optionalFields.includes(name),
	}));
	const mediaOptions = MODES[spec.mode].slots
		.filter((slot) => slot.inOptions)
		.map((slot) => ({ name: slot.parameter, label: slot.label, supported: spec.media?.[slot.slot] !== undefined }));
	return [...fields, ...mediaOptions];
}

function checkOptionSupport(spec: ModelSpec, options: IDataObject, providerName: string): void {
	const offered = offeredOptions(spec);
	const supported = offered
		.filter((option) => option.supported)
		.map((option) => option.label)
		.sort();
	for (const option of offered) {
		const value = options[option.name];
		if (isEmpty(value) || option.supported) continue;
		throw new InvalidInputError(
			option.label,
			value,
			`This option is not supported by ${providerName} ${spec.modelId}; its options are: ${supported.length ? listOf(supported) : 'none'}. Provider-specific fields can go in Extra Parameters.`,
		);
	}
}

function resolveSpec(input: GenerationInput, providerName: string): ModelSpec {
	const modes = modesFor(input.provider, input.kind);
	const mode = oneOf<GenerationMode>('Mode', input.mode, modes, ` for ${providerName}`);
	const spec = findModel(input.provider, mode, String(input.model));
	if (!spec) {
		const models = modelsFor(input.provider, mode).map((entry) => entry.model);
		throw new InvalidInputError('Model', input.model, `Allowed for ${providerName} ${MODES[mode].label}: ${listOf(models)}.`);
	}
	return spec;
}

/** The mode's media inputs, each checked against how many entries the model takes. */
function mediaInputs(spec: ModelSpec, input: GenerationInput): GenerationRequest['media'] {
	const media: GenerationRequest['media'] = {};
	for (const slot of MODES[spec.mode].slots) {
		const range = spec.media?.[slot.slot];
		if (!range) continue;
		const value = slot.inOptions ? input.options[slot.parameter] : input[slot.parameter];
		// A one-entry field takes text only; a list also takes an array from an expression.
		if (!slot.list) textValue(slot.label, value);
		const entries: MediaRef[] = urlList(slot.label, value, range).map((url) => ({ url }));
		if (entries.length > 0) media[slot.slot] = entries;
	}
	return media;
}

function validSize(limits: ImageSizeLimits | undefined, value: unknown): ImageSize {
	const size = typeof value === 'string' ? parseSize(value) : undefined;
	const side = (pixels: number) => Math.round(Math.sqrt(pixels));
	const allowed = limits
		? `Expected WIDTHxHEIGHT with a total of ${side(limits.minPixels)}×${side(limits.minPixels)} to ${side(limits.maxPixels)}×${side(limits.maxPixels)} pixels and an aspect ratio between 1:${1 / limits.minAspect} and ${limits.maxAspect}:1, e.g. 1280x1280.`
		: 'Expected WIDTHxHEIGHT, e.g. 1280x1280.';
	if (!size || !limits) throw new InvalidInputError('Size', value, allowed);
	const pixels = size.width * size.height;
	const aspect = size.width / size.height;
	const fits =
		pixels >= limits.minPixels && pixels <= limits.maxPixels && aspect >= limits.minAspect && aspect <= limits.maxAspect;
	if (!fits) throw new InvalidInputError('Size', value, allowed);
	return size;
}

function videoFields(spec: ModelSpec, input: GenerationInput) {
	const resolution = oneOf<Resolution>('Resolution', input.resolution, spec.resolutions ?? [], ` for ${spec.modelId}`);
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
	if (!isEmpty(sizeOption)) size = validSize(spec.sizeLimits, sizeOption);
	else if (spec.aspectRatios) {
		aspectRatio = oneOf<AspectRatio>('Aspect Ratio', input.aspectRatio, spec.aspectRatios, ` for ${spec.modelId}`);
	}
	return { numberOfImages: count, aspectRatio, size };
}

function extraParameters(value: unknown): IDataObject | undefined {
	if (isEmpty(value)) return undefined;
	const record = asRecord(typeof value === 'string' ? parseJson(value) : value);
	if (!record) {
		throw new InvalidInputError('Extra Parameters', value, 'Expected a JSON object, e.g. {"parameters": {"seed": 42}}.');
	}
	return record as IDataObject;
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
		throw new InvalidInputError('Prompt', input.prompt, `A prompt is required for ${MODES[spec.mode].label}.`);
	}
	if (prompt !== undefined && [...prompt].length > spec.prompt.maxLength) {
		throw new InvalidInputError('Prompt', prompt, `At most ${spec.prompt.maxLength} characters for ${spec.modelId}.`);
	}
	const negativePrompt = textValue('Negative Prompt', options.negativePrompt);
	if (negativePrompt !== undefined && [...negativePrompt].length > NEGATIVE_PROMPT_MAX) {
		throw new InvalidInputError('Negative Prompt', negativePrompt, `At most ${NEGATIVE_PROMPT_MAX} characters.`);
	}

	const modelId = textValue('Model ID', options.modelId) ?? spec.modelId;
	const media = mediaInputs(spec, input);

	const seed = integerValue('Seed', options.seed, `Allowed: 0–${MAX_SEED}.`);
	if (seed !== undefined && (seed < 0 || seed > MAX_SEED)) {
		throw new InvalidInputError('Seed', options.seed, `Allowed: 0–${MAX_SEED}.`);
	}
	const callbackText = textValue('Callback URL', options.callbackUrl);
	if (callbackText !== undefined && callbackText.length > MAX_CALLBACK_LENGTH) {
		throw new InvalidInputError('Callback URL', callbackText, `At most ${MAX_CALLBACK_LENGTH} characters.`);
	}
	const shotType = isEmpty(options.shotType)
		? undefined
		: oneOf<ShotType>('Shot Type', options.shotType, ['multi', 'single'], '');

	const kind = MODES[spec.mode].kind;
	const kindFields = kind === 'video' ? videoFields(spec, input) : imageFields(spec, input, options.size);

	return {
		kind,
		mode: spec.mode,
		spec,
		modelId,
		prompt,
		negativePrompt,
		media,
		...kindFields,
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
