/**
 * The workflows the browser test imports into n8n before starting it:
 *   - the examples/ as shipped (EvoLink), with file paths moved into the run's files folder and Poll
 *     Interval 1 s (the simulator's tasks take a second or two), exactly as `npm run test:e2e` does;
 *   - one "fields" workflow per provider × mode its node serves (catalogue `modesFor`), and one per
 *     provider × node with Operation Get Task: a Manual Trigger and the Wan node with that provider's
 *     credential, mode, and the model the editor selects by default;
 *   - "refused input" workflows whose Wan Video node the node itself must refuse;
 *   - a workflow with only a Manual Trigger, for the node picker's "What happens next?".
 */
import { createHash } from 'node:crypto';

import type { INode } from 'n8n-workflow';

import { findModel, modelsFor, modesFor } from '../../../nodes/shared/catalogue';
import type { GenerationMode } from '../../../nodes/shared/modes';
import type { ProviderId } from '../../../nodes/shared/types';
import {
	WAN_IMAGE_TYPE,
	WAN_VIDEO_TYPE,
	kindOfType,
	loadExamples,
	nodeForProvider,
	type Kind,
	type ProviderInfo,
	type WorkflowJson,
} from '../providers';

/** Where the examples write files; replaced by the run's folder (N8N_RESTRICT_FILE_ACCESS_TO). */
const EXAMPLE_FILES_DIR = '/home/node/.n8n-files';
export const WAN_NODE_NAME = { video: 'Wan Video', image: 'Wan Image' } as const;
const TRIGGER_NAME = 'When clicking ‘Execute workflow’';

/** The example as a run here needs it: files into `filesDir`, polling every second. */
export function exampleForRun(workflow: WorkflowJson, filesDir: string): WorkflowJson {
	const nodes = workflow.nodes.map((node) => {
		const parameters = { ...node.parameters };
		if (node.type === 'n8n-nodes-base.readWriteFile' && typeof parameters.fileName === 'string') {
			parameters.fileName = parameters.fileName.split(EXAMPLE_FILES_DIR).join(filesDir);
		}
		if (kindOfType(node.type)) {
			const options = { ...((parameters.options as Record<string, unknown> | undefined) ?? {}) };
			options.pollInterval ??= 1;
			parameters.options = options as typeof parameters.options;
		}
		return { ...node, parameters };
	});
	return { ...workflow, nodes };
}

