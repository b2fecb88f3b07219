import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	BEARER_HEADER,
	apiKeyProperty,
	baseUrlProperty,
	filesBaseUrlProperty,
	wrongAddressMessage,
	wrongKeyMessage,
} from './apiKeyCredential';

export class EvoLinkApi implements ICredentialType {
	name = 'evoLinkApi';

	displayName = 'EvoLink API';

	icon: Icon = { light: 'file:../icons/evolink.svg', dark: 'file:../icons/evolink.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wan/n8n-nodes-wan#evolink';

	properties: INodeProperties[] = [
		apiKeyProperty('From the EvoLink dashboard, API Keys page'),
		baseUrlProperty({
			default: 'https://api.evolink.ai',
			description: 'Change only for a proxy or a test server',
		}),
		filesBaseUrlProperty('https://files-api.evolink.ai'),
	];

	// A lookup of a task that cannot exist: a valid key gets 404 with an EvoLink error body (type
	// not_found_error), a wrong key 401 (type authentication_error). Because the valid key's answer is a
	// 404, HTTP errors are read as answers, and n8n then checks only `responseSuccessBody` rules (on the
	// body): an answer without EvoLink's `error.type` did not come from EvoLink.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/tasks/credential-check',
			method: 'GET',
			headers: { ...BEARER_HEADER },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'error.type', value: 'authentication_error', message: wrongKeyMessage('EvoLink', 'base URL') },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'error.type', value: undefined, message: wrongAddressMessage('EvoLink', 'base URL') },
			},
		],
	};
}
