import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { NODE_SUBTITLE, credentialsFor, nodeProperties } from '../shared/description';
import { executeWanNode } from '../shared/execute';

export class WanImage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Wan Image',
		name: 'wanImage',
		icon: { light: 'file:../../icons/wan.svg', dark: 'file:../../icons/wan.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: NODE_SUBTITLE,
		description: "Generate images with Alibaba's Wan models and wait for the result",
		defaults: { name: 'Wan Image' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor('image'),
		properties: nodeProperties('image'),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await executeWanNode(this, 'image')];
	}
}
