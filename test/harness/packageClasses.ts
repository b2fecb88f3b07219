/** Loads the package's own node and credential classes from their source files, by type name. */
import * as path from 'node:path';

import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-wan';
export const WAN_VIDEO_NODE_TYPE = `${PACKAGE_NAME}.wanVideo`;

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function upperFirst(name: string): string {
	return name.charAt(0).toUpperCase() + name.slice(1);
}

function isModuleNotFoundFor(error: unknown, modulePath: string): boolean {
	const e = error as { code?: string; message?: string };
	return (
		e?.code === 'MODULE_NOT_FOUND' &&
		typeof e.message === 'string' &&
		(e.message.includes(`'${modulePath}'`) || e.message.includes(modulePath))
	);
}

/**
 * Loads a class exported by a source file of the package, lazily (ts-jest compiles it on require).
 * Returns undefined when the file does not exist; other load errors (syntax, runtime) propagate.
 */
function loadPackageExport<T>(modulePath: string, exportName: string): T | undefined {
	let mod: Record<string, unknown>;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		mod = require(modulePath) as Record<string, unknown>;
	} catch (error) {
		if (isModuleNotFoundFor(error, modulePath)) return undefined;
		throw error;
	}
	const Exported = mod[exportName];
	if (typeof Exported !== 'function') {
		throw new Error(`Harness: ${modulePath} does not export a class named "${exportName}"`);
	}
	return new (Exported as new () => T)();
}

/** `n8n-nodes-wan.wanVideo` → `nodes/WanVideo/WanVideo.node.ts`, class `WanVideo`. */
export function loadPackageNodeType(type: string): INodeType | IVersionedNodeType | undefined {
	if (!type.startsWith(`${PACKAGE_NAME}.`)) return undefined;
	const className = upperFirst(type.slice(PACKAGE_NAME.length + 1));
	const modulePath = path.join(REPO_ROOT, 'nodes', className, `${className}.node.ts`);
	return loadPackageExport<INodeType | IVersionedNodeType>(modulePath, className);
}

/** `evoLinkApi` → `credentials/EvoLinkApi.credentials.ts`, class `EvoLinkApi`. */
export function loadPackageCredentialType(type: string): ICredentialType | undefined {
	const className = upperFirst(type);
	const modulePath = path.join(REPO_ROOT, 'credentials', `${className}.credentials.ts`);
	return loadPackageExport<ICredentialType>(modulePath, className);
}
