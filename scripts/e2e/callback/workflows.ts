/** The workflows the callback e2e imports: a Webhook trigger, one paused Wan Video node, a node after it. */
import { WAN_VIDEO_TYPE, nodeForProvider, type ProviderInfo, type WorkflowJson } from '../providers';

export interface CallbackCase {
	id: string;
	/** The Webhook trigger's path. */
	path: string;
	prompt: string;
	options: Record<string, unknown>;
}

export const CASES = {
	resumes: { id: 'wanCallbackResumes', path: 'wan-callback-resumes', prompt: 'a paper boat on a pond', options: { timeout: 120 } },
	fails: { id: 'wanCallbackFails', path: 'wan-callback-fails', prompt: 'a paper boat sim:fail', options: { timeout: 120 } },
	timesOut: {
		id: 'wanCallbackTimesOut',
		path: 'wan-callback-times-out',
		prompt: 'a paper boat that never arrives sim:never',
		options: { timeout: 2, onTimeout: 'returnPending' },
	},
	timesOutFails: { id: 'wanCallbackTimesOutFails', path: 'wan-callback-times-out-fails', prompt: 'a lost paper boat sim:never', options: { timeout: 2 } },
} satisfies Record<string, CallbackCase>;

export function callbackWorkflow(provider: ProviderInfo, test: CallbackCase): WorkflowJson {
	return {
		id: test.id,
		name: `Callback e2e: ${test.id}`,
		nodes: [
			{
				id: `${test.id}-trigger`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${test.id}-hook`,
				parameters: { httpMethod: 'POST', path: test.path, responseMode: 'onReceived', options: {} },
			},
			nodeForProvider({
				id: `${test.id}-wan`,
				name: 'Wan Video',
				type: WAN_VIDEO_TYPE,
				typeVersion: 1,
				position: [220, 0],
				credentials: { [provider.credentialType]: provider.credentialRef },
				parameters: {
					provider: provider.id,
					operation: 'generate',
					mode: 'textToVideo',
					model: 'wan2.5',
					prompt: test.prompt,
					resolution: '720p',
					aspectRatio: '16:9',
					duration: 5,
					waitForCompletion: true,
					returnAs: 'binary',
					options: { waitMethod: 'callback', ...test.options },
				},
			}, provider),
			{ id: `${test.id}-after`, name: 'Downstream', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0], parameters: {} },
		],
		connections: {
			Webhook: { main: [[{ node: 'Wan Video', type: 'main', index: 0 }]] },
			'Wan Video': { main: [[{ node: 'Downstream', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	} as WorkflowJson;
}
