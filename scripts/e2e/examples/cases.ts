/**
 * The runs: every example × every provider that serves it, and one workflow per provider whose task
 * fails, each adapted to run here (see run.ts).
 */
import * as path from 'node:path';

import { kindOfType, loadExamples, providerServes, withFilesDir, withProvider, type ProviderInfo, type WorkflowJson } from '../providers';
import { FAIL_MARKER } from '../simulator';
import { inlineSubWorkflow, mapNodes } from '../subWorkflows';
import type { Json } from './outcome';

export interface Case {
	workflowId: string;
	/** Row of the table: the example file, or "task fails". */
	row: string;
	provider: ProviderInfo;
	workflow: WorkflowJson;
	expectFailure: boolean;
	filesDir: string;
}

function adaptForRun(example: WorkflowJson, filesDir: string): WorkflowJson {
	return mapNodes(withFilesDir(example, filesDir), (node) => {
		const parameters = { ...node.parameters };
		if (kindOfType(node.type)) {
			// The examples keep n8n's defaults (video polls every 10 s); the simulator's tasks take 1 s.
			const options = { ...((parameters.options as Json | undefined) ?? {}) };
			options.pollInterval ??= 1;
			// A pause would end with `n8n execute`'s process: the simulator, on this machine, could call
			// back, so the node would pause rather than poll (npm run test:e2e:callback runs the pause).
			if (options.waitMethod === 'callback') options.waitMethod = 'poll';
			parameters.options = options as typeof parameters.options;
		}
		if (inlineSubWorkflow(node)) {
			// Waiting for each sub-execution puts its results in this run's output, where they are checked.
			parameters.options = { ...((parameters.options as Json | undefined) ?? {}), waitForSubWorkflow: true };
		}
		if (node.type === 'n8n-nodes-base.wait') {
			// Minutes in the example (the execution is saved and resumed later); a second here, where
			// `n8n execute` waits in-process.
			parameters.amount = 1;
			parameters.unit = 'seconds';
		}
		return { ...node, parameters };
	});
}

function failingVariant(workflow: WorkflowJson): WorkflowJson {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			kindOfType(node.type) && typeof node.parameters.prompt === 'string'
				? { ...node, parameters: { ...node.parameters, prompt: `${node.parameters.prompt} ${FAIL_MARKER}` } }
				: node,
		),
	};
}

export function buildCases(providers: ProviderInfo[], workflowFilter: string[], filesRoot: string): Case[] {
	const examples = loadExamples();
	const selected = (file: string) => workflowFilter.length === 0 || workflowFilter.some((prefix) => file.startsWith(prefix));
	const cases: Case[] = [];
	for (const provider of providers) {
		examples.forEach((example, index) => {
			if (!selected(example.file) || !providerServes(example.workflow, provider)) return;
			const workflowId = `e2e-${String(index + 1).padStart(2, '0')}-${provider.id}`.slice(0, 21);
			const filesDir = path.join(filesRoot, workflowId);
			const workflow = adaptForRun(withProvider(example.workflow, provider), filesDir);
			cases.push({
				workflowId,
				row: example.file.replace(/\.json$/, ''),
				provider,
				workflow: { ...workflow, id: workflowId, name: `${example.workflow.name} [${provider.id}]` },
				expectFailure: false,
				filesDir,
			});
		});
		// The text-to-video example (the first example with a video node that waits), its task failing.
		const base = examples.find((example) =>
			example.workflow.nodes.some((node) => kindOfType(node.type) === 'video' && node.parameters.waitForCompletion !== false),
		);
		if (base && provider.kinds.includes('video') && workflowFilter.length === 0) {
			const workflowId = `e2e-fail-${provider.id}`.slice(0, 21);
			const filesDir = path.join(filesRoot, workflowId);
			const workflow = adaptForRun(failingVariant(withProvider(base.workflow, provider)), filesDir);
			cases.push({
				workflowId,
				row: `task fails (${base.file.slice(0, 2)} + ${FAIL_MARKER})`,
				provider,
				workflow: { ...workflow, id: workflowId, name: `Task fails [${provider.id}]` },
				expectFailure: true,
				filesDir,
			});
		}
	}
	return cases;
}
