/**
 * The queue-mode e2e's two published workflows, each Webhook → Split Out (one item per entry of the
 * request body's list) → Wan Video → Respond to Webhook (every item):
 * - batch: generates one video per `{ prompt }` in the body's `items`, returned as binary;
 * - recover: Get Task for every `{ taskId, model }` in the body's `items`.
 */
import type { INode } from 'n8n-workflow';

import { WAN_VIDEO_TYPE, nodeForProvider, type ProviderInfo, type WorkflowJson } from '../providers';

export const BATCH = { id: 'wanQueueBatch001', path: 'wan-queue-batch' };
export const RECOVER = { id: 'wanQueueRecover1', path: 'wan-queue-recover' };

const WAN_OPTIONS = { pollInterval: 2, timeout: 300 };

function webhookWorkflow(id: string, hookPath: string, wan: Partial<INode> & Pick<INode, 'parameters'>, provider: ProviderInfo): WorkflowJson {
	return {
		id,
		name: `Queue e2e: ${id}`,
		nodes: [
			{
				id: `${id}-hook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'responseNode', options: {} },
			},
			{
				id: `${id}-split`,
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.items', options: {} },
			},
			nodeForProvider({
				id: `${id}-wan`,
				name: 'Wan Video',
				type: WAN_VIDEO_TYPE,
				typeVersion: 1,
				position: [440, 0],
				credentials: { [provider.credentialType]: provider.credentialRef },
				...wan,
			}, provider),
			{
				id: `${id}-respond`,
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [660, 0],
				parameters: { respondWith: 'allIncomingItems', options: {} },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Wan Video', type: 'main', index: 0 }]] },
			'Wan Video': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}

const VIDEO = { mode: 'textToVideo', model: 'wan2.5' };

export function batchWorkflow(provider: ProviderInfo): WorkflowJson {
	return webhookWorkflow(BATCH.id, BATCH.path, {
		parameters: {
			provider: provider.id, operation: 'generate', ...VIDEO, prompt: '={{ $json.prompt }}', resolution: '720p', aspectRatio: '16:9',
			duration: 5, waitForCompletion: true, returnAs: 'binary', options: WAN_OPTIONS,
		},
	}, provider);
}

export function recoverWorkflow(provider: ProviderInfo): WorkflowJson {
	return webhookWorkflow(RECOVER.id, RECOVER.path, {
		parameters: {
			provider: provider.id, operation: 'getTask', ...VIDEO, taskId: '={{ $json.taskId }}', waitForCompletion: true, returnAs: 'binary',
			options: { ...WAN_OPTIONS, modelId: '={{ $json.model }}' },
		},
	}, provider);
}
