import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

/**
 * What every provider credential shares: an API key sent as a Bearer header, a base URL to override,
 * and a Test button that answers a wrong key and a wrong address in the same words for every provider.
 *
 * The credentials declare no `authenticate` block. n8n adds a "Custom API Call" operation to every
 * node whose credential has one (or extends an OAuth type), offering the credential to the HTTP
 * Request node; the Wan nodes have no such operation. So the nodes send the header themselves
 * (`nodes/shared/transport.ts`), and the Test request carries it below.
 */

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

/** A provider's file host apart from its API host, where files from binary fields are uploaded. */
export function filesBaseUrlProperty(publicHost: string): INodeProperties {
	return {
		displayName: 'Files Base URL',
		name: 'filesBaseUrl',
		type: 'string',
		default: publicHost,
		description: "Where files from binary fields are uploaded (the provider's file host). Change only for a proxy or a test server.",
	};
}

/** The header the Test request sends (the nodes build the same one in code). */
export const BEARER_HEADER = { Authorization: '=Bearer {{$credentials.apiKey}}' } as const;

/** fal's header: the key after `Key`, not `Bearer` (https://docs.fal.ai/model-endpoints/queue). */
export const KEY_HEADER = { Authorization: '=Key {{$credentials.apiKey}}' } as const;

/** What a key belongs to: an Alibaba region, or the address of the other services. */
export type KeyScope = 'region' | 'base URL';

/** The Test button's answer to a key the provider refuses, the same words for every provider. */
export function wrongKeyMessage(provider: string, scope: KeyScope): string {
	return `${provider} rejected the API key: check it was copied whole, and that it belongs to this ${scope}`;
}

/** The Test button's answer when whatever answered is not the provider's API. */
export function wrongAddressMessage(provider: string, scope: KeyScope): string {
	const check = scope === 'region' ? 'the Region and the Base URL' : 'the Base URL';
	return `${provider} was not found at this address: check ${check}`;
}

/**
 * A Test request whose wrong key (HTTP 401) and wrong address (HTTP 404) fail with our words.
 * n8n's credential tester (packages/cli/src/services/credentials-tester.service.ts) checks
 * `responseCode` rules only on a request that failed with that status; a 2xx passes.
 */
export function statusCodeTest(
	provider: string,
	scope: KeyScope,
	request: Omit<ICredentialTestRequest['request'], 'headers' | 'ignoreHttpStatusErrors'>,
): ICredentialTestRequest {
	return {
		request: { ...request, headers: { ...BEARER_HEADER } },
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: wrongKeyMessage(provider, scope) } },
			{ type: 'responseCode', properties: { value: 404, message: wrongAddressMessage(provider, scope) } },
		],
	};
}
