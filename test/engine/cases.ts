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
	},

];
