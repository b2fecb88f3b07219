import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperty, baseUrlProperty, statusCodeTest } from './apiKeyCredential';

export class ApixoApi implements ICredentialType {
	name = 'apixoApi';

	displayName = 'APIXO API';

	icon: Icon = { light: 'file:../icons/apixo.svg', dark: 'file:../icons/apixo.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wan/n8n-nodes-wan#apixo';

	properties: INodeProperties[] = [
		apiKeyProperty('From the APIXO dashboard, API Keys page'),
		baseUrlProperty({
			default: 'https://api.apixo.ai/api/v1',
			description: 'Change only for a proxy or a test server. Include the /api/v1 path.',
		}),
	];

	// The key's balance: 200 for a valid key, 401 for a wrong one, 404 where no APIXO API is. Free, and
	// creates nothing.
	test: ICredentialTestRequest = statusCodeTest('APIXO', 'base URL', {
		baseURL: '={{$credentials.baseUrl}}',
		url: '/apikeys/current-balance',
		method: 'GET',
	});
}
