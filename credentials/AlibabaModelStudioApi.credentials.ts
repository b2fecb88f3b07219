import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { apiKeyProperty, baseUrlProperty, statusCodeTest } from './apiKeyCredential';

import {
	ALIBABA_REGIONS,
	DEFAULT_REGION,
	baseUrlExpression,
	workspaceUrl,
} from '../nodes/shared/providers/alibaba/regions';

/** Each region with the address it is reached at: its shared domain, else its workspace domains. */
const REGION_OPTIONS = Object.entries(ALIBABA_REGIONS)
	.map(([value, region]) => ({
		name: region.name,
		value,
		description: region.sharedUrl ?? workspaceUrl('{WorkspaceId}', region.workspaceHost ?? ''),
	}))
	.sort((a, b) => a.name.localeCompare(b.name));

/** Regions without a shared domain (Frankfurt). */
const WORKSPACE_ONLY_REGIONS = Object.entries(ALIBABA_REGIONS)
	.filter(([, region]) => region.sharedUrl === undefined)
	.map(([value]) => value);

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
			options: REGION_OPTIONS,
			default: DEFAULT_REGION,
			description: 'Where the API key was created: keys, endpoints and models are separate per region',
		},
		{
			displayName: 'Workspace ID',
			name: 'workspaceId',
			type: 'string',
			default: '',
			placeholder: 'e.g. llm-a1b2c3d4',
			description:
				'The Model Studio workspace the key belongs to (console: Workspace Details). Requests then go to the workspace’s own domain, https://{WorkspaceId}.{region}.maas.aliyuncs.com. Required for Germany (Frankfurt) and for Wan 3.0.',
		},
		{
			displayName:
				'This region is reached only through a workspace’s own domain: enter the Workspace ID, or a Base URL of the form https://{WorkspaceId}.{region}.maas.aliyuncs.com',
			name: 'workspaceNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { region: WORKSPACE_ONLY_REGIONS } },
		},
		baseUrlProperty({
			default: '',
			placeholder: 'https://{WorkspaceId}.ap-southeast-1.maas.aliyuncs.com',
			description:
				'Leave empty to use the region’s endpoint (or the workspace’s, with a Workspace ID). Set it for a proxy or a test server; it wins over both.',
		}),
	];

	// Querying a task that does not exist: a valid key gets 200 with status UNKNOWN, a wrong key (or a key
	// of another region) 401, an address without DashScope 404.
	test: ICredentialTestRequest = statusCodeTest('Alibaba Cloud Model Studio', 'region', {
		baseURL: baseUrlExpression(),
		url: '/api/v1/tasks/credential-check',
		method: 'GET',
	});
}
