import type { INodeCredentialDescription, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CATALOGUE, modelName, modelsFor, modesFor, takesSlot } from './catalogue';
import { aspectRatioFields, shownForModels, videoModelFields } from './modelFields';
import { GENERATION_MODES, MODES, mediaSlotsOf, type MediaSlotSpec } from './modes';
import { optionProperties } from './optionDescription';
import { PROVIDERS } from './providers';
import type { ProviderAdapter } from './providers/adapter';
import type { MediaKind } from './types';

/** The line under the node's name on the canvas: the operation, or the mode in words. */
const MODE_LABELS = Object.fromEntries(GENERATION_MODES.map((mode) => [mode, MODES[mode].label]));
export const NODE_SUBTITLE = `={{ $parameter["operation"] === "getTask" ? "Get Task" : ${JSON.stringify(MODE_LABELS)}[$parameter["mode"]] }}`;

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

function providersFor(kind: MediaKind): ProviderAdapter[] {
	return Object.values(PROVIDERS).filter((adapter) => modesFor(adapter.id, kind).length > 0);
}

export function credentialsFor(kind: MediaKind): INodeCredentialDescription[] {
	return providersFor(kind).map((adapter) => ({
		name: adapter.credentialType,
		required: true,
		displayOptions: { show: { provider: [adapter.id] } },
	}));
}

/** One Mode and one Model parameter per provider (and mode), so each lists only what that provider serves. */
function modeAndModelProperties(kind: MediaKind): INodeProperties[] {
	return providersFor(kind).flatMap((adapter) => {
		const modes = modesFor(adapter.id, kind);
		const firstMode = modes[0];
		const mode: INodeProperties = {
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { provider: [adapter.id] } },
			options: modes.map((value) => ({ name: MODES[value].label, value })).sort(byName),
			default: firstMode,
		};
		const models = modes.map((value): INodeProperties => {
			const specs = modelsFor(adapter.id, value);
			const preferred = (specs.find((spec) => spec.model === 'wan2.5') ?? specs[0]).model;
			return {
				displayName: 'Model',
				name: 'model',
				type: 'options',
				displayOptions: { show: { provider: [adapter.id], mode: [value] } },
				options: specs
					.map((spec) => ({
						name: modelName(spec.model),
						value: spec.model,
						description: spec.modelId,
					}))
					.sort(byName),
				default: preferred,
			};
		});
		return [mode, ...models];
	});
}

const generate = { operation: ['generate'] };

/** The most images any model makes in one task. */
const MAX_IMAGES = Math.max(...CATALOGUE.map((spec) => spec.imageSetSize?.max ?? spec.numberOfImages?.max ?? 1));

/**
 * One text field per media input of the kind's modes, shown for each provider's modes where any of its
 * models takes it: a model of that mode without it refuses a value (a value hidden by the panel would be
 * dropped by n8n unseen).
 */
function mediaSlotProperties(kind: MediaKind, slot: MediaSlotSpec): INodeProperties[] {
	const field: INodeProperties = {
		displayName: slot.label,
		name: slot.parameter,
		type: 'string',
		default: '',
		placeholder: slot.placeholder,
		description: slot.description,
	};
	return providersFor(kind).flatMap((adapter) => {
		const modes = modesFor(adapter.id, kind).filter((mode) => modelsFor(adapter.id, mode).some((spec) => takesSlot(spec, slot)));
		if (modes.length === 0) return [];
		return [{ ...field, displayOptions: { show: { ...generate, provider: [adapter.id], mode: modes } } }];
	});
}

/** The prompt, marked required for the models that need one (one copy each for required and optional). */
function promptProperties(kind: MediaKind): INodeProperties[] {
	const prompt: INodeProperties = {
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		placeholder: kind === 'video' ? 'e.g. A cat playing the piano, cinematic lighting' : 'e.g. A lighthouse at sunset, watercolour',
		description: `What the ${kind} should show`,
	};
	return [true, false].flatMap((required) =>
		shownForModels(kind, (spec) => spec.prompt.required === required, false).map(
			(displayOptions): INodeProperties => ({ ...prompt, required, displayOptions }),
		),
	);
}

function mediaProperties(kind: MediaKind): INodeProperties[] {
	const slots = mediaSlotsOf(kind)
		.filter((slot) => !slot.inOptions)
		.flatMap((slot) => mediaSlotProperties(kind, slot));
	if (kind === 'video') return [...slots, ...videoModelFields()];
	return [
		...slots,
		...aspectRatioFields('image'),
		{
			displayName: 'Number of Images',
			name: 'numberOfImages',
			type: 'number',
			displayOptions: { show: generate },
			typeOptions: { minValue: 1, maxValue: MAX_IMAGES, numberPrecision: 0 },
			default: 1,
			description: 'How many images to generate (1–4; up to 12 in an image set); each becomes its own output item',
		},
	];
}

/** Every parameter of Wan Video or Wan Image, built from the catalogue and the registered providers. */
export function nodeProperties(kind: MediaKind): INodeProperties[] {
	const providers = providersFor(kind);
	return [
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'options',
			noDataExpression: true,
			options: providers.map((adapter) => ({ name: adapter.displayName, value: adapter.id })).sort(byName),
			default: 'evolink',
			description: 'The service you have an API key for',
		},
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Generate',
					value: 'generate',
					action: `Generate ${kind === 'video' ? 'a video' : 'images'}`,
					description: `Start a ${kind} task and, by default, wait for the result`,
				},
				{
					name: 'Get Task',
					value: 'getTask',
					action: 'Get a task',
					description: 'Fetch a task started earlier, waiting for it if it is still running',
				},
			],
			default: 'generate',
		},
		...modeAndModelProperties(kind),
		...promptProperties(kind),
		...mediaProperties(kind),
		{
			displayName: 'Task ID',
			name: 'taskId',
			type: 'string',
			required: true,
			displayOptions: { show: { operation: ['getTask'] } },
			default: '',
			placeholder: 'e.g. {{ $json.taskId }}',
			description: 'The taskId from an earlier output of this node. Set Mode and Model as when it was submitted (or Options → Model ID to its model).',
		},
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: true,
			description: 'Whether to wait for the result here. Off: output the task handle at once, for Get Task later.',
		},
		{
			displayName: 'Return As',
			name: 'returnAs',
			type: 'options',
			displayOptions: { show: { waitForCompletion: [true] } },
			options: [
				{ name: 'Binary File', value: 'binary', description: 'Download the file into the item' },
				{ name: 'URL', value: 'url', description: 'Only return the link (valid for about 24 hours)' },
			],
			default: 'binary',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: optionProperties(kind),
		},
	];
}
