/** Checks on what one Wan node (or the Wan node of an inline sub-workflow) output in a successful run. */
import type { INode } from 'n8n-workflow';

import { mp4Bytes, pngBytes } from '../../../test/simulator/media';
import type { Kind, ProviderInfo } from '../providers';
import type { SimTaskSummary } from '../simulator';
import type { Checker, Json } from './outcome';

export interface Item {
	json: Json;
	binary?: Record<string, Json>;
	pairedItem?: Json;
}

/** A node of the run: its name, its output items and the items it was given. */
export interface NodeRun {
	name: string;
	items: Item[];
	input: Item[];
}

function safeName(taskId: string): string {
	return taskId.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Checks `run`, made by `producer` (a Wan node of `kind`); returns the table's summary of it. */
export function checkWanOutput(run: NodeRun, producer: INode, kind: Kind, provider: ProviderInfo, tasks: SimTaskSummary[], check: Checker): string {
	const { name, items, input } = run;
	const parameters = producer.parameters;
	const operation = parameters.operation ?? 'generate';
	const waits = parameters.waitForCompletion !== false;
	const perInput = kind === 'image' && operation === 'generate' ? Number(parameters.numberOfImages ?? 1) : 1;
	check.expect(items.length === input.length * perInput, `"${name}": ${items.length} items from ${input.length} input items, expected ${input.length * perInput}`);
	const taskIds = new Set<string>();
	items.forEach((item, index) => {
		const json = item.json;
		const where = `"${name}" item ${index}`;
		const taskId = String(json.taskId ?? '');
		taskIds.add(taskId);
		check.expect(json.provider === provider.id, `${where}: provider ${String(json.provider)}, expected ${provider.id}`);
		const simTask = tasks.find((t) => t.id === taskId);
		check.expect(simTask && simTask.provider === provider.id && simTask.kind === kind, `${where}: task id "${taskId}" is not a ${provider.id} ${kind} task of the simulator`);
		const inputIndex = Math.floor(index / perInput);
		check.expect(
			(item.pairedItem as Json | undefined)?.item === inputIndex,
			`${where}: pairedItem ${JSON.stringify(item.pairedItem)}, expected { item: ${inputIndex} }`,
		);
		if (operation === 'getTask') {
			check.expect(taskId === String(input[inputIndex]?.json.taskId), `${where}: Get Task returned task ${taskId}, expected the input's ${String(input[inputIndex]?.json.taskId)}`);
		}
		if (!waits) {
			check.expect(['queued', 'running'].includes(String(json.status)), `${where}: status ${String(json.status)}, expected queued or running`);
			check.expect(!item.binary, `${where}: has binary without waiting`);
			check.expect(typeof json.model === 'string' && json.model !== '', `${where}: no model in the handle`);
			return;
		}
		check.expect(json.status === 'succeeded', `${where}: status ${String(json.status)}, expected succeeded`);
		check.expect(json.index === index % perInput, `${where}: index ${String(json.index)}, expected ${index % perInput}`);
		check.expect(Array.isArray(json.urls) && (json.urls as unknown[]).length === perInput, `${where}: urls ${JSON.stringify(json.urls)}`);
		if ((parameters.returnAs ?? 'binary') !== 'binary') return;
		const field = String((parameters.options as Json | undefined)?.binaryPropertyName ?? 'data');
		const binary = item.binary?.[field];
		if (!check.expect(binary, `${where}: no binary.${field}`)) return;
		const fileIndex = Number(json.index ?? 0);
		const expected =
			kind === 'video'
				? { fileName: `${safeName(taskId)}.mp4`, mimeType: 'video/mp4', bytes: mp4Bytes().length }
				: { fileName: `${safeName(taskId)}-${fileIndex}.png`, mimeType: 'image/png', bytes: pngBytes(fileIndex).length };
		check.expect(binary!.fileName === expected.fileName, `${where}: file name ${String(binary!.fileName)}, expected ${expected.fileName}`);
		check.expect(binary!.mimeType === expected.mimeType, `${where}: MIME type ${String(binary!.mimeType)}, expected ${expected.mimeType}`);
		check.expect(binary!.bytes === expected.bytes, `${where}: ${String(binary!.bytes)} bytes, expected ${expected.bytes}`);
		check.expect(String(binary!.id ?? '').startsWith('filesystem'), `${where}: binary not in n8n's filesystem store (${String(binary!.id)})`);
	});
	if (operation === 'generate') {
		const distinct = kind === 'image' ? input.length : items.length;
		check.expect(taskIds.size === distinct, `"${name}": ${taskIds.size} distinct task ids, expected ${distinct}`);
	}
	const ext = kind === 'video' ? 'mp4' : 'png';
	if (operation === 'getTask') return `getTask ${items.length} ${ext}`;
	if (!waits) return `${items.length} handle`;
	return `${items.length} ${(parameters.returnAs ?? 'binary') === 'binary' ? ext : 'url'}`;
}
