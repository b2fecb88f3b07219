import { NodeHelpers, type IDataObject, type INodeType, type INodeTypes, type IVersionedNodeType } from 'n8n-workflow';

import { loadPackageNodeType, PACKAGE_NAME } from './packageClasses';
import { BUILTIN_NODE_TYPES } from './standInNodes';

export class HarnessNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType | IVersionedNodeType>();

	constructor(private readonly extra: Record<string, INodeType | IVersionedNodeType> = {}) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const cached = this.cache.get(nodeType);
		if (cached) return cached;
		let loaded: INodeType | IVersionedNodeType | undefined = this.extra[nodeType];
		if (!loaded && BUILTIN_NODE_TYPES[nodeType]) loaded = BUILTIN_NODE_TYPES[nodeType]();
		if (!loaded) loaded = loadPackageNodeType(nodeType);
		if (!loaded) {
			const known = [...new Set([...Object.keys(this.extra), ...Object.keys(BUILTIN_NODE_TYPES)])];
			throw new Error(
				`Harness: unknown node type "${nodeType}". Known: ${known.join(', ')}, and ${PACKAGE_NAME}.<name> ` +
					'for nodes/<Name>/<Name>.node.ts. Pass others via options.nodeTypes.',
			);
		}
		this.cache.set(nodeType, loaded);
		return loaded;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
