import type { INodeProperties } from 'n8n-workflow';

import { waitMethodOptions } from './callback/options';
import { KIND_DEFAULTS } from './defaults';
import type { ModelSpec, OptionalField } from './modelSpec';
import { shownForModels } from './modelFields';
import { takesSlot } from './catalogue';
import { mediaSlotsOf } from './modes';
import type { MediaKind } from './types';

/** Options of every run, Generate and Get Task alike: how to wait, and where the file goes. */
function runOptions(kind: MediaKind): INodeProperties[] {
	const { pollIntervalSeconds, timeoutSeconds } = KIND_DEFAULTS[kind];
	return [
		{
			displayName: 'Include Input Fields',
			name: 'includeInputFields',
			type: 'boolean',
			default: false,
			description:
				"Whether each output item also carries the input item's JSON fields (e.g. a title from the previous node); the node's own fields win on a clash",
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
			displayName: 'Put Output in Field',
			name: 'binaryPropertyName',
			type: 'string',
			displayOptions: { show: { '/waitForCompletion': [true], '/returnAs': ['binary'] } },
			default: 'data',
			description: 'The binary field that receives the downloaded file',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: timeoutSeconds,
			description: 'How long to wait for each task after submitting it',
		},
	];
}

const EXTRA_PARAMETERS: INodeProperties = {
	displayName: 'Extra Parameters',
	name: 'extraParameters',
	type: 'json',
	displayOptions: { show: { '/operation': ['generate'] } },
	default: '{}',
	description: "JSON merged into the provider's request body, for fields this node does not offer",
};

/** The optional request fields, each shown only where the chosen model takes it. */
const MODEL_OPTIONS: Record<OptionalField, INodeProperties> = {
	callbackUrl: {
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/webhooks/wan',
		description: 'Public HTTPS URL the provider notifies when the task ends (in addition to waiting here)',
	},
	generateAudio: {
		displayName: 'Generate Audio',
		name: 'generateAudio',
		type: 'boolean',
		default: true,
		description: 'Whether the model adds generated sound (off makes a silent, cheaper video on Flash models)',
	},
	imageSet: {
		displayName: 'Image Set',
		name: 'imageSet',
		type: 'boolean',
		default: false,
		description:
			'Whether to make a set of related images (e.g. one character in several scenes), up to 12, instead of independent ones',
	},
	keepSourceAudio: {
		displayName: 'Keep Source Audio',
		name: 'keepSourceAudio',
		type: 'boolean',
		default: false,
		description: "Whether the edited video keeps the source video's sound (off: the model decides)",
	},
	negativePrompt: {
		displayName: 'Negative Prompt',
		name: 'negativePrompt',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'What to keep out of the result (at most 500 characters)',
	},
	promptExtend: {
		displayName: 'Prompt Extend',
		name: 'promptExtend',
		type: 'boolean',
		default: true,
		description: "Whether to let the provider rewrite the prompt with more detail (the provider's default is on)",
	},
	seed: {
		displayName: 'Seed',
		name: 'seed',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 2147483647, numberPrecision: 0 },
		default: 0,
		description: 'Random seed for more repeatable results (0–2147483647)',
	},
	shotType: {
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
	size: {
		displayName: 'Size',
		name: 'size',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1280x1280',
		description: 'Exact output size as WIDTHxHEIGHT, overriding Aspect Ratio',
	},
	watermark: {
		displayName: 'Watermark',
		name: 'watermark',
		type: 'boolean',
		default: false,
		description: 'Whether to add the provider\'s "AI generated" watermark',
	},
};

/** One copy of `option` per group of providers, modes and models that take it (none where no model does). */
function perModel(kind: MediaKind, option: INodeProperties, accepts: (spec: ModelSpec) => boolean): INodeProperties[] {
	return shownForModels(kind, accepts, true).map((displayOptions) => ({ ...option, displayOptions }));
}

function modelOptions(kind: MediaKind): INodeProperties[] {
	const fields = (Object.keys(MODEL_OPTIONS) as OptionalField[]).flatMap((field) =>
		perModel(kind, MODEL_OPTIONS[field], (spec) => spec.optionalFields.includes(field)),
	);
	// Media inputs that live in Options (the audio track), as the mode table describes them.
	const media = mediaSlotsOf(kind)
		.filter((slot) => slot.inOptions)
		.flatMap((slot) =>
			perModel(
				kind,
				{
					displayName: slot.label,
					name: slot.parameter,
					type: 'string',
					default: '',
					placeholder: slot.placeholder,
					description: slot.description,
				},
				(spec) => takesSlot(spec, slot),
			),
		);
	return [...fields, ...media];
}

/** The Options collection of Wan Video or Wan Image, sorted by name. */
export function optionProperties(kind: MediaKind): INodeProperties[] {
	return [...runOptions(kind), EXTRA_PARAMETERS, ...waitMethodOptions(), ...modelOptions(kind)].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
}
