/**
 * Which providers the package has, and the examples rewritten for each: shared by `npm run demo`,
 * `npm run test:e2e` and `npm run dev`. Data-driven: a provider is in the package when it has an
 * adapter (nodes/shared/providers PROVIDERS) whose credential is listed in package.json
 * `n8n.credentials`; what it serves (video, image, modes, models) comes from the node descriptions,
 * which are built from the catalogue. A new provider is picked up here once it has a credential id in
 * CREDENTIAL_IDS (`satisfies Record<ProviderId, …>`: the compiler asks for it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ICredentialDataDecryptedObject, ICredentialType, INode, INodeProperties, INodeType } from 'n8n-workflow';

import { PROVIDERS } from '../../nodes/shared/providers';
import type { ProviderId } from '../../nodes/shared/types';
import { allNodes, mapNodes } from './subWorkflows';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');
export const WAN_VIDEO_TYPE = 'n8n-nodes-wan.wanVideo';
export const WAN_IMAGE_TYPE = 'n8n-nodes-wan.wanImage';

export type Kind = 'video' | 'image';

/** The credential ids the examples use (EvoLink) and the e2e run imports, one for every provider. */
const CREDENTIAL_IDS = {
	evolink: 'wanEvoLinkCred01',
	fal: 'wanFalCred000001',
	apixo: 'wanApixoCred0001',
	alibaba: 'wanAlibabaCred01',
	gateway: 'wanGatewayCred01',
	kie: 'wanKieCred000001',
	wavespeed: 'wanWaveSpeedCr01',
} satisfies Record<ProviderId, string>;

export interface ProviderInfo {
	id: ProviderId;
	displayName: string;
	credentialType: string;
	credentialClass: ICredentialType;
	/** The reference the examples (rewritten for this provider) use. */
	credentialRef: { id: string; name: string };
	kinds: Kind[];
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: INode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/**
 * The node classes, from source. By full file name: `…/WanVideo.node` alone would resolve to the
 * codex file `WanVideo.node.json` under tsx.
 */
function loadNodeType(name: 'WanVideo' | 'WanImage'): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(path.join(REPO_ROOT, 'nodes', name, `${name}.node.ts`)) as Record<string, new () => INodeType>;
	return new mod[name]();
}

const NODE_TYPES: Record<Kind, INodeType> = { video: loadNodeType('WanVideo'), image: loadNodeType('WanImage') };

export function kindOfType(type: string): Kind | undefined {
	if (type === WAN_VIDEO_TYPE) return 'video';
	if (type === WAN_IMAGE_TYPE) return 'image';
	return undefined;
}

function readPackageJson(): { n8n?: { credentials?: string[] } } {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { n8n?: { credentials?: string[] } };
}

/** `dist/credentials/EvoLinkApi.credentials.js` → an instance of the class in credentials/EvoLinkApi.credentials.ts. */
function loadCredential(distPath: string): ICredentialType | undefined {
	const base = path.basename(distPath).replace(/\.js$/, '');
	const className = base.replace(/\.credentials$/, '');
	const source = path.join(REPO_ROOT, 'credentials', `${base}.ts`);
	if (!fs.existsSync(source)) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(source) as Record<string, new () => ICredentialType>;
	return mod[className] ? new mod[className]() : undefined;
}

function providerOptions(kind: Kind): string[] {
	const property = NODE_TYPES[kind].description.properties.find((p) => p.name === 'provider');
	return (property?.options ?? []).map((option) => String((option as { value: unknown }).value));
}

/** Every provider the package ships, in a stable order (EvoLink, the default, first). */
export function packageProviders(): ProviderInfo[] {
	const credentials = new Map<string, ICredentialType>();
	for (const distPath of readPackageJson().n8n?.credentials ?? []) {
		const credential = loadCredential(distPath);
		if (credential) credentials.set(credential.name, credential);
	}
	const providers: ProviderInfo[] = [];
	for (const adapter of Object.values(PROVIDERS)) {
		if (!adapter) continue;
		const credentialClass = credentials.get(adapter.credentialType);
		if (!credentialClass) continue;
		const kinds = (['video', 'image'] as Kind[]).filter((kind) => providerOptions(kind).includes(adapter.id));
		if (kinds.length === 0) continue;
		providers.push({
			id: adapter.id,
			displayName: adapter.displayName,
			credentialType: adapter.credentialType,
			credentialClass,
			credentialRef: {
				id: CREDENTIAL_IDS[adapter.id],
				name: `${adapter.displayName} account`,
			},
			kinds,
		});
	}
	return providers.sort((a, b) => (a.id === 'evolink' ? -1 : b.id === 'evolink' ? 1 : a.id.localeCompare(b.id)));
}

/** Providers with an adapter whose credential is NOT (yet) in package.json: reported, not tested. */
export function unpackagedProviders(): string[] {
	const packaged = new Set(packageProviders().map((p) => p.id));
	return Object.values(PROVIDERS)
		.filter((adapter) => adapter && !packaged.has(adapter.id))
		.map((adapter) => `${adapter!.id} (credential ${adapter!.credentialType} not in package.json n8n.credentials)`);
}

/** The credential's data: its property defaults, the key, the base URL (when given) and any other fields given. */
export function credentialData(
	provider: ProviderInfo,
	apiKey: string,
	baseUrl?: string,
	fields: Record<string, string> = {},
): ICredentialDataDecryptedObject {
	const data: ICredentialDataDecryptedObject = {};
	for (const property of provider.credentialClass.properties as INodeProperties[]) {
		if (property.default !== undefined && property.type !== 'notice') data[property.name] = property.default as string;
	}
	data.apiKey = apiKey;
	if (baseUrl) data.baseUrl = baseUrl;
	return { ...data, ...fields };
}

