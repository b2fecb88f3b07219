/**
 * What n8n's editor offers for the Wan nodes beyond their own description.
 *
 * "Custom API Call": when n8n loads the node types (packages/cli/src/load-nodes-and-credentials.ts,
 * `injectCustomApiCallOptions`), it appends `{ name: 'Custom API Call', value: '__CUSTOM_API_CALL__' }`
 * to the options of every `resource` and `operation` parameter of a node whose credentials "support
 * proxy auth" (`supportsProxyAuth`): a credential type with an `authenticate` block, or one extending
 * oAuth2Api / googleOAuth2Api / oAuth1Api. The editor then lists it as an operation and in the node
 * picker's actions (packages/frontend/editor-ui, actions of the node creator: `CUSTOM_API_CALL_KEY`).
 * The Wan nodes cannot run it, so their credentials declare no `authenticate` (the nodes and the Test
 * request send the Bearer header themselves) and extend nothing; the Test button and usableAsTool stay.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ICredentialType, INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { WanImage } from '../../nodes/WanImage/WanImage.node';
import { PROVIDER_IDS, PROVIDERS } from '../../nodes/shared/providers';
import { WanVideo } from '../../nodes/WanVideo/WanVideo.node';

const ROOT = path.join(__dirname, '..', '..');
const CUSTOM_API_CALL_NAME = 'Custom API Call';
const CUSTOM_API_CALL_KEY = '__CUSTOM_API_CALL__';

/** The credential classes package.json lists (dist/credentials/X.credentials.js → credentials/X.credentials.ts). */
function packageCredentials(): ICredentialType[] {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };
	return pkg.n8n.credentials.map((distPath) => {
		const base = path.basename(distPath, '.js');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(path.join(ROOT, 'credentials', `${base}.ts`)) as Record<string, new () => ICredentialType>;
		return new mod[base.replace(/\.credentials$/, '')]();
	});
}

/** n8n's `supportsProxyAuth`: whether a credential the node takes could be lent to the HTTP Request node. */
function supportsProxyAuth(description: INodeTypeDescription, credentials: ICredentialType[]): boolean {
	const extendsOAuth = (type: ICredentialType, seen = new Set<string>()): boolean =>
		(type.extends ?? []).some((parent) => {
			if (['oAuth2Api', 'googleOAuth2Api', 'oAuth1Api'].includes(parent)) return true;
			if (seen.has(parent)) return false;
			seen.add(parent);
			const parentType = credentials.find((t) => t.name === parent);
			return parentType !== undefined && extendsOAuth(parentType, seen);
		});
	return (description.credentials ?? []).some(({ name }) => {
		const type = credentials.find((t) => t.name === name);
		if (!type) return false;
		return type.authenticate !== undefined || extendsOAuth(type);
	});
}

/** n8n's `injectCustomApiCallOptions`, on a copy of one node description. */
function asLoadedByN8n(description: INodeTypeDescription, credentials: ICredentialType[]): INodeTypeDescription {
	const copy = structuredClone(description);
	if (!supportsProxyAuth(copy, credentials)) return copy;
	for (const property of copy.properties) {
		const options = property.options as INodePropertyOptions[] | undefined;
		if (['resource', 'operation'].includes(property.name) && Array.isArray(options) && options.at(-1)?.name !== CUSTOM_API_CALL_NAME) {
			options.push({ name: CUSTOM_API_CALL_NAME, value: CUSTOM_API_CALL_KEY });
		}
	}
	return copy;
}

const operationOf = (description: INodeTypeDescription) =>
	description.properties.find((property) => property.name === 'operation') as INodeProperties;

const CREDENTIALS = packageCredentials();
const NODES = [new WanVideo(), new WanImage()].map((node) => [node.description.displayName, node.description] as const);

describe('the credentials', () => {
	it("are every provider's", () => {
		expect(CREDENTIALS.map((credential) => credential.name).sort()).toEqual(
			PROVIDER_IDS.map((id) => PROVIDERS[id].credentialType).sort(),
		);
	});

	it('each have their own icon, light and dark, apart from the nodes\' Wan icon', () => {
		const icons = CREDENTIALS.map((credential) => credential.icon as { light: string; dark: string });
		const files = icons.flatMap((icon) => [icon.light, icon.dark]);
		expect(new Set(files).size).toBe(files.length);
		for (const file of files) {
			// From dist/credentials/, `file:../icons/x.svg` is dist/icons/x.svg (gulp copies icons/ there).
			expect(file).toMatch(/^file:\.\.\/icons\/[a-z]+(\.dark)?\.svg$/);
			expect(file).not.toContain('wan');
			expect(fs.existsSync(path.join(ROOT, 'icons', path.basename(file.slice('file:'.length))))).toBe(true);
		}
	});

	it.each(CREDENTIALS.map((credential) => [credential.name, credential] as const))(
		'%s declares no authenticate block and extends no OAuth type, and keeps its Test request',
		(_name, credential) => {
			expect(credential.authenticate).toBeUndefined();
			expect(credential.extends).toBeUndefined();
			expect(credential.test?.request.url).toEqual(expect.any(String));
		},
	);
});

describe.each(NODES)('%s in the editor', (_name, description) => {
	it('is not given a Custom API Call operation when n8n loads it', () => {
		expect(supportsProxyAuth(description, CREDENTIALS)).toBe(false);
		const loaded = asLoadedByN8n(description, CREDENTIALS);
		expect(loaded).toStrictEqual(structuredClone(description));
		expect(JSON.stringify(loaded)).not.toContain(CUSTOM_API_CALL_KEY);
		expect(operationOf(loaded).options?.map((option) => (option as INodePropertyOptions).value)).toEqual(['generate', 'getTask']);
	});

	it('would be given one if a credential it takes had an authenticate block (the check above can fail)', () => {
		const lending = CREDENTIALS.map((credential) =>
			credential.name === description.credentials?.[0].name
				? { ...credential, authenticate: { type: 'generic' as const, properties: { headers: { Authorization: 'x' } } } }
				: credential,
		);
		const options = operationOf(asLoadedByN8n(description, lending)).options as INodePropertyOptions[];
		expect(options.at(-1)).toEqual({ name: CUSTOM_API_CALL_NAME, value: CUSTOM_API_CALL_KEY });
	});

	it('is still usable as a tool, and every credential it takes has a Test button', () => {
		expect(description.usableAsTool).toBe(true);
		const names = (description.credentials ?? []).map((credential) => credential.name);
		expect(names.length).toBeGreaterThan(0);
		for (const name of names) {
			expect(CREDENTIALS.find((credential) => credential.name === name)?.test).toBeDefined();
		}
	});
});
