import type { IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { ReturnAs } from '../results';
import type { ProviderId, TaskHandle } from '../types';

/** What a paused node needs when the provider calls back: its task, and what polling would have done with it. */
export interface ParkedTask {
	handle: TaskHandle;
	itemIndex: number;
	submittedAt: number;
	returnAs: ReturnAs;
	binaryPropertyName: string;
	continueOnFail: boolean;
	includeInputFields: boolean;
	/** What the submit reported the task costs, where later answers do not repeat it (EvoLink). */
	usage?: IDataObject;
}

/** n8n keeps at most 512 characters of a custom data value. */
const VALUE_LIMIT = 512;

type Context = Pick<IExecuteFunctions | IWebhookFunctions, 'customData' | 'getNode'>;

/** The execution's custom data key of a node (letters, digits and underscores only, at most 50). */
function keyOf(fn: Context): string {
	return `wanTask_${fn.getNode().id.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 50);
}

/** Short field names, to stay within n8n's limit; the usage is left out where it would not fit. */
function serialise(task: ParkedTask): string {
	const { handle } = task;
	const value = JSON.stringify({
		p: handle.provider,
		m: handle.model,
		t: handle.taskId,
		i: task.itemIndex,
		s: task.submittedAt,
		r: task.returnAs,
		b: task.binaryPropertyName,
		c: task.continueOnFail ? 1 : 0,
		f: task.includeInputFields ? 1 : 0,
		u: task.usage,
	});
	return value.length <= VALUE_LIMIT ? value : serialise({ ...task, usage: undefined });
}

function deserialise(value: unknown): ParkedTask | undefined {
	if (typeof value !== 'string') return undefined;
	try {
		const v = JSON.parse(value) as Record<string, unknown>;
		if (typeof v.p !== 'string' || typeof v.m !== 'string' || typeof v.t !== 'string') return undefined;
		return {
			handle: { provider: v.p as ProviderId, model: v.m, taskId: v.t },
			itemIndex: Number(v.i) || 0,
			submittedAt: Number(v.s) || 0,
			returnAs: v.r === 'binary' ? 'binary' : 'url',
			binaryPropertyName: typeof v.b === 'string' && v.b ? v.b : 'data',
			continueOnFail: v.c === 1,
			includeInputFields: v.f === 1,
			...(typeof v.u === 'object' && v.u !== null ? { usage: v.u as IDataObject } : {}),
		};
	} catch {
		return undefined;
	}
}

/**
 * Takes this node's custom data entry before anything is sent. False when n8n would not keep it (an
 * execution holds at most 10 entries): the node then polls, as it could not recognise its callback.
 */
export function reserveParkedTask(fn: Context): boolean {
	try {
		fn.customData.set(keyOf(fn), '{}');
	} catch {
		return false;
	}
	return fn.customData.get(keyOf(fn)) === '{}';
}

/**
 * Records the task with the execution (its custom data, saved with the waiting execution and shown with it).
 * Returns false when n8n did not keep it (an execution holds at most 10 custom data entries): the node
 * then must not pause, as it could not tell its callback from another.
 */
export function recordParkedTask(fn: Context, task: ParkedTask): boolean {
	const value = serialise(task);
	try {
		fn.customData.set(keyOf(fn), value);
	} catch {
		return false;
	}
	return fn.customData.get(keyOf(fn)) === value;
}

/** The task this node paused for in this execution, if it did. */
export function parkedTask(fn: Context): ParkedTask | undefined {
	try {
		return deserialise(fn.customData.get(keyOf(fn)));
	} catch {
		return undefined;
	}
}
