import type { INodeParameters } from 'n8n-workflow';

import { PROVIDER_IDS } from '../../nodes/shared/providers';
import type { ProviderId } from '../../nodes/shared/types';

/** What the provider-neutral engine suites need to know about one provider. */
export interface ProviderCase {
	provider: ProviderId;
	/** Text to video and image to video parameters for a model the provider serves. */
	textToVideo: INodeParameters;
	imageToVideo: INodeParameters;
	/** Text to image, where the provider serves images. */
	textToImage?: INodeParameters;
	/** Words of the simulator's default task failure that the node must pass on. */
	failureMessage: RegExp;
	/** The usage the simulator's submit answer reports, which a handle output without waiting carries (none: absent). */
	submitUsage?: object;
	/** Status bodies in the provider's own shape: finished without any result URL, and a status word nobody knows. */
	statusBodies: { completedWithoutUrls: object; unknownStatus: object };
	/** Where the provider answers a finished task's results, when not in its status (fal: a second request). */
	resultRoute?: 'result';
}

/** The wan2.5 workflows every provider serves. */
const TEXT_TO_VIDEO: INodeParameters = { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' };
const IMAGE_TO_VIDEO: INodeParameters = {
	mode: 'imageToVideo',
	model: 'wan2.5',
	prompt: 'The cat starts to dance',
	imageUrl: 'https://example.com/cat.png',
};
const TEXT_TO_IMAGE: INodeParameters = { mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse at sunset' };

/** Every provider's case, by id: a provider added to the registry does not compile until it has one. */
export const PROVIDER_CASE_BY_ID = {
	evolink: {
		textToVideo: TEXT_TO_VIDEO,
		imageToVideo: IMAGE_TO_VIDEO,
		textToImage: TEXT_TO_IMAGE,
		failureMessage: /Content policy violation detected/,
		submitUsage: { billing_rule: 'per_call', credits_reserved: 5, user_group: 'default' },
		statusBodies: { completedWithoutUrls: { id: 'task-unified-1', status: 'completed', progress: 100, results: [] }, unknownStatus: { id: 'task-unified-1', status: 'rendering', progress: 50 } },
	},
	apixo: {
		textToVideo: TEXT_TO_VIDEO,
		imageToVideo: IMAGE_TO_VIDEO,
		textToImage: TEXT_TO_IMAGE,
		failureMessage: /Content violates usage policy.*CONTENT_VIOLATION/,
		statusBodies: { completedWithoutUrls: { code: 200, message: 'success', data: { taskId: 'task_1', state: 'success', resultJson: '{"resultUrls":[]}' } }, unknownStatus: { code: 200, message: 'success', data: { taskId: 'task_1', state: 'rendering' } } },
	},
	fal: {
		textToVideo: TEXT_TO_VIDEO,
		imageToVideo: IMAGE_TO_VIDEO,
		textToImage: TEXT_TO_IMAGE,
		failureMessage: /The content could not be processed because it contained material flagged by a content checker\..*content_policy_violation/,
		// The status says COMPLETED; the results are a second request, so "finished without URLs" is its answer.
		statusBodies: { completedWithoutUrls: { seed: 712386720 }, unknownStatus: { status: 'RENDERING', response_url: 'https://queue.fal.run/fal-ai/wan-25-preview/requests/r1' } },
		resultRoute: 'result',
	},
	gateway: {
		textToVideo: TEXT_TO_VIDEO,
		imageToVideo: IMAGE_TO_VIDEO,
		failureMessage: /Input data may contain inappropriate content\..*DataInspectionFailed/,
		statusBodies: { completedWithoutUrls: { code: 'success', message: '', data: { task_id: 'task_1', status: 'SUCCESS', progress: '100%', fail_reason: '' } }, unknownStatus: { code: 'success', message: '', data: { task_id: 'task_1', status: 'RENDERING', progress: '50%' } } },
	},
	kie: {
		textToVideo: TEXT_TO_VIDEO,
		imageToVideo: IMAGE_TO_VIDEO,
		// Kie's only Wan image model is Wan 2.7 Pro (wan/2-7-image-pro).
		textToImage: { ...TEXT_TO_IMAGE, model: 'wan2.7-pro' },
		failureMessage: /Generation Failed - Content generation task failed.*501/,
		statusBodies: { completedWithoutUrls: { code: 200, message: 'success', data: { taskId: 'task_1', state: 'success', resultJson: '{"resultUrls":[]}' } }, unknownStatus: { code: 200, message: 'success', data: { taskId: 'task_1', state: 'rendering' } } },
	},
	alibaba: {
		textToVideo: TEXT_TO_VIDEO,
		imageToVideo: IMAGE_TO_VIDEO,
		textToImage: TEXT_TO_IMAGE,
		failureMessage: /Output data may contain inappropriate content\..*DataInspectionFailed/,
		statusBodies: { completedWithoutUrls: { request_id: 'r1', output: { task_id: 't1', task_status: 'SUCCEEDED' } }, unknownStatus: { request_id: 'r1', output: { task_id: 't1', task_status: 'RENDERING' } } },
	},
	// WaveSpeed documents no Wan 2.5 (see nodes/shared/providers/wavespeed/models.ts): the same workflows on Wan 2.6.
	wavespeed: {
		textToVideo: { ...TEXT_TO_VIDEO, model: 'wan2.6' },
		imageToVideo: { ...IMAGE_TO_VIDEO, model: 'wan2.6' },
		textToImage: { ...TEXT_TO_IMAGE, model: 'wan2.6' },
		failureMessage: /Error message here/,
		statusBodies: { completedWithoutUrls: { code: 200, message: 'success', data: { id: 'p1', status: 'completed', outputs: [] } }, unknownStatus: { code: 200, message: 'success', data: { id: 'p1', status: 'rendering', outputs: [] } } },
	},
} satisfies Record<ProviderId, Omit<ProviderCase, 'provider'>>;

/** The cases in the registry's order, for `describe.each`. */
export const PROVIDER_CASES: ProviderCase[] = PROVIDER_IDS.map((provider) => ({ provider, ...PROVIDER_CASE_BY_ID[provider] }));
