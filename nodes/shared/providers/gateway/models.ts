import { AT_MOST_ONE, ONE } from '../../limits';
import type { ProviderModel, OptionalField } from '../../modelSpec';
import { WAN25, WAN26 } from '../../wanModels';

/** Seed doc 003: "Options: 5, 10, 15 (15 seconds: wan2.6 only)". */
const FIVE_TEN_FIFTEEN: readonly number[] = [5, 10, 15];

/** The `metadata.input` / `metadata.parameters` fields seed doc 003 lists for Wan 2.5. */
const WAN25_FIELDS: readonly OptionalField[] = [
	'generateAudio',
	'negativePrompt',
	'promptExtend',
	'seed',
	'watermark',
];
/** Wan 2.6 adds `shot_type`. */
const WAN26_FIELDS: readonly OptionalField[] = [...WAN25_FIELDS, 'shotType'];

/**
 * Wan video models behind a New API (QuantumNous/new-api) gateway's Ali channel (seed doc 003,
 * providers.md §4). The gateway forwards to DashScope, so the prompt limit is DashScope's (§3.2), but the
 * gateway itself refuses an empty prompt, image-to-video included.
 * Video only: the gateway's task routes serve no Wan image models.
 */
export const GATEWAY_MODELS: readonly ProviderModel[] = [
	{
		...WAN25.textToVideo,
		modelId: 'wan2.5-t2v-preview',
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN25_FIELDS,
	},
	{
		...WAN26.textToVideo,
		modelId: 'wan2.6-t2v',
		durations: FIVE_TEN_FIFTEEN,
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN26_FIELDS,
	},
	{
		...WAN25.imageToVideo,
		modelId: 'wan2.5-i2v-preview',
		prompt: { required: true, maxLength: 1500 },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN25_FIELDS,
	},
	{
		...WAN26.imageToVideo,
		modelId: 'wan2.6-i2v',
		prompt: { required: true, maxLength: 1500 },
		durations: FIVE_TEN_FIFTEEN,
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN26_FIELDS,
	},
];
