/**
 * Sub-workflows an example defines inline: an Execute Workflow node with Source → Define Below holds the
 * sub-workflow's JSON as a string parameter (`workflowJson`), so one import brings both. Rewriting an
 * example for a provider or a run rewrites the nodes in there too.
 */
import type { INode } from 'n8n-workflow';

import type { WorkflowJson } from './providers';

const EXECUTE_WORKFLOW_TYPE = 'n8n-nodes-base.executeWorkflow';

/** The sub-workflow an Execute Workflow node defines below, or undefined for any other node. */
export function inlineSubWorkflow(node: INode): WorkflowJson | undefined {
	const { source, workflowJson } = node.parameters;
	if (node.type !== EXECUTE_WORKFLOW_TYPE || source !== 'parameter' || typeof workflowJson !== 'string') return undefined;
	return JSON.parse(workflowJson) as WorkflowJson;
}

/** The workflow with `map` applied to each node, those of its inline sub-workflows included. */
export function mapNodes(workflow: WorkflowJson, map: (node: INode) => INode): WorkflowJson {
	const nodes = workflow.nodes.map((node) => {
		const sub = inlineSubWorkflow(node);
		const mapped = map(node);
		if (!sub) return mapped;
		const workflowJson = JSON.stringify(mapNodes(sub, map), null, 2);
		return { ...mapped, parameters: { ...mapped.parameters, workflowJson } };
	});
	return { ...workflow, nodes };
}

/** Every node of the workflow and of its inline sub-workflows. */
export function allNodes(workflow: WorkflowJson): INode[] {
	return workflow.nodes.flatMap((node) => {
		const sub = inlineSubWorkflow(node);
		return sub ? [node, ...allNodes(sub)] : [node];
	});
}
