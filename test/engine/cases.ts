import type { INodeParameters } from 'n8n-workflow';

import type { SimProviderId } from '../simulator';

/** What the provider-neutral engine suites need to know about one provider. */
export interface ProviderCase {
	provider: SimProviderId;
	/** Text to video and image to video parameters for a model the provider serves. */
	textToVideo: INodeParameters;
	imageToVideo: INodeParameters;
	/** Text to image, where the provider serves images. */
	textToImage?: INodeParameters;
	/** Words of the simulator's default task failure that the node must pass on. */
	failureMessage: RegExp;
	/** Status bodies in the provider's own shape: finished without any result URL, and a status word nobody knows. */
	statusBodies: { completedWithoutUrls: object; unknownStatus: object };
}

export const PROVIDER_CASES: ProviderCase[] = [
	{
		provider: 'evolink',
		textToVideo: { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' },
		imageToVideo: {
			mode: 'imageToVideo',
			model: 'wan2.5',
			prompt: 'The cat starts to dance',
			imageUrl: 'https://example.com/cat.png',
		},
		textToImage: { mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse at sunset' },
		failureMessage: /Content policy violation detected/,
		statusBodies: { completedWithoutUrls: { id: 'task-unified-1', status: 'completed', progress: 100, results: [] }, unknownStatus: { id: 'task-unified-1', status: 'rendering', progress: 50 } },
	},
	{
		provider: 'apixo',
		textToVideo: { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' },
		imageToVideo: {
			mode: 'imageToVideo',
			model: 'wan2.5',
			prompt: 'The cat starts to dance',
			imageUrl: 'https://example.com/cat.png',
		},
		textToImage: { mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse at sunset' },
		failureMessage: /Content violates usage policy.*CONTENT_VIOLATION/,
		statusBodies: { completedWithoutUrls: { code: 200, message: 'success', data: { taskId: 'task_1', state: 'success', resultJson: '{"resultUrls":[]}' } }, unknownStatus: { code: 200, message: 'success', data: { taskId: 'task_1', state: 'rendering' } } },
	},
	{
		provider: 'gateway',
		textToVideo: { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' },
		imageToVideo: {
			mode: 'imageToVideo',
			model: 'wan2.5',
			prompt: 'The cat starts to dance',
			imageUrl: 'https://example.com/cat.png',
		},
		failureMessage: /Input data may contain inappropriate content\..*DataInspectionFailed/,
		statusBodies: { completedWithoutUrls: { code: 'success', message: '', data: { task_id: 'task_1', status: 'SUCCESS', progress: '100%', fail_reason: '' } }, unknownStatus: { code: 'success', message: '', data: { task_id: 'task_1', status: 'RENDERING', progress: '50%' } } },
	},
	{
		provider: 'alibaba',
		textToVideo: { mode: 'textToVideo', model: 'wan2.5', prompt: 'A cat playing the piano' },
		imageToVideo: {
			mode: 'imageToVideo',
			model: 'wan2.5',
			prompt: 'The cat starts to dance',
			imageUrl: 'https://example.com/cat.png',
		},
		textToImage: { mode: 'textToImage', model: 'wan2.5', prompt: 'A lighthouse at sunset' },
		failureMessage: /Output data may contain inappropriate content\..*DataInspectionFailed/,
		statusBodies: { completedWithoutUrls: { request_id: 'r1', output: { task_id: 't1', task_status: 'SUCCEEDED' } }, unknownStatus: { request_id: 'r1', output: { task_id: 't1', task_status: 'RENDERING' } } },
	},

];
