import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperty, baseUrlProperty, statusCodeTest } from './apiKeyCredential';

import { ALIBABA_REGION_URLS } from '../nodes/shared/providers/alibaba/regions';

const REGION_URL_ENTRIES = Object.entries(ALIBABA_REGION_URLS)
	.map(([region, url]) => `${region}: '${url}'`)
	.join(', ');

export class AlibabaModelStudioApi implements ICredentialType {
	name = 'alibabaModelStudioApi';

	displayName = 'Alibaba Cloud Model Studio API';

	icon: Icon = { light: 'file:../icons/alibaba.svg', dark: 'file:../icons/alibaba.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-wan/n8n-nodes-wan#alibaba-cloud-model-studio';

	properties: INodeProperties[] = [
		apiKeyProperty('A Model Studio (DashScope) API key from the same region as the Region below'),
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'China (Beijing)', value: 'cn', description: 'https://dashscope.aliyuncs.com' },
				{ name: 'Singapore', value: 'intl', description: 'https://dashscope-intl.aliyuncs.com' },
				{ name: 'US (Virginia)', value: 'us', description: 'https://dashscope-us.aliyuncs.com' },
			],
			default: 'intl',
			description: 'Where the API key was created: keys, endpoints and models are separate per region',
		},
		baseUrlProperty({
			default: '',
			placeholder: 'https://{WorkspaceId}.ap-southeast-1.maas.aliyuncs.com',
			description:
				'Leave empty to use the region’s endpoint. Set it for a workspace domain, a proxy or a test server.',
		}),
	];

	// Querying a task that does not exist: a valid key gets 200 with status UNKNOWN, a wrong key (or a key
	// of another region) 401, an address without DashScope 404.
	test: ICredentialTestRequest = statusCodeTest('Alibaba Cloud Model Studio', 'region', {
		baseURL: `={{$credentials.baseUrl || ({${REGION_URL_ENTRIES}})[$credentials.region]}}`,
		url: '/api/v1/tasks/credential-check',
		method: 'GET',
	});
}
