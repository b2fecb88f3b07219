import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { invalidInput } from '../../inputError';
import { trimBaseUrl } from '../adapter';

/**
 * A Model Studio region, as the credential's Region option names it (saved values `intl`, `cn`, `us`
 * keep their meaning). Per Alibaba's regions page (https://www.alibabacloud.com/help/en/model-studio/regions/),
 * its Workspace ID page
 * (https://www.alibabacloud.com/help/en/model-studio/developer-reference/obtain-api-key-app-id-and-workspace-id)
 * and the Wan 3.0 API reference (https://www.alibabacloud.com/help/es/model-studio/wan3-video-generation-api-reference,
 * which lists Virginia's `us-east-1` workspace domain): each workspace has its own domain
 * `https://{WorkspaceId}.{host}.maas.aliyuncs.com`; Frankfurt has no shared domain at all (the legacy
 * image-to-video reference shows only its workspace domain).
 */
export interface AlibabaRegion {
	name: string;
	/** The region's shared DashScope domain, where it has one. */
	sharedUrl?: string;
	/** The region's part of a workspace domain, where it has them. */
	workspaceHost?: string;
	/** Whether it has the temporary file upload (getPolicy → OSS → `oss://`). */
	temporaryUploads?: boolean;
}

export const ALIBABA_REGIONS: Record<string, AlibabaRegion> = {
	// Only Beijing has temporary uploads: https://www.alibabacloud.com/help/en/model-studio/get-temporary-file-url
	cn: { name: 'China (Beijing)', sharedUrl: 'https://dashscope.aliyuncs.com', workspaceHost: 'cn-beijing', temporaryUploads: true },
	// Hong Kong's shared domain is not on Alibaba's pages read; clients that call it name it so.
	hk: { name: 'China (Hong Kong)', sharedUrl: 'https://cn-hongkong.dashscope.aliyuncs.com', workspaceHost: 'cn-hongkong' },
	de: { name: 'Germany (Frankfurt)', workspaceHost: 'eu-central-1' },
	intl: { name: 'Singapore', sharedUrl: 'https://dashscope-intl.aliyuncs.com', workspaceHost: 'ap-southeast-1' },
	us: { name: 'US (Virginia)', sharedUrl: 'https://dashscope-us.aliyuncs.com', workspaceHost: 'us-east-1' },
};

export const DEFAULT_REGION = 'intl';

/** A workspace's own domain in a region. */
export function workspaceUrl(workspaceId: string, host: string): string {
	return `https://${workspaceId}.${host}.maas.aliyuncs.com`;
}

/** Workspace domains end so; a Base URL on one belongs to a workspace. */
const WORKSPACE_DOMAIN = /\.maas\.aliyuncs\.com$/i;

/** A workspace ID is one DNS label (e.g. `llm-abc123`): anything else would change the host it names. */
const WORKSPACE_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

function regionOf(credentials: ICredentialDataDecryptedObject): { key: string; region: AlibabaRegion } {
	const key = text(credentials.region) || DEFAULT_REGION;
	const region = ALIBABA_REGIONS[key] ?? ALIBABA_REGIONS[DEFAULT_REGION];
	return { key, region };
}

/** The credential's Workspace ID, checked; empty when not set. */
function workspaceIdOf(credentials: ICredentialDataDecryptedObject): string {
	const workspaceId = text(credentials.workspaceId);
	if (workspaceId && !WORKSPACE_ID.test(workspaceId)) {
		throw invalidInput(
			'Credential Workspace ID',
			workspaceId,
			'Expected the ID shown on the Model Studio console’s Workspace Details page: letters, digits and hyphens, e.g. llm-a1b2c3d4.',
		);
	}
	return workspaceId;
}

/**
 * Where requests go: the Base URL override, else the workspace's own domain when a Workspace ID is set
 * and the region has workspace domains, else the region's shared domain. Refuses (before any request) a
 * region that has only workspace domains when no Workspace ID is set.
 */
export function alibabaBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const override = text(credentials.baseUrl);
	const workspaceId = workspaceIdOf(credentials);
	if (override) return trimBaseUrl(override);
	const { region } = regionOf(credentials);
	if (workspaceId && region.workspaceHost) return workspaceUrl(workspaceId, region.workspaceHost);
	if (region.sharedUrl) return region.sharedUrl;
	throw invalidInput(
		'Credential Workspace ID',
		'',
		`${region.name} is served only on workspace domains: enter the Workspace ID (Model Studio console, Workspace Details) in the credential.`,
	);
}

/** The credential's region, as its Region option names it. */
export function alibabaRegion(credentials: ICredentialDataDecryptedObject): AlibabaRegion {
	return regionOf(credentials).region;
}

/**
 * Whether requests reach a workspace: a Base URL on a workspace domain, or a Workspace ID whose region
 * has workspace domains. A Workspace ID beside another Base URL (a proxy or a test server) is taken at
 * its word: the user says that address fronts this workspace.
 */
export function reachesWorkspace(credentials: ICredentialDataDecryptedObject): boolean {
	const override = text(credentials.baseUrl);
	const workspaceId = workspaceIdOf(credentials);
	if (override) return workspaceId !== '' || (URL.canParse(override) && WORKSPACE_DOMAIN.test(new URL(override).hostname));
	return workspaceId !== '' && regionOf(credentials).region.workspaceHost !== undefined;
}

/** What the credential's Test request resolves its base URL with: the same rules, as an n8n expression. */
export function baseUrlExpression(): string {
	const entries = (pick: (region: AlibabaRegion) => string | undefined) =>
		Object.entries(ALIBABA_REGIONS)
			.flatMap(([key, region]) => {
				const value = pick(region);
				return value ? [`${key}: '${value}'`] : [];
			})
			.join(', ');
	const hosts = `({${entries((region) => region.workspaceHost)}})`;
	const shared = `({${entries((region) => region.sharedUrl)}})`;
	const region = `($credentials.region || '${DEFAULT_REGION}')`;
	const workspaceId = `String($credentials.workspaceId || '').trim()`;
	return (
		`={{$credentials.baseUrl || (${workspaceId} && ${hosts}[${region}]` +
		` ? 'https://' + ${workspaceId} + '.' + ${hosts}[${region}] + '.maas.aliyuncs.com'` +
		` : ${shared}[${region}])}}`
	);
}
