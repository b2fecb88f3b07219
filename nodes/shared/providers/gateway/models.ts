import { AT_MOST_ONE, ONE, WAN27_EDIT_REFERENCES, WAN27_REFERENCES } from '../../limits';
import type { ProviderModel, OptionalField } from '../../modelSpec';
import { WAN25, WAN26, WAN27 } from '../../wanModels';

/**
 * The `metadata.input` / `metadata.parameters` fields New API forwards for Wan 2.5/2.6. No Shot Type:
 * every Go Ali adaptor read (QuantumNous/new-api relay/channel/task/ali/adaptor.go, from its first
 * version, Oct 2025, to commit 10d43aa) has no `shot_type` field and drops it. Only the plugin that
 * replaced it (plugins/tasks/alibaba/plugin.js, 2f6bf06) copies `metadata.parameters` whole; which build a
 * gateway runs cannot be told from outside, so the option is not offered.
 */
const LEGACY_FIELDS: readonly OptionalField[] = ['generateAudio', 'negativePrompt', 'promptExtend', 'seed', 'watermark'];

/**
 * Wan 2.7 through `metadata.input.media[]`: DashScope 2.7 has no `audio` switch (it always makes sound)
 * and no shot type. Per-reference voices are left out: the Go adaptor keeps only `type` and `url` of a
 * media entry (`AliVideoMedia`), so a `reference_voice` never reaches DashScope there.
 */
const WAN27_FIELDS: readonly OptionalField[] = ['negativePrompt', 'promptExtend', 'seed', 'watermark'];

/** The gateway refuses an empty prompt before anything reaches DashScope (`relaycommon.validatePrompt`), every mode. */
const PROMPT_REQUIRED = { required: true };

/**
 * Wan video models behind a New API (QuantumNous/new-api) gateway's Ali channel (seed doc 003,
 * providers.md §4, docs/research/wan-2.7-providers.md §4). The gateway forwards to DashScope, so limits
 * are DashScope's (New API checks no Wan duration, resolution or ratio: they pass through to DashScope
 * from `metadata`), except the prompt, which the gateway itself requires.
 * Video only: the gateway's task routes serve no Wan image models; kf2v is not served (the adaptor
 * posts every model to DashScope's video-generation path, not kf2v's image2video one) and Wan 3.0 only
 * in forks.
 */
export const GATEWAY_MODELS: readonly ProviderModel[] = [
	{
		...WAN25.textToVideo,
		modelId: 'wan2.5-t2v-preview',
		media: { audio: AT_MOST_ONE },
		optionalFields: LEGACY_FIELDS,
	},
	{
		// 2–15 s: the duration goes to DashScope as given (DashScope's wan2.6-t2v range).
		...WAN26.textToVideo,
		modelId: 'wan2.6-t2v',
		media: { audio: AT_MOST_ONE },
		optionalFields: LEGACY_FIELDS,
	},
	{
		// https://www.alibabacloud.com/help/en/model-studio/text-to-video-api-reference (wan2.7-t2v, New API
		// default model list): no media; the soundtrack is `input.audio_url`.
		...WAN27.textToVideo,
		modelId: 'wan2.7-t2v',
		media: { audio: AT_MOST_ONE },
		optionalFields: WAN27_FIELDS,
		mediaProtocol: true,
	},
	{
		...WAN25.imageToVideo,
		modelId: 'wan2.5-i2v-preview',
		prompt: { ...WAN25.imageToVideo.prompt, ...PROMPT_REQUIRED },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: LEGACY_FIELDS,
	},
	{
		...WAN26.imageToVideo,
		modelId: 'wan2.6-i2v',
		prompt: { ...WAN26.imageToVideo.prompt, ...PROMPT_REQUIRED },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: LEGACY_FIELDS,
	},
	{
		// https://www.alibabacloud.com/help/en/model-studio/wan-image-to-video-guide: first_frame (+ driving_audio).
		// New API passes `metadata.input.media` through for wan2.7-i2v (PR #4984, 2026-05) as given.
		...WAN27.imageToVideo,
		modelId: 'wan2.7-i2v',
		prompt: { ...WAN27.imageToVideo.prompt, ...PROMPT_REQUIRED },
		media: { firstFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_FIELDS,
		mediaProtocol: true,
	},
	{
		// The same guide: first_frame + last_frame (+ driving_audio) on wan2.7-i2v.
		...WAN27.firstLastFrameToVideo,
		modelId: 'wan2.7-i2v',
		prompt: { ...WAN27.firstLastFrameToVideo.prompt, ...PROMPT_REQUIRED },
		media: { firstFrame: ONE, lastFrame: ONE, audio: AT_MOST_ONE },
		optionalFields: WAN27_FIELDS,
		mediaProtocol: true,
	},
	{
		// The same guide: first_clip (+ last_frame) on wan2.7-i2v; no driving audio with a clip.
		...WAN27.extendVideo,
		modelId: 'wan2.7-i2v',
		prompt: { ...WAN27.extendVideo.prompt, ...PROMPT_REQUIRED },
		media: { video: ONE, lastFrame: AT_MOST_ONE },
		optionalFields: WAN27_FIELDS,
		mediaProtocol: true,
	},
	{
		// https://www.alibabacloud.com/help/en/model-studio/wan-video-to-video-api-reference: 1–5 reference
		// images/videos and an optional first frame. Not in New API's default model list: the gateway's
		// admin adds wan2.7-r2v to the Ali channel; the media then pass through `metadata.input.media`.
		...WAN27.referenceToVideo,
		modelId: 'wan2.7-r2v',
		media: { references: WAN27_REFERENCES, firstFrame: AT_MOST_ONE },
		optionalFields: WAN27_FIELDS,
		mediaProtocol: true,
	},
	{
		// https://www.alibabacloud.com/help/en/model-studio/wan-video-editing-api-reference: one video and
		// up to 4 reference images; `audio_setting` passes through (a pointer field of the adaptor).
		// Like r2v, added to the channel by the gateway's admin.
		...WAN27.editVideo,
		modelId: 'wan2.7-videoedit',
		prompt: { ...WAN27.editVideo.prompt, ...PROMPT_REQUIRED },
		media: { video: ONE, references: WAN27_EDIT_REFERENCES },
		optionalFields: [...WAN27_FIELDS, 'keepSourceAudio'],
		mediaProtocol: true,
	},
];
