import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { CALLBACK_WEBHOOKS, WAITING_TOOLTIP } from '../shared/callback/options';
import { resumeWanNode } from '../shared/callback/resume';
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
		webhooks: CALLBACK_WEBHOOKS,
		waitingNodeTooltip: WAITING_TOOLTIP,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await executeWanNode(this, 'image')];
	}

	/** The provider's callback to a paused node (Options → Wait Method → Pause Until the Provider Calls Back). */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeWanNode(this, 'image');
	}
}
