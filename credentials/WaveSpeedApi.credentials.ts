import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperty, baseUrlProperty, statusCodeTest } from './apiKeyCredential';

export class WaveSpeedApi implements ICredentialType {
	name = 'waveSpeedApi';

	displayName = 'WaveSpeed API';

	icon: Icon = { light: 'file:../icons/wavespeed.svg', dark: 'file:../icons/wavespeed.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wan/n8n-nodes-wan#wavespeed';

	properties: INodeProperties[] = [
		apiKeyProperty('From wavespeed.ai, Access Keys page (a key works once the account has been topped up)'),
		baseUrlProperty({
			default: 'https://api.wavespeed.ai',
			description: 'Change only for a proxy or a test server',
		}),
	];

	// The account's balance (https://wavespeed.ai/docs-common-api/balance): 200 for a valid key, 401 for a wrong
	// one, 404 where no WaveSpeed API is. Free, and creates nothing.
	test: ICredentialTestRequest = statusCodeTest('WaveSpeed', 'base URL', {
		baseURL: '={{$credentials.baseUrl}}',
		url: '/api/v3/balance',
		method: 'GET',
	});
}
