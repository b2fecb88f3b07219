/**
 * What the editor loads (/types/nodes.json, /types/credentials.json) from a running n8n: no Custom API
 * Call in the Wan nodes, and each credential's own light and dark icon, served.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { ProviderInfo } from '../providers';
import { fetchIdempotent } from '../server';
import { Checker, type Json, type Outcome } from './outcome';

export const EDITOR_ROW = 'editor (own icon, no Custom API Call)';
/** The operation n8n adds to nodes whose credential the HTTP Request node could borrow. */
const CUSTOM_API_CALL_KEY = '__CUSTOM_API_CALL__';

/** A running n8n and its owner's session cookie header. */
export interface Session {
	url: string;
	cookie: string;
}

export interface EditorTypes {
	wanNodes: Json[];
	/** The node types n8n offers a Custom API Call in. */
	offering: Json[];
	credentialTypes: Json[];
}

/** The node and credential types as n8n 2.41 serves them to the browser. */
export async function loadEditorTypes(session: Session): Promise<EditorTypes> {
	const typesOf = async (file: string) => {
		const response = await fetchIdempotent(`${session.url}/types/${file}`, { headers: { cookie: session.cookie } });
		if (!response.ok) throw new Error(`/types/${file}: HTTP ${response.status}`);
		return (await response.json()) as Json[];
	};
	const nodeTypes = await typesOf('nodes.json');
	const credentialTypes = await typesOf('credentials.json');
	const wanNodes = nodeTypes.filter((type) => String(type.name).startsWith('n8n-nodes-wan.'));
	const offering = nodeTypes.filter((type) => JSON.stringify(type.properties ?? []).includes(CUSTOM_API_CALL_KEY));
	return { wanNodes, offering, credentialTypes };
}

/** The editor's view of `provider`'s nodes and credential (`order` is its place in the table). */
export async function editorOutcome(session: Session, types: EditorTypes, provider: ProviderInfo, order: number): Promise<Outcome> {
	const editorStarted = performance.now();
	const editor = new Checker();
	const { wanNodes, offering } = types;
	const served = wanNodes.filter((type) => JSON.stringify(type.credentials ?? []).includes(`"${provider.credentialType}"`));
	editor.expect(served.length >= provider.kinds.length, `${served.length} Wan node types take ${provider.credentialType}, expected at least ${provider.kinds.length}`);
	for (const type of served) {
		editor.expect(!JSON.stringify(type.properties).includes(CUSTOM_API_CALL_KEY), `${String(type.name)} offers a Custom API Call`);
	}
	// The check can fail: this n8n does add the option to nodes whose credential has `authenticate`.
	editor.expect(offering.length > 0, 'no node type of this n8n offers a Custom API Call: the check above proves nothing');
	const credentialType = types.credentialTypes.find((type) => type.name === provider.credentialType);
	const iconUrl = credentialType?.iconUrl as { light?: string; dark?: string } | undefined;
	const icons: string[] = [];
	if (editor.expect(iconUrl?.light && iconUrl.dark && iconUrl.light !== iconUrl.dark, `credential icon ${JSON.stringify(iconUrl)}, expected a light and a dark one`)) {
		for (const url of [iconUrl!.light!, iconUrl!.dark!]) {
			const response = await fetchIdempotent(`${session.url}/${url}`, { headers: { cookie: session.cookie } });
			const text = await response.text();
			editor.expect(response.ok && text.trimStart().startsWith('<svg'), `icon ${url}: HTTP ${response.status}, ${text.slice(0, 40)}`);
			editor.expect(!/\/wan(\.dark)?\.svg$/.test(url), `icon ${url} is the nodes' Wan icon`);
			icons.push(path.basename(url));
		}
	}
	return {
		row: EDITOR_ROW,
		provider,
		id: `editor ${provider.id}`,
		order,
		passed: editor.problems.length === 0,
		seconds: (performance.now() - editorStarted) / 1000,
		summary: `${served.map((type) => String(type.name)).join(', ')}: no Custom API Call (${offering.length} n8n node types have one); icons ${icons.join(', ')}`,
		problems: editor.problems,
	};
}
