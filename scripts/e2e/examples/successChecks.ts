/** Checks on the JSON `n8n execute` printed for a workflow that should succeed. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INode } from 'n8n-workflow';

import { mp4Bytes } from '../../../test/simulator/media';
import { kindOfType, type WorkflowJson } from '../providers';
import type { SimTaskSummary } from '../simulator';
import { allNodes, inlineSubWorkflow } from '../subWorkflows';
import type { Case } from './cases';
import type { Checker, Json } from './outcome';
import { checkWanOutput, type Item, type NodeRun } from './wanOutputChecks';

interface TaskData {
	executionStatus?: string;
	error?: Json;
	data?: { main?: (Item[] | null)[] };
	source?: ({ previousNode: string } | null)[];
}

function reachableFrom(workflow: WorkflowJson, start: string): string[] {
	const seen = new Set<string>([start]);
	const queue = [start];
	while (queue.length) {
		const name = queue.shift()!;
		const outputs = (workflow.connections[name] as { main?: { node: string }[][] } | undefined)?.main ?? [];
		for (const target of outputs.flat()) {
			if (target && !seen.has(target.node)) {
				seen.add(target.node);
				queue.push(target.node);
			}
		}
	}
	return [...seen];
}

/** Checks the output of a node that is no Wan node; returns the table's summary of it, if any. */
function checkOtherOutput(run: NodeRun, node: INode, filesDir: string, check: Checker): string[] {
	const { name, items, input } = run;
	if (node.type === 'n8n-nodes-base.readWriteFile' && node.parameters.operation !== 'write') {
		// A read: the file the run put in place, as the item's binary `data` for the Wan node to name.
		const [read] = items;
		check.expect(items.length === 1 && read?.binary?.data, `"${name}": ${items.length} items, expected one with binary data`);
		return [`read ${String(read?.binary?.data?.fileName ?? '?')}`];
	}
	if (node.type === 'n8n-nodes-base.readWriteFile') {
		check.expect(items.length === input.length, `"${name}": ${items.length} items, expected ${input.length}`);
		const summary: string[] = [];
		for (const item of items) {
			const file = String(item.json.fileName ?? '');
			const inside = file.startsWith(filesDir + path.sep);
			if (!check.expect(inside && fs.existsSync(file), `"${name}": file ${file} not written in ${filesDir}`)) continue;
			const written = fs.readFileSync(file);
			const expected = file.endsWith('.mp4') ? mp4Bytes() : undefined;
			check.expect(!expected || written.equals(expected), `"${name}": ${file} (${written.length} bytes) differs from the served MP4`);
			summary.push(`wrote ${written.length} B`);
		}
		return summary;
	}
	if (node.type === 'n8n-nodes-base.code') {
		check.expect(items.length > 1, `"${name}": ${items.length} items, expected a list`);
		return [`${items.length} prompts`];
	}
	if (!/trigger/i.test(node.type)) {
		check.expect(items.length === input.length, `"${name}": ${items.length} items, expected ${input.length} (its input)`);
	}
	return [];
}

/** Checks the execution `result` of a case that should succeed; returns the table's summary of it. */
export function checkSuccess(testCase: Case, result: Json, tasks: SimTaskSummary[], check: Checker): string {
	const { workflow, provider } = testCase;
	const resultData = (result.data as Json | undefined)?.resultData as Json | undefined;
	const runData = (resultData?.runData ?? {}) as Record<string, TaskData[]>;
	check.expect(result.status === 'success', `execution status "${String(result.status)}", expected "success"`);
	check.expect(!resultData?.error, `execution error: ${String((resultData?.error as Json | undefined)?.message)}`);

	// `n8n execute` starts at the Manual Trigger, but in a workflow with another trigger too (the
	// scheduled example) n8n 2.41 runs that one instead: whichever trigger ran, once, is the start.
	const triggers = workflow.nodes.filter((node) => /trigger/i.test(node.type) && runData[node.name]);
	if (!check.expect(triggers.length === 1, `${triggers.length} triggers ran (${triggers.map((t) => t.name).join(', ')}), expected one`)) return '';
	const expectedNodes = reachableFrom(workflow, triggers[0].name);
	const output = (name: string) => runData[name]?.[0]?.data?.main?.[0] ?? [];
	const inputOf = (name: string) => {
		const previous = runData[name]?.[0]?.source?.[0]?.previousNode;
		return previous ? output(previous) : [];
	};
	const summary: string[] = [];

	for (const name of expectedNodes) {
		const node = workflow.nodes.find((n) => n.name === name)!;
		const tasksOfNode = runData[name];
		if (!check.expect(tasksOfNode?.length === 1, `node "${name}" ran ${tasksOfNode?.length ?? 0} times, expected once`)) continue;
		const task = tasksOfNode[0];
		check.expect(task.executionStatus === 'success', `node "${name}": ${task.executionStatus} ${String(task.error?.message ?? '')}`);
		const run: NodeRun = { name, items: output(name), input: inputOf(name) };
		// An Execute Workflow node outputs what its inline sub-workflow's Wan node made (passed on to its end).
		const sub = inlineSubWorkflow(node);
		const producer = (sub && allNodes(sub).find((n) => kindOfType(n.type))) || node;
		const kind = kindOfType(producer.type);
		if (kind) summary.push(checkWanOutput(run, producer, kind, provider, tasks, check));
		else summary.push(...checkOtherOutput(run, node, testCase.filesDir, check));
	}
	return summary.join(', ');
}
