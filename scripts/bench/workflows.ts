/** Workflow JSON for the benchmark: the real Wan Video node (EvoLink) and the baseline nodes. */
import * as path from 'node:path';

import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { WAN_VIDEO_NODE_TYPE, singleNodeWorkflow, type RunOptions, type RunResult, type WorkflowJson } from '../../test/harness';
import {
	GEMINI_LIKE_DOWNLOAD_TYPE,
	GeminiLikeDownload,
	SORA_LIKE_POLL_TYPE,
	SoraLikePoll,
	WAN_UPLOAD_STEP_TYPE,
	WHOLE_BUFFER_UPLOAD_TYPE,
	WanUploadStep,
	WholeBufferUpload,
} from './baselines';

export const NODE_NAME = 'Node';

/**
 * The package's Wan Video node, from its TypeScript source. Loaded by explicit `.ts` path: under tsx,
 * the harness's extension-less `require('nodes/WanVideo/WanVideo.node')` resolves to the codex file
 * `WanVideo.node.json` (Node tries `.json` before tsx's `.ts`), so the bench registers the class itself.
 */
function loadWanVideo(): INodeType {
	const modulePath = path.resolve(__dirname, '..', '..', 'nodes', 'WanVideo', 'WanVideo.node.ts');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { WanVideo } = require(modulePath) as { WanVideo: new () => INodeType };
	return new WanVideo();
}

/** The providers the bench runs the node on, with their credential in the workflow. */
const CREDENTIALS = {
	evolink: { evoLinkApi: { id: '1', name: 'EvoLink (simulator)' } },
	alibaba: { alibabaModelStudioApi: { id: '1', name: 'Alibaba Cloud Model Studio (simulator)' } },
};

export type BenchProvider = keyof typeof CREDENTIALS;

/** Wan Video, text to video on Wan 2.5 (via EvoLink unless told), one task per item (prompt from the item). */
export function wanVideoWorkflow(parameters: INodeParameters, items: IDataObject[], provider: BenchProvider = 'evolink'): WorkflowJson {
	return singleNodeWorkflow({
		type: WAN_VIDEO_NODE_TYPE,
		name: NODE_NAME,
		typeVersion: 1,
		parameters: {
			provider,
			operation: 'generate',
			mode: 'textToVideo',
			model: 'wan2.5',
			prompt: '={{ $json.prompt }}',
			...parameters,
		},
		credentials: CREDENTIALS[provider],
		items,
	});
}

export function baselineWorkflow(type: string, parameters: INodeParameters, items: IDataObject[]): WorkflowJson {
	return singleNodeWorkflow({
		type,
		name: NODE_NAME,
		typeVersion: 1,
		parameters,
		credentials: type === GEMINI_LIKE_DOWNLOAD_TYPE ? undefined : { evoLinkApi: { id: '1', name: 'EvoLink (simulator)' } },
		items,
	});
}

export function prompts(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, index) => ({ prompt: promptOf(index) }));
}

const promptOf = (index: number) => `Benchmark clip ${index + 1}`;

/** Throws unless the run succeeded with one output per prompt, each from its own prompt's task, in input order. */
export function checkBatchOutput(result: RunResult, tasks: Array<{ id: string; prompt?: string }>, expected: number): void {
	if (result.status !== 'success') throw new Error(`run ended "${result.status}": ${result.error?.message ?? ''}`);
	const items = result.output(NODE_NAME);
	if (items.length !== expected) throw new Error(`expected ${expected} items, got ${items.length}`);
	const order = items.map((item) => tasks.find((task) => task.id === item.json.taskId)?.prompt);
	if (order.some((prompt, index) => prompt !== promptOf(index))) throw new Error('output is not in input order');
}

/** The engine's options: the EvoLink and Alibaba credentials (key, base URL and file host, all the simulator's) and the node types. */
export function runOptions(sim: { apiKey: string; baseUrl(provider: BenchProvider): string; credentialFields(provider: BenchProvider): Record<string, string> }, extra: Partial<RunOptions> = {}): RunOptions {
	return {
		credentials: {
			evoLinkApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl('evolink'), ...sim.credentialFields('evolink') },
			alibabaModelStudioApi: { apiKey: sim.apiKey, baseUrl: sim.baseUrl('alibaba') },
		},
		binaryMode: 'filesystem',
		nodeTypes: {
			[WAN_VIDEO_NODE_TYPE]: loadWanVideo(),
			[GEMINI_LIKE_DOWNLOAD_TYPE]: new GeminiLikeDownload(),
			[SORA_LIKE_POLL_TYPE]: new SoraLikePoll(),
			[WHOLE_BUFFER_UPLOAD_TYPE]: new WholeBufferUpload(),
			[WAN_UPLOAD_STEP_TYPE]: new WanUploadStep(),
		},
		...extra,
	};
}
