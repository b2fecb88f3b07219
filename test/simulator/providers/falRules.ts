/**
 * What each fal Wan endpoint's page allows (the pages cited in nodes/shared/providers/fal/models.ts), as
 * checks on the submitted input: the first field a run would be refused for.
 */
import type { SimMediaKind } from '../types';

export interface FalRefusal {
	field: string;
	message: string;
}

type Body = Record<string, unknown>;
type Check = (body: Body) => FalRefusal | undefined;

const refuse = (field: string, message: string): FalRefusal => ({ field, message });
const given = (body: Body, field: string) => body[field] !== undefined;
const count = (body: Body, field: string) => (Array.isArray(body[field]) ? (body[field] as unknown[]).length : 0);

const required =
	(field: string): Check =>
	(body) =>
		given(body, field) ? undefined : refuse(field, 'Field required');

const absent =
	(field: string): Check =>
	(body) =>
		given(body, field) ? refuse(field, 'Extra inputs are not permitted') : undefined;

const text =
	(field: string, maxLength: number): Check =>
	(body) =>
		!given(body, field) || (typeof body[field] === 'string' && [...(body[field] as string)].length <= maxLength)
			? undefined
			: refuse(field, `String should have at most ${maxLength} characters`);

const oneOf =
	(field: string, values: readonly unknown[]): Check =>
	(body) =>
		!given(body, field) || values.includes(body[field]) ? undefined : refuse(field, `Input should be ${values.map((v) => JSON.stringify(v)).join(', ')}`);

const integer =
	(field: string, min: number, max: number): Check =>
	(body) => {
		const value = body[field];
		if (value === undefined) return undefined;
		return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? undefined : refuse(field, `Input should be an integer from ${min} to ${max}`);
	};

const flag =
	(field: string): Check =>
	(body) =>
		!given(body, field) || typeof body[field] === 'boolean' ? undefined : refuse(field, 'Input should be a valid boolean');

const urls =
	(field: string, min: number, max: number): Check =>
	(body) => {
		if (!given(body, field)) return undefined;
		const value = body[field];
		const ok = Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry !== '');
		return ok && value.length >= min && value.length <= max ? undefined : refuse(field, `List should have ${min} to ${max} URLs`);
	};

const imageSize: Check = (body) => {
	const size = body.image_size;
	if (size === undefined) return undefined;
	const ok = typeof size === 'object' && size !== null && Number.isInteger((size as Body).width) && Number.isInteger((size as Body).height);
	return ok ? undefined : refuse('image_size', 'Input should be an image size preset or {width, height}');
};

const RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'];
const THREE_RATIOS = ['16:9', '9:16', '1:1'];
const COMMON: Check[] = [text('negative_prompt', 500), flag('enable_prompt_expansion'), integer('seed', 0, 2147483647)];

const WAN22: Check[] = [...COMMON, required('prompt'), text('prompt', 800), oneOf('resolution', ['480p', '580p', '720p']), absent('duration')];
const WAN25: Check[] = [...COMMON, required('prompt'), oneOf('resolution', ['480p', '720p', '1080p']), oneOf('duration', ['5', '10'])];
const WAN26: Check[] = [...COMMON, text('prompt', 800), oneOf('resolution', ['720p', '1080p']), flag('multi_shots')];
const WAN27: Check[] = [...COMMON, text('prompt', 5000), oneOf('resolution', ['720p', '1080p']), integer('duration', 2, 15)];
const IMAGES: Check[] = [...COMMON, required('prompt'), integer('num_images', 1, 4), imageSize];

/** At least one reference, at most `max` in all (`videoMax` of them videos). */
const references =
	(image: string, video: string, max: number, videoMax: number): Check =>
	(body) => {
		const total = count(body, image) + count(body, video);
		if (total === 0) return refuse(image, `At least one of ${image} / ${video} is required`);
		if (count(body, video) > videoMax) return refuse(video, `At most ${videoMax} videos`);
		return total > max ? refuse(image, `At most ${max} references in all`) : undefined;
	};

