import type { IDataObject } from 'n8n-workflow';

import { CATALOGUE, findModel, modelLabel, modelName, modelsFor, modesFor } from './catalogue';
import { ProblemCollector, invalidInput } from './inputError';
import { asRecord, parseJson } from './json';
import type { ImageSizeLimits, ModelSpec, OptionalField } from './modelSpec';
import { mediaInputs } from './mediaInputs';
import { mediaTypeProblems } from './mediaTypes';
import { MODES, type GenerationMode } from './modes';
import type { BinaryFile, GenerationRequest } from './request';
import { VIDEO_SIZES } from './sizes';
import type { AspectRatio, ImageSize, MediaKind, ProviderId, Resolution, ShotType } from './types';
import { publicUrl } from './urls';
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
	/** The input item's binary fields by name, which media fields may name instead of a URL. */
	binaryFields?: Record<string, BinaryFile>;
	/** The mode's media parameters by name (`imageUrl`, `referenceUrls`, …), as the mode table names them. */
	[mediaParameter: string]: unknown;
}

/** Option names as the user sees them, for messages. */
const OPTION_LABELS: Record<OptionalField, string> = {
	callbackUrl: 'Callback URL',
	generateAudio: 'Generate Audio',
	imageSet: 'Image Set',
	keepSourceAudio: 'Keep Source Audio',
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

/** "2–15 seconds", "0 (keep the source video's length) or 2–10 seconds". */
function describeDurations(durations: readonly number[]): string {
	const special = [
		...(durations.includes(-1) ? ['-1 (the model chooses)'] : []),
		...(durations.includes(0) ? ["0 (keep the source video's length)"] : []),
	];
	const seconds = durations.filter((value) => value > 0);
	return [...special, `${describeNumbers(seconds)} seconds`].join(' or ');
}

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

/** Every option set that the model does not take, each its own problem. */
function checkOptionSupport(spec: ModelSpec, options: IDataObject, providerName: string, problems: ProblemCollector): void {
	const offered = offeredOptions(spec);
	const supported = offered
		.filter((option) => option.supported)
		.map((option) => option.label)
		.sort();
	for (const option of offered) {
		const value = options[option.name];
		if (isEmpty(value) || option.supported) continue;
		problems.add(
			invalidInput(
				option.label,
				value,
				`This option is not supported by ${providerName} ${modelLabel(spec)}; its options are: ${supported.length ? listOf(supported) : 'none'}. Provider-specific fields can go in Extra Parameters.`,
			),
		);
	}
}

function resolveSpec(input: GenerationInput, providerName: string): ModelSpec {
	const modes = modesFor(input.provider, input.kind);
	const mode = input.mode as GenerationMode;
	if (!modes.includes(mode)) {
		const shown = typeof input.mode === 'string' ? (MODES[mode]?.label ?? input.mode) : input.mode;
		throw invalidInput('Mode', shown, `Allowed for ${providerName}: ${listOf(modes.map((entry) => MODES[entry].label))}.`);
	}
	const spec = findModel(input.provider, mode, String(input.model));
	if (!spec) {
		const models = modelsFor(input.provider, mode).map((entry) => modelName(entry.model));
		// A model of another mode is named as the panel named it; anything else is shown as given.
		const known = CATALOGUE.some((entry) => entry.model === input.model);
		const shown = known ? modelName(String(input.model)) : input.model;
		throw invalidInput('Model', shown, `Allowed for ${providerName} ${MODES[mode].label}: ${listOf(models)}.`);
	}
	return spec;
}

function validSize(limits: ImageSizeLimits | undefined, value: unknown): ImageSize {
	const size = typeof value === 'string' ? parseSize(value) : undefined;
	const side = (pixels: number) => Math.round(Math.sqrt(pixels));
	const allowed = limits
		? `Expected WIDTHxHEIGHT with a total of ${side(limits.minPixels)}×${side(limits.minPixels)} to ${side(limits.maxPixels)}×${side(limits.maxPixels)} pixels and an aspect ratio between 1:${1 / limits.minAspect} and ${limits.maxAspect}:1, e.g. 1280x1280.`
		: 'Expected WIDTHxHEIGHT, e.g. 1280x1280.';
	if (!size || !limits) throw invalidInput('Size', value, allowed);
	const pixels = size.width * size.height;
	const aspect = size.width / size.height;
	const fits =
		pixels >= limits.minPixels && pixels <= limits.maxPixels && aspect >= limits.minAspect && aspect <= limits.maxAspect;
	if (!fits) throw invalidInput('Size', value, allowed);
	return size;
}

function videoFields(spec: ModelSpec, input: GenerationInput, problems: ProblemCollector) {
	const resolution = problems.check(() =>
		oneOf<Resolution>('Resolution', input.resolution, spec.resolutions ?? [], ` for ${modelLabel(spec)}`),
	);
	let aspectRatio: AspectRatio | undefined;
	if (spec.aspectRatios && resolution) {
		// An exact W*H size exists for some ratios only at 480p; a model that takes the ratio itself takes them all.
		const servedAtResolution = Object.keys(VIDEO_SIZES[resolution]) as AspectRatio[];
		const allowed = spec.mediaProtocol
			? spec.aspectRatios
			: spec.aspectRatios.filter((ratio) => servedAtResolution.includes(ratio));
		aspectRatio = problems.check(() =>
			oneOf<AspectRatio>('Aspect Ratio', input.aspectRatio, allowed, ` at ${resolution} for ${modelLabel(spec)}`),
		);
	}
	const duration = problems.check(() => {
		const durations = spec.durations ?? [];
		const allowed = `Allowed for ${modelLabel(spec)}: ${describeDurations(durations)}.`;
		const value = integerValue('Duration', input.duration, allowed);
		if (value === undefined || !durations.includes(value)) throw invalidInput('Duration', input.duration, allowed);
		return value;
	});
	return { resolution, aspectRatio, duration };
}

function imageFields(spec: ModelSpec, input: GenerationInput, problems: ProblemCollector) {
	const { options } = input;
	const imageSet = problems.check(() => booleanOption('Image Set', options.imageSet));
	const numberOfImages = problems.check(() => {
		const range = (imageSet ? spec.imageSetSize : undefined) ?? spec.numberOfImages ?? { min: 1, max: 1 };
		const allowed = `Allowed for ${modelLabel(spec)}${imageSet ? ' as an image set' : ''}: ${range.min}–${range.max}.`;
		const count = integerValue('Number of Images', input.numberOfImages, allowed);
		if (count === undefined || count < range.min || count > range.max) {
			throw invalidInput('Number of Images', input.numberOfImages, allowed);
		}
		return count;
	});
	let aspectRatio: AspectRatio | undefined;
	let size: ImageSize | undefined;
	const sizeOption = options.size;
	if (!isEmpty(sizeOption)) size = problems.check(() => validSize(spec.sizeLimits, sizeOption));
	else if (spec.aspectRatios) {
		const ratios = spec.aspectRatios;
		aspectRatio = problems.check(() =>
			oneOf<AspectRatio>('Aspect Ratio', input.aspectRatio, ratios, ` for ${modelLabel(spec)}`),
		);
	}
	return { numberOfImages, aspectRatio, size, imageSet };
}

function extraParameters(value: unknown): IDataObject | undefined {
	if (isEmpty(value)) return undefined;
	const record = asRecord(typeof value === 'string' ? parseJson(value) : value);
	if (!record) {
		throw invalidInput('Extra Parameters', value, 'Expected a JSON object, e.g. {"parameters": {"seed": 42}}.');
	}
	return record as IDataObject;
}

/**
 * Checks one item's parameters against the catalogue and builds the provider-neutral request.
 * Throws one `InvalidInputError` naming every field refused, its value and what is allowed.
 */
export function buildGenerationRequest(input: GenerationInput, providerName: string): GenerationRequest {
	const spec = resolveSpec(input, providerName);
	const { options } = input;
	const problems = new ProblemCollector();
	checkOptionSupport(spec, options, providerName, problems);

	const prompt = problems.check(() => {
		const text = textValue('Prompt', input.prompt);
		if (spec.prompt.required && text === undefined) {
			throw invalidInput('Prompt', input.prompt, `A prompt is required for ${MODES[spec.mode].label}.`);
		}
		if (text !== undefined && [...text].length > spec.prompt.maxLength) {
			throw invalidInput('Prompt', text, `At most ${spec.prompt.maxLength} characters for ${modelLabel(spec)}.`);
		}
		return text;
	});
	const negativePrompt = problems.check(() => {
		const text = textValue('Negative Prompt', options.negativePrompt);
		if (text !== undefined && [...text].length > NEGATIVE_PROMPT_MAX) {
			throw invalidInput('Negative Prompt', text, `At most ${NEGATIVE_PROMPT_MAX} characters.`);
		}
		return text;
	});
	const modelId = problems.check(() => textValue('Model ID', options.modelId)) ?? spec.modelId;
	const media = mediaInputs(spec, input, problems);
	const seed = problems.check(() => {
		const value = integerValue('Seed', options.seed, `Allowed: 0–${MAX_SEED}.`);
		if (value !== undefined && (value < 0 || value > MAX_SEED)) {
			throw invalidInput('Seed', options.seed, `Allowed: 0–${MAX_SEED}.`);
		}
		return value;
	});
	const callbackUrl = problems.check(() => {
		const text = textValue('Callback URL', options.callbackUrl);
		if (text === undefined) return undefined;
		if (text.length > MAX_CALLBACK_LENGTH) {
			throw invalidInput('Callback URL', text, `At most ${MAX_CALLBACK_LENGTH} characters.`);
		}
		return publicUrl('Callback URL', text, ['https']);
	});
	const shotType = problems.check(() =>
		isEmpty(options.shotType) ? undefined : oneOf<ShotType>('Shot Type', options.shotType, ['multi', 'single'], ''),
	);
	const kind = MODES[spec.mode].kind;
	const kindFields =
		kind === 'video' ? videoFields(spec, input, problems) : imageFields(spec, input, problems);
	const duration = 'duration' in kindFields ? kindFields.duration : undefined;
	mediaTypeProblems(spec, media, duration, modelLabel(spec)).forEach((problem) => problems.add(problem));
	const flags = {
		generateAudio: problems.check(() => booleanOption('Generate Audio', options.generateAudio)),
		keepSourceAudio: problems.check(() => booleanOption('Keep Source Audio', options.keepSourceAudio)),
		promptExtend: problems.check(() => booleanOption('Prompt Extend', options.promptExtend)),
		watermark: problems.check(() => booleanOption('Watermark', options.watermark)),
	};
	const extra = problems.check(() => extraParameters(options.extraParameters));
	problems.throwIfAny();

	return {
		kind,
		mode: spec.mode,
		spec,
		modelId,
		prompt,
		negativePrompt,
		media,
		...kindFields,
		generateAudio: flags.generateAudio,
		keepSourceAudio: flags.keepSourceAudio,
		promptExtend: flags.promptExtend,
		seed,
		shotType,
		watermark: flags.watermark,
		callbackUrl,
		extraParameters: extra,
	};
}

/** Checks the media types a request learned after validation (from the hosts), as validation would have. */
export function checkMediaTypes(request: GenerationRequest): void {
	const problems = new ProblemCollector();
	mediaTypeProblems(request.spec, request.media, request.duration, modelLabel(request.spec)).forEach((problem) =>
		problems.add(problem),
	);
	problems.throwIfAny();
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
