import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperty, baseUrlProperty, filesBaseUrlProperty, statusCodeTest } from './apiKeyCredential';

export class KieApi implements ICredentialType {
	name = 'kieApi';

	displayName = 'Kie.ai API';

	icon: Icon = { light: 'file:../icons/kie.svg', dark: 'file:../icons/kie.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wan/n8n-nodes-wan#kieai';

	properties: INodeProperties[] = [
		apiKeyProperty('From the Kie.ai API Key page (kie.ai/api-key)'),
		baseUrlProperty({
			default: 'https://api.kie.ai',
			description: 'Change only for a proxy or a test server',
		}),
		filesBaseUrlProperty('https://kieai.redpandaai.co'),
	];

	// Kie.ai's remaining credits (https://docs.kie.ai/common-api/get-account-credits): 200 for a valid key,
	// 401 for a wrong one, 404 where no Kie API is. Free, and creates nothing.
	test: ICredentialTestRequest = statusCodeTest('Kie.ai', 'base URL', {
		baseURL: '={{$credentials.baseUrl}}',
		url: '/api/v1/chat/credit',
		method: 'GET',
	});
}