/** Each endpoint fal serves here: what it makes and what its page allows. */
const ENDPOINTS: Record<string, { kind: SimMediaKind; checks: Check[] }> = {
	'fal-ai/wan/v2.2-a14b/text-to-video': { kind: 'video', checks: [...WAN22, oneOf('aspect_ratio', THREE_RATIOS)] },
	'fal-ai/wan/v2.2-a14b/image-to-video': { kind: 'video', checks: [...WAN22, required('image_url'), oneOf('aspect_ratio', ['auto', ...THREE_RATIOS])] },
	'fal-ai/wan-25-preview/text-to-video': { kind: 'video', checks: [...WAN25, oneOf('aspect_ratio', THREE_RATIOS)] },
	'fal-ai/wan-25-preview/image-to-video': { kind: 'video', checks: [...WAN25, text('prompt', 800), required('image_url'), absent('aspect_ratio')] },
	'wan/v2.6/text-to-video': { kind: 'video', checks: [...WAN26, required('prompt'), oneOf('aspect_ratio', RATIOS), oneOf('duration', ['5', '10', '15'])] },
	'wan/v2.6/image-to-video': { kind: 'video', checks: [...WAN26, required('image_url'), oneOf('duration', ['5', '10', '15'])] },
	'wan/v2.6/reference-to-video': {
		kind: 'video',
		checks: [...WAN26, required('prompt'), required('video_urls'), urls('video_urls', 1, 3), absent('image_urls'), oneOf('aspect_ratio', RATIOS), oneOf('duration', ['5', '10'])],
	},
	'wan/v2.6/reference-to-video/flash': {
		kind: 'video',
		checks: [...WAN26, required('prompt'), references('image_urls', 'video_urls', 5, 3), flag('enable_audio'), oneOf('aspect_ratio', RATIOS), oneOf('duration', ['5', '10'])],
	},
	'fal-ai/wan/v2.7/text-to-video': { kind: 'video', checks: [...WAN27, required('prompt'), oneOf('aspect_ratio', RATIOS)] },
	'fal-ai/wan/v2.7/image-to-video': {
		kind: 'video',
		checks: [
			...WAN27,
			absent('aspect_ratio'),
			(body) => (given(body, 'image_url') || given(body, 'video_url') ? undefined : refuse('image_url', 'image_url or video_url is required')),
			(body) => (given(body, 'image_url') && given(body, 'video_url') ? refuse('video_url', 'video_url cannot be combined with image_url') : undefined),
		],
	},
	'fal-ai/wan/v2.7/reference-to-video': {
		kind: 'video',
		checks: [...WAN27, required('prompt'), references('reference_image_urls', 'reference_video_urls', 5, 5), oneOf('aspect_ratio', RATIOS)],
	},
	'fal-ai/wan-25-preview/text-to-image': { kind: 'image', checks: [...IMAGES, text('prompt', 2000)] },
	'fal-ai/wan-25-preview/image-to-image': { kind: 'image', checks: [...IMAGES, text('prompt', 2000), required('image_urls'), urls('image_urls', 1, 2)] },
	'wan/v2.6/image-to-image': { kind: 'image', checks: [...IMAGES, required('image_urls'), urls('image_urls', 1, 3)] },
};

/** The endpoint's kind and its input check, or undefined for an endpoint fal does not serve here. */
export function endpointRules(endpointId: string): { kind: SimMediaKind; check: (body: Body) => FalRefusal | undefined } | undefined {
	const endpoint = ENDPOINTS[endpointId];
	if (!endpoint) return undefined;
	return {
		kind: endpoint.kind,
		check: (body) => {
			for (const check of endpoint.checks) {
				const refusal = check(body);
				if (refusal) return refusal;
			}
			return undefined;
		},
	};
}
