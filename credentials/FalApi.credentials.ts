import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { KEY_HEADER, apiKeyProperty, baseUrlProperty, filesBaseUrlProperty, wrongAddressMessage, wrongKeyMessage } from './apiKeyCredential';

/** The words fal answers a key it does not know with (HTTP 401): the docs' and the one its API sends today. */
const REFUSED_KEY_DETAILS = ['Unauthorized', 'No user found for Key ID and Secret'];

export class FalApi implements ICredentialType {
	name = 'falApi';

	displayName = 'Fal API';

	icon: Icon = { light: 'file:../icons/fal.svg', dark: 'file:../icons/fal.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wan/n8n-nodes-wan#fal';

	properties: INodeProperties[] = [
		apiKeyProperty('From fal.ai → Dashboard → Keys (sent as "Authorization: Key …")'),
		baseUrlProperty({
			default: 'https://queue.fal.run',
			description: 'Change only for a proxy or a test server (fal\'s queue API)',
		}),
		filesBaseUrlProperty('https://rest.fal.ai'),
	];

	// The status of a request that cannot exist, in the Wan app's queue: free, and creates nothing. fal
	// answers every error with a `detail` (https://docs.fal.ai/errors): a wrong key gets one of the words
	// above, a right key another (the request is unknown); an answer without `detail` did not come from fal.
	// HTTP errors are read as answers, so n8n checks only `responseSuccessBody` rules.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/fal-ai/wan/requests/00000000-0000-0000-0000-000000000000/status',
			method: 'GET',
			headers: { ...KEY_HEADER },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			...REFUSED_KEY_DETAILS.map((detail) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'detail', value: detail, message: wrongKeyMessage('fal', 'base URL') },
			})),
			{
				type: 'responseSuccessBody',
				properties: { key: 'detail', value: undefined, message: wrongAddressMessage('fal', 'base URL') },
			},
		],
	};
}
