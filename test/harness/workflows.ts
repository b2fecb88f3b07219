import { randomUUID } from 'node:crypto';

import type {
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeParameters,
	INodeType,
	IPinData,
	IVersionedNodeType,
	IWorkflowSettings,
} from 'n8n-workflow';

import { loadPackageNodeType } from './packageClasses';
import { BUILTIN_NODE_TYPES, HARNESS_ITEMS_NODE_TYPE } from './standInNodes';

/** A workflow as n8n exports it (the parts the engine needs). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
}

function defaultTypeVersion(type: string): number {
	try {
		let nodeType: INodeType | IVersionedNodeType | undefined;
		if (BUILTIN_NODE_TYPES[type]) nodeType = BUILTIN_NODE_TYPES[type]();
		else nodeType = loadPackageNodeType(type);
		if (!nodeType) return 1;
		const description = nodeType.description as { defaultVersion?: number; version?: number | number[] };
		if (description.defaultVersion !== undefined) return description.defaultVersion;
		const { version } = description;
		if (Array.isArray(version)) return Math.max(...version);
		return version ?? 1;
	} catch {
		return 1;
	}
}

/**
 * Start (harness items trigger emitting `items`, default `[{}]`) → the node (named `name`, default
 * 'Wan'). `typeVersion` defaults to the package node's default version (1 for unknown types).
 * `continueOnFail` sets `onError: 'continueRegularOutput'` as the n8n editor does.
 */
export function singleNodeWorkflow(args: {
	type: string;
	parameters: INodeParameters;
	credentials?: INodeCredentials;
	items?: IDataObject[];
	continueOnFail?: boolean;
	name?: string;
	typeVersion?: number;
}): WorkflowJson {
	const name = args.name ?? 'Wan';
	const startName = name === 'Start' ? 'Start items' : 'Start';
	const node: INode = {
		id: randomUUID(),
		name,
		type: args.type,
		typeVersion: args.typeVersion ?? defaultTypeVersion(args.type),
		position: [240, 0],
		parameters: args.parameters,
	};
	if (args.credentials) node.credentials = args.credentials;
	if (args.continueOnFail) node.onError = 'continueRegularOutput';
	return {
		id: `harness-wf-${randomUUID().slice(0, 8)}`,
		name: `Harness: ${args.type}`,
		nodes: [
			{
				id: randomUUID(),
				name: startName,
				type: HARNESS_ITEMS_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: (args.items ?? [{}]) as unknown as INodeParameters[] },
			},
			node,
		],
		connections: {
			[startName]: { main: [[{ node: name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}
