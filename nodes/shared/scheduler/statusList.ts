import { ExecutionCanceledError } from '../cancel';
import { WanError } from '../errors';
import type { StatusList } from '../providers/adapter';
import type { ProviderRequest, TaskHandle, TaskState } from '../types';
import type { Clock } from './clock';
import { isTerminal } from './poller';

/** Sends one list request for the poll that asks (its deadline, its signal) and resolves to the 2xx body. */
export type ListSender = (request: ProviderRequest) => Promise<unknown>;

interface WaitingTask {
	handle: TaskHandle;
	submittedAt: number;
}

/** The model every task shares, if they share one. */
function sharedModel(tasks: WaitingTask[]): string | undefined {
	const models = new Set(tasks.map((task) => task.handle.model));
	return models.size === 1 ? tasks[0].handle.model : undefined;
}

/**
 * The submitted tasks one run waits on, polled together where the provider lists many statuses in one
 * request (`adapter.statusList`). A poll takes the last list answer when it is recent enough, else asks
 * again: one list at a time, shared by every poll that waits for it. The list only tells a running task:
 * a task it says ended, or does not name, is asked on its own (the results are only there), and so is
 * every task while fewer than two wait. An answer refused, unreadable or naming none of the run's tasks
 * turns the list off for the rest of the run.
 */
export class SharedStatusList {
	private readonly waiting = new Map<string, WaitingTask>();
	private latest?: { askedAt: number; states: Map<string, TaskState> };
	private asking?: Promise<Map<string, TaskState> | undefined>;
	private off = false;

	constructor(
		private readonly list: StatusList,
		private readonly clock: Clock,
	) {}

	/** Adds a task the run waits on; the function returned removes it. */
	wait(handle: TaskHandle, submittedAt: number): () => void {
		this.waiting.set(handle.taskId, { handle, submittedAt });
		return () => this.waiting.delete(handle.taskId);
	}

	/** The task's state as listed no earlier than `freshSince`, if the list says it is still running. */
	async running(taskId: string, freshSince: number, send: ListSender): Promise<TaskState | undefined> {
		if (this.off || this.waiting.size < 2 || !this.waiting.has(taskId)) return undefined;
		const fresh = this.latest && this.latest.askedAt >= freshSince ? this.latest.states : undefined;
		const states = fresh ?? (await (this.asking ??= this.ask(send).finally(() => (this.asking = undefined))));
		const state = states?.get(taskId);
		return state && !isTerminal(state) ? state : undefined;
	}

	private async ask(send: ListSender): Promise<Map<string, TaskState> | undefined> {
		const tasks = [...this.waiting.values()];
		const askedAt = this.clock.now();
		const answer = await this.read(tasks, askedAt, send).then(
			(states) => ({ states }),
			(error: unknown) => ({ error }),
		);
		if ('error' in answer) {
			if (answer.error instanceof ExecutionCanceledError) throw answer.error;
			// A transient failure costs this round only; a refusal or an unreadable answer, the list.
			if (!(answer.error instanceof WanError && answer.error.transient)) this.off = true;
			return undefined;
		}
		this.off = !tasks.some((task) => answer.states.has(task.handle.taskId));
		this.latest = { askedAt, states: answer.states };
		return answer.states;
	}

	/** Every page the waiting tasks can fill, read into one map of states. */
	private async read(tasks: WaitingTask[], askedAt: number, send: ListSender): Promise<Map<string, TaskState>> {
		const query = { since: Math.min(...tasks.map((task) => task.submittedAt)), until: askedAt, model: sharedModel(tasks) };
		const pages = Array.from({ length: Math.ceil(tasks.length / this.list.pageSize) }, (_, index) => index + 1);
		const bodies = await Promise.all(pages.map(async (page) => await send(this.list.build({ ...query, page }))));
		return new Map(bodies.flatMap((body) => [...this.list.parse(body)]));
	}
}