/** Writes, for `n8n import:credentials`, one credential per provider pointing at the simulator. */
export function writeCredentialsFile(
	file: string,
	providers: ProviderInfo[],
	simulator: { apiKey: string; baseUrls: Record<string, string>; credentialFields: Partial<Record<string, Record<string, string>>> },
): void {
	const credentials = providers.map((p) => ({
		...p.credentialRef,
		type: p.credentialType,
		data: credentialData(p, simulator.apiKey, simulator.baseUrls[p.id], simulator.credentialFields[p.id]),
	}));
	fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
}

function visible(property: INodeProperties, parameters: Record<string, unknown>): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([name, values]) => (values as unknown[]).includes(parameters[name]));
}

/** What the node's UI would offer for `name` under these parameters: the options and the default. */
function offered(kind: Kind, name: string, parameters: Record<string, unknown>): { values: string[]; default?: string } {
	const property = NODE_TYPES[kind].description.properties.find((p) => p.name === name && visible(p, parameters));
	if (!property) return { values: [] };
	return {
		values: (property.options ?? []).map((option) => String((option as { value: unknown }).value)),
		default: property.default as string,
	};
}

/**
 * The Wan node switched to `provider` as a user would in the editor: Provider set, the provider's
 * credential selected, Mode kept (an error if the provider lacks it), Model kept when the provider
 * serves it in that mode, else the model the editor selects by default.
 */
export function nodeForProvider(node: INode, provider: ProviderInfo): INode {
	const kind = kindOfType(node.type);
	if (!kind) return node;
	const parameters: Record<string, unknown> = { ...node.parameters, provider: provider.id };
	const modes = offered(kind, 'mode', parameters);
	const mode = (parameters.mode as string | undefined) ?? modes.default;
	if (!mode || !modes.values.includes(mode)) {
		throw new Error(`${provider.displayName} has no ${String(mode)} mode (it has: ${modes.values.join(', ')})`);
	}
	parameters.mode = mode;
	const models = offered(kind, 'model', parameters);
	if (!models.values.includes(parameters.model as string)) parameters.model = models.default;
	return { ...node, parameters: parameters as INode['parameters'], credentials: { [provider.credentialType]: { ...provider.credentialRef } } };
}

/** The media parameters of a Wan node that name a binary field instead of giving a URL. */
function namesBinaryField(node: INode): boolean {
	return MEDIA_PARAMETERS.some((name) => {
		const value = node.parameters[name];
		return typeof value === 'string' && value.trim() !== '' && !value.startsWith('=') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value);
	});
}

const MEDIA_PARAMETERS = ['imageUrl', 'lastFrameUrl', 'videoUrl', 'imageUrls', 'referenceUrls'];

/**
 * Whether the provider serves every Wan node of the workflow: its kind (video/image), its mode, and
 * images from binary fields where the node names one.
 */
export function providerServes(workflow: WorkflowJson, provider: ProviderInfo): boolean {
	return allNodes(workflow).every((node) => {
		const kind = kindOfType(node.type);
		if (!kind) return true;
		if (!provider.kinds.includes(kind)) return false;
		const files = PROVIDERS[provider.id].binaryInput;
		if (namesBinaryField(node) && !files?.dataUri.image && !files?.upload?.maxBytes.image) return false;
		const mode = node.parameters.mode as string | undefined;
		return mode === undefined || offered(kind, 'mode', { provider: provider.id }).values.includes(mode);
	});
}

export function withProvider(workflow: WorkflowJson, provider: ProviderInfo): WorkflowJson {
	return mapNodes(workflow, (node) => nodeForProvider(node, provider));
}

/** Where the examples' Read/Write Files nodes write: n8n's default restricted folder in its Docker image. */
const EXAMPLE_FILES_DIR = '/home/node/.n8n-files';

/** The Read/Write Files parameters holding a path: where a write goes, what a read loads. */
const PATH_PARAMETERS = ['fileName', 'fileSelector'];

/** The workflow with its Read/Write Files paths moved into `filesDir` (n8n's N8N_RESTRICT_FILE_ACCESS_TO). */
export function withFilesDir(workflow: WorkflowJson, filesDir: string): WorkflowJson {
	return mapNodes(workflow, (node) => {
		if (node.type !== 'n8n-nodes-base.readWriteFile') return node;
		const parameters = { ...node.parameters };
		for (const name of PATH_PARAMETERS) {
			const value = parameters[name];
			if (typeof value === 'string') parameters[name] = value.split(EXAMPLE_FILES_DIR).join(filesDir);
		}
		return { ...node, parameters };
	});
}

/** The files the workflow's Read/Write Files nodes read (paths as the workflow has them). */
export function filesRead(workflow: WorkflowJson): string[] {
	return allNodes(workflow).flatMap((node) => {
		const selector = node.parameters.fileSelector;
		return node.type === 'n8n-nodes-base.readWriteFile' && typeof selector === 'string' ? [selector] : [];
	});
}

export interface Example {
	file: string;
	workflow: WorkflowJson;
}

export function loadExamples(): Example[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson }));
}

export function loadExample(prefix: string): Example {
	const found = loadExamples().find((example) => example.file.startsWith(prefix));
	if (!found) throw new Error(`examples/${prefix}*.json not found`);
	return found;
}

export function wanNodes(workflow: WorkflowJson): INode[] {
	return workflow.nodes.filter((node) => kindOfType(node.type));
}
