/** Stand-ins for n8n's built-in nodes a test workflow uses (manual trigger, NoOp) and the harness items trigger. */
import { createReadStream } from 'node:fs';

import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';

export const MANUAL_TRIGGER_NODE_TYPE = 'n8n-nodes-base.manualTrigger';
export const NOOP_NODE_TYPE = 'n8n-nodes-base.noOp';
/** Harness start node: a trigger emitting the JSON items given in its `items` parameter. */
export const HARNESS_ITEMS_NODE_TYPE = 'harness.items';

class ManualTriggerStandIn implements INodeType {
	description: INodeType['description'] = {
		displayName: 'When clicking ‘Execute workflow’',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

function parseItemsParameter(value: unknown): IDataObject[] {
	let items: unknown = value;
	if (typeof items === 'string') items = items.trim() === '' ? [] : JSON.parse(items);
	if (items === undefined || items === null) return [{}];
	if (!Array.isArray(items)) items = [items];
	return (items as unknown[]).map((item) =>
		item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as IDataObject) : { value: item as IDataObject[string] },
	);
}

/**
 * A file an item of the harness trigger carries: `{ "$binary": { "<field>": HarnessFile } }`, its bytes given
 * as base64 or as a file on disk (streamed into the binary store, for files too large to hold).
 */
export type HarnessFile = { mimeType: string; fileName: string } & ({ base64: string } | { path: string });

/** The item, with its `$binary` files stored in n8n's binary store as the item's binary fields. */
async function withBinary(trigger: ITriggerFunctions, item: IDataObject): Promise<INodeExecutionData> {
	const { $binary, ...json } = item;
	if (!$binary) return { json };
	const binary: IBinaryKeyData = {};
	for (const [field, file] of Object.entries($binary as Record<string, HarnessFile>)) {
		const bytes = 'path' in file ? createReadStream(file.path) : Buffer.from(file.base64, 'base64');
		binary[field] = await trigger.helpers.prepareBinaryData(bytes, file.fileName, file.mimeType);
	}
	return { json, binary };
}

class HarnessItemsTrigger implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Harness Items',
		name: 'items',
		group: ['trigger'],
		version: 1,
		description: 'Emits the JSON items given in the `items` parameter',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const raw = this.getNode().parameters.items;
		const items = parseItemsParameter(raw);
		const manualTriggerFunction = async () => {
			this.emit([await Promise.all(items.map(async (item) => await withBinary(this, item)))]);
		};
		return { manualTriggerFunction };
	}
}

class NoOpStandIn implements INodeType {
	description: INodeType['description'] = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export const BUILTIN_NODE_TYPES: Record<string, () => INodeType | IVersionedNodeType> = {
	[MANUAL_TRIGGER_NODE_TYPE]: () => new ManualTriggerStandIn(),
	[HARNESS_ITEMS_NODE_TYPE]: () => new HarnessItemsTrigger(),
	[NOOP_NODE_TYPE]: () => new NoOpStandIn(),
};
