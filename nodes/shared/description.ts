import type { INodeCredentialDescription, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { MODE_NAMES, MODEL_NAMES, modelsFor, modesFor } from './catalogue';
import { PROVIDERS } from './providers';
import type { ProviderAdapter } from './providers/adapter';
import type { MediaKind } from './types';

/** Per-kind defaults that differ between Wan Video and Wan Image. */
export const KIND_DEFAULTS: Record<
	MediaKind,
	{ pollIntervalSeconds: number; timeoutSeconds: number; aspectRatio: string }
> = {
	video: { pollIntervalSeconds: 10, timeoutSeconds: 900, aspectRatio: '16:9' },
	image: { pollIntervalSeconds: 3, timeoutSeconds: 300, aspectRatio: '1:1' },
};

/** The line under the node's name on the canvas: the operation, or the mode in words. */
export const NODE_SUBTITLE = `={{ $parameter["operation"] === "getTask" ? "Get Task" : ${JSON.stringify(MODE_NAMES)}[$parameter["mode"]] }}`;

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

function providersFor(kind: MediaKind): ProviderAdapter[] {
	return Object.values(PROVIDERS).filter(
		(adapter): adapter is ProviderAdapter => !!adapter && modesFor(adapter.id, kind).length > 0,
	);
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
			options: modes.map((value) => ({ name: MODE_NAMES[value], value })).sort(byName),
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
						name: MODEL_NAMES[spec.model] ?? spec.model,
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

function mediaProperties(kind: MediaKind): INodeProperties[] {
	const defaultAspectRatio = KIND_DEFAULTS[kind].aspectRatio;
	const ratioModes = kind === 'video' ? ['textToVideo', 'referenceToVideo'] : ['textToImage'];
	const aspectRatio: INodeProperties = {
		displayName: 'Aspect Ratio',
		name: 'aspectRatio',
		type: 'options',
		displayOptions: { show: { ...generate, mode: ratioModes } },
		options: [
			{ name: '16:9 (Landscape)', value: '16:9' },
			{ name: '9:16 (Portrait)', value: '9:16' },
			{ name: '1:1 (Square)', value: '1:1' },
			{ name: '4:3', value: '4:3' },
			{ name: '3:4', value: '3:4' },
		].sort(byName),
		default: defaultAspectRatio,
		description: 'Shape of the output. 480p serves 16:9, 9:16 and 1:1 only.',
	};
	if (kind === 'image') {
		return [
			{
				displayName: 'Image URLs',
				name: 'imageUrls',
				type: 'string',
				displayOptions: { show: { ...generate, mode: ['imageToImage'] } },
				default: '',
				placeholder: 'e.g. https://example.com/photo.png',
				description: 'Public URLs of the input images, separated by commas or new lines',
			},
			aspectRatio,
			{
				displayName: 'Number of Images',
				name: 'numberOfImages',
				type: 'number',
				displayOptions: { show: generate },
				typeOptions: { minValue: 1, maxValue: 4, numberPrecision: 0 },
				default: 1,
				description: 'How many images to generate; each becomes its own output item',
			},
		];
	}
	return [
		{
			displayName: 'Image URL',
			name: 'imageUrl',
			type: 'string',
			displayOptions: { show: { ...generate, mode: ['imageToVideo'] } },
			default: '',
			placeholder: 'e.g. https://example.com/first-frame.png',
			description: 'Public URL of the image the video starts from',
		},
		{
			displayName: 'Reference URLs',
			name: 'referenceUrls',
			type: 'string',
			displayOptions: { show: { ...generate, mode: ['referenceToVideo'] } },
			default: '',
			placeholder: 'e.g. https://example.com/character.mp4',
			description:
				'Public URLs of reference videos (or images, where the provider accepts them), separated by commas or new lines. Refer to them in the prompt as character1, character2, ….',
		},
		{
			displayName: 'Resolution',
			name: 'resolution',
			type: 'options',
			displayOptions: { show: generate },
			options: [
				{ name: '480p', value: '480p' },
				{ name: '720p', value: '720p' },
				{ name: '1080p', value: '1080p' },
			].sort(byName),
			default: '720p',
		},
		aspectRatio,
		{
			displayName: 'Duration (Seconds)',
			name: 'duration',
			type: 'number',
			displayOptions: { show: generate },
			typeOptions: { minValue: 1, maxValue: 15, numberPrecision: 0 },
			default: 5,
			description: 'Length of the video. Wan 2.5 makes 5 or 10 s; Wan 2.6 makes 2–15 s (2–10 s from references).',
		},
	];
}

function optionProperties(kind: MediaKind): INodeProperties[] {
	const { pollIntervalSeconds, timeoutSeconds } = KIND_DEFAULTS[kind];
	const options: INodeProperties[] = [
		{
			displayName: 'Callback URL',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/webhooks/wan',
			description: 'Public HTTPS URL the provider notifies when the task ends (in addition to waiting here)',
		},
		{
			displayName: 'Extra Parameters',
			name: 'extraParameters',
			type: 'json',
			default: '{}',
			description: "JSON merged into the provider's request body, for fields this node does not offer",
		},
		{
			displayName: 'Max Concurrency',
			name: 'maxConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 20,
			description: 'How many tasks of this run may be in progress at once. Items beyond it start as others finish.',
		},
		{
			displayName: 'Model ID',
			name: 'modelId',
			type: 'string',
			default: '',
			placeholder: 'e.g. wan2.6-text-to-video',
			description: "The provider's own model ID, overriding Model (its limits are still checked against Model)",
		},
		{
			displayName: 'Negative Prompt',
			name: 'negativePrompt',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'What to keep out of the result (at most 500 characters)',
		},
		{
			displayName: 'On Timeout',
			name: 'onTimeout',
			type: 'options',
			options: [
				{ name: 'Fail the Item', value: 'error', description: 'Stop with an error that names the task ID' },
				{
					name: 'Return Pending Task',
					value: 'returnPending',
					description: 'Output the task handle so a later Get Task can fetch the result',
				},
			],
			default: 'error',
			description: 'What to do when a task is still running at the timeout. The task is paid for either way.',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			typeOptions: { minValue: 0.1 },
			default: pollIntervalSeconds,
			description: 'How often to ask the provider whether a task is done',
		},
		{
			displayName: 'Prompt Extend',
			name: 'promptExtend',
			type: 'boolean',
			default: true,
			description: "Whether to let the provider rewrite the prompt with more detail (the provider's default is on)",
		},
		{
			displayName: 'Put Output in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description: 'The binary field that receives the downloaded file',
		},
		{
			displayName: 'Seed',
			name: 'seed',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 2147483647, numberPrecision: 0 },
			default: 0,
			description: 'Random seed for more repeatable results (0–2147483647)',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: timeoutSeconds,
			description: 'How long to wait for each task after submitting it',
		},
		{
			displayName: 'Watermark',
			name: 'watermark',
			type: 'boolean',
			default: false,
			description: 'Whether to add the provider\'s "AI generated" watermark',
		},
	];
	if (kind === 'video') {
		options.push(
			{
				displayName: 'Audio URL',
				name: 'audioUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/voice.mp3',
				description: 'Public URL of an MP3/WAV soundtrack (3–30 s) the video is timed to',
			},
			{
				displayName: 'Generate Audio',
				name: 'generateAudio',
				type: 'boolean',
				default: true,
				description: 'Whether the model adds generated sound (off makes a silent, cheaper video on Flash models)',
			},
			{
				displayName: 'Shot Type',
				name: 'shotType',
				type: 'options',
				options: [
					{ name: 'Multi', value: 'multi', description: 'Several switched shots' },
					{ name: 'Single', value: 'single', description: 'One continuous shot' },
				],
				default: 'single',
				description: 'Whether the video is one shot or several (Wan 2.6; needs Prompt Extend)',
			},
		);
	} else {
		options.push({
			displayName: 'Size',
			name: 'size',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1280x1280',
			description: 'Exact output size as WIDTHxHEIGHT, overriding Aspect Ratio',
		});
	}
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
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
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 4 },
			displayOptions: { show: generate },
			default: '',
			placeholder: kind === 'video' ? 'e.g. A cat playing the piano, cinematic lighting' : 'e.g. A lighthouse at sunset, watercolour',
			description: `What the ${kind} should show`,
		},
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