/** A node id in n8n's UUID shape, the same on every run. */
function nodeId(seed: string): string {
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function triggerAnd(id: string, name: string, wan: INode): WorkflowJson {
	const trigger: INode = {
		id: nodeId(`${id}-trigger`),
		name: TRIGGER_NAME,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return {
		id,
		name,
		active: false,
		nodes: [trigger, { ...wan, position: [260, 0] }],
		connections: { [TRIGGER_NAME]: { main: [[{ node: wan.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function wanNode(id: string, kind: Kind, parameters: INode['parameters']): INode {
	return {
		id: nodeId(`${id}-wan`),
		name: WAN_NODE_NAME[kind],
		type: kind === 'video' ? WAN_VIDEO_TYPE : WAN_IMAGE_TYPE,
		typeVersion: 1,
		position: [260, 0],
		parameters,
	};
}

/** One panel the fields check opens: a provider, a node, and a mode (or Get Task). */
export interface FieldCase {
	workflowId: string;
	provider: ProviderInfo;
	kind: Kind;
	/** The mode, or `getTask` for Operation Get Task. */
	mode: GenerationMode | 'getTask';
	workflow: WorkflowJson;
}

/** Every provider × node × mode, plus Get Task per provider × node. */
export function fieldCases(providers: ProviderInfo[]): FieldCase[] {
	const cases: FieldCase[] = [];
	for (const provider of providers) {
		for (const kind of provider.kinds) {
			const modes: (GenerationMode | 'getTask')[] = [...modesFor(provider.id, kind), 'getTask'];
			for (const mode of modes) {
				const workflowId = `brFld-${provider.id}-${mode === 'getTask' ? `${kind}-getTask` : mode}`;
				const parameters: INode['parameters'] =
					mode === 'getTask'
						? { provider: provider.id, operation: 'getTask', taskId: '' }
						: { provider: provider.id, operation: 'generate', mode, prompt: 'A lighthouse at dusk' };
				// The node as the editor would set it for this provider: its credential, the mode's default model.
				const node = nodeForProvider(wanNode(workflowId, kind, parameters), provider);
				const label = mode === 'getTask' ? 'Get Task' : mode;
				cases.push({
					workflowId,
					provider,
					kind,
					mode,
					workflow: triggerAnd(workflowId, `Browser fields: ${provider.displayName} ${WAN_NODE_NAME[kind]} ${label}`, node),
				});
			}
		}
	}
	return cases;
}

/** A Wan Video node the node itself must refuse, and what its message must name. */
export interface RefusedCase {
	workflowId: string;
	/** What is wrong, in words. */
	title: string;
	provider: ProviderInfo;
	/** The words the node's error message must contain: the field, the value, what is allowed. */
	mustName: string[];
	workflow: WorkflowJson;
}

function refusedWorkflow(workflowId: string, title: string, provider: ProviderInfo, parameters: INode['parameters']): WorkflowJson {
	const node = nodeForProvider(wanNode(workflowId, 'video', { provider: provider.id, operation: 'generate', mode: 'textToVideo', ...parameters }), provider);
	return triggerAnd(workflowId, `Browser refused input: ${title}`, node);
}

/**
 * 1. A resolution the model does not make: Alibaba's Wan 2.6 at 480p (it makes 720p and 1080p), or,
 *    should the catalogue change, the first provider/model/resolution the catalogue rules out.
 * 2. Two problems at once on EvoLink Wan 2.5 text to video: a blank prompt, and 4:3 at 480p.
 */
export function refusedCases(providers: ProviderInfo[]): RefusedCase[] {
	const cases: RefusedCase[] = [];
	const ordered = [...providers].sort((a, b) => (a.id === 'alibaba' ? -1 : b.id === 'alibaba' ? 1 : 0));
	search: for (const provider of ordered.filter((p) => p.kinds.includes('video'))) {
		const specs = [...modelsFor(provider.id as ProviderId, 'textToVideo')].sort((a, b) => (a.model === 'wan2.6' ? -1 : b.model === 'wan2.6' ? 1 : 0));
		for (const spec of specs) {
			const missing = (['480p', '720p', '1080p'] as const).find((r) => !(spec.resolutions ?? []).includes(r));
			if (!missing || !findModel(provider.id, 'textToVideo', spec.model)) continue;
			const title = `${provider.displayName} ${spec.model} at ${missing}`;
			cases.push({
				workflowId: 'brRefusedInput01',
				title,
				provider,
				mustName: ['Resolution', missing, ...(spec.resolutions ?? [])],
				workflow: refusedWorkflow('brRefusedInput01', title, provider, {
					model: spec.model,
					prompt: 'A paper boat on a rainy street',
					resolution: missing,
					aspectRatio: '16:9',
					duration: (spec.durations ?? [5])[0],
					options: { pollInterval: 1 },
				}),
			});
			break search;
		}
	}
	const evolink = providers.find((p) => p.id === 'evolink' && p.kinds.includes('video')) ?? providers.find((p) => p.kinds.includes('video'));
	if (evolink) {
		// A blank prompt (an empty one n8n itself flags as a missing required field) and 4:3 at 480p.
		const title = `${evolink.displayName} Wan 2.5 text to video with a blank prompt and 4:3 at 480p`;
		cases.push({
			workflowId: 'brRefusedInput02',
			title,
			provider: evolink,
			mustName: ['2 problems', 'Prompt', 'required', 'Aspect Ratio', '4:3', '480p'],
			workflow: refusedWorkflow('brRefusedInput02', title, evolink, {
				model: 'wan2.5',
				prompt: ' ',
				resolution: '480p',
				aspectRatio: '4:3',
				options: { pollInterval: 1 },
			}),
		});
	}
	return cases;
}

/** A workflow holding only a Manual Trigger (the node picker's "What happens next?"). */
export const TRIGGER_ONLY: WorkflowJson = {
	id: 'brPickerTrigger1',
	name: 'Browser node picker: a trigger only',
	active: false,
	nodes: [{ id: nodeId('brPickerTrigger1'), name: TRIGGER_NAME, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
	connections: {},
	settings: { executionOrder: 'v1' },
	pinData: {},
};

/** Every workflow to import: examples, field cases, the refused input. */
export function workflowsToImport(providers: ProviderInfo[], filesDir: string): WorkflowJson[] {
	const examples = loadExamples().map((example) => exampleForRun(example.workflow, filesDir));
	return [
		...examples,
		TRIGGER_ONLY,
		...fieldCases(providers).map((c) => c.workflow),
		...refusedCases(providers).map((c) => c.workflow),
	];
}
