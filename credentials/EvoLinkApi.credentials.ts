import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperty, baseUrlProperty, bearerAuthentication } from './apiKeyCredential';

export class EvoLinkApi implements ICredentialType {
	name = 'evoLinkApi';

	displayName = 'EvoLink API';

	icon: Icon = { light: 'file:../icons/wan.svg', dark: 'file:../icons/wan.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wan/n8n-nodes-wan#evolink';

	properties: INodeProperties[] = [
		apiKeyProperty('From the EvoLink dashboard, API Keys page'),
		baseUrlProperty({
			default: 'https://api.evolink.ai',
			description: 'Change only for a proxy or a test server',
		}),
	];

	authenticate = bearerAuthentication;

	// A lookup of a task that cannot exist: a valid key gets 404 "not found", a wrong key 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/tasks/credential-check',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error.type',
					value: 'authentication_error',
					message: 'EvoLink rejected the API key',
				},
			},
		],
	};
}
