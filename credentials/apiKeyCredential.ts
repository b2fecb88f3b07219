import type { IAuthenticateGeneric, INodeProperties } from 'n8n-workflow';

/** What every provider credential shares: an API key sent as a Bearer header, and a base URL to override. */

export function apiKeyProperty(description: string): INodeProperties {
	return {
		displayName: 'API Key',
		name: 'apiKey',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description,
	};
}

export function baseUrlProperty(
	field: Pick<INodeProperties, 'default' | 'description'> & Partial<Pick<INodeProperties, 'placeholder' | 'required'>>,
): INodeProperties {
	return { displayName: 'Base URL', name: 'baseUrl', type: 'string', ...field };
}

export const bearerAuthentication: IAuthenticateGeneric = {
	type: 'generic',
	properties: {
		headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
	},
};
