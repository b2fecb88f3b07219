import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperty, baseUrlProperty, statusCodeTest } from './apiKeyCredential';

export class WanGatewayApi implements ICredentialType {
	name = 'wanGatewayApi';

	displayName = 'OpenAI-Compatible Gateway API';

	icon: Icon = { light: 'file:../icons/gateway.svg', dark: 'file:../icons/gateway.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wan/n8n-nodes-wan#openai-compatible-gateway-new-api';

	properties: INodeProperties[] = [
		apiKeyProperty("A token from your gateway's Tokens page (sk-…)"),
		baseUrlProperty({
			required: true,
			default: '',
			placeholder: 'e.g. https://gateway.example.com',
			description: 'Address of your New API (or One API) gateway. A trailing /v1 is ignored.',
		}),
	];

	// The OpenAI-compatible model list: 200 for a valid token, 401 for a wrong one, 404 where no gateway is.
	test: ICredentialTestRequest = statusCodeTest('The gateway', 'base URL', {
		baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/v1$/i, "")}}',
		url: '/v1/models',
		method: 'GET',
	});
}
