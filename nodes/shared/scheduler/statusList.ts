import { ExecutionCanceledError } from '../cancel';
import { WanError } from '../errors';
import type { StatusList } from '../providers/adapter';
import type { ProviderRequest, TaskHandle, TaskState } from '../types';
import type { Clock } from './clock';
import { isTerminal } from './poller';

/** Sends one list request for the poll that asks (its deadline, its signal) and resolves to the 2xx body. */
export type ListSender = (request: ProviderRequest) => Promise<unknown>;

/**
 * How long the list may answer for a task before the task is asked on its own anyway. DashScope does not
 * say how current its list is: one that lags must not hold a finished task until its timeout.
 */
const OWN_QUERY_AT_LEAST_EVERY_MS = 60_000;

/** The most list pages one round reads: tasks beyond them are asked on their own. */
const MAX_PAGES_PER_ROUND = 10;

interface WaitingTask {
	handle: TaskHandle;
	submittedAt: number;
	/** When the task's state last came from its own query (or its submit). */
	askedAloneAt: number;
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
		this.waiting.set(handle.taskId, { handle, submittedAt, askedAloneAt: submittedAt });
		return () => this.waiting.delete(handle.taskId);
	}

	/**
	 * The task's state as listed no earlier than `freshSince`, if the list says it is still running;
	 * undefined when the task is to be asked on its own now.
	 */
	async running(taskId: string, freshSince: number, send: ListSender): Promise<TaskState | undefined> {
		const task = this.waiting.get(taskId);
		if (!task || this.off || this.waiting.size < 2) return undefined;
		const now = this.clock.now();
		if (now - task.askedAloneAt >= OWN_QUERY_AT_LEAST_EVERY_MS) return this.askAlone(task, now);
		const fresh = this.latest && this.latest.askedAt >= freshSince ? this.latest.states : undefined;
		const states = fresh ?? (await (this.asking ??= this.ask(send).finally(() => (this.asking = undefined))));
		const state = states?.get(taskId);
		return state && !isTerminal(state) ? state : this.askAlone(task, this.clock.now());
	}

	private askAlone(task: WaitingTask, now: number): undefined {
		task.askedAloneAt = now;
		return undefined;
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

	/**
	 * The list's pages, read until every waiting task is found or the pages end (the list's order is not
	 * documented, and it names the account's other tasks of the window too), into one map of states.
	 */
	private async read(tasks: WaitingTask[], askedAt: number, send: ListSender): Promise<Map<string, TaskState>> {
		const query = { since: Math.min(...tasks.map((task) => task.submittedAt)), until: askedAt, model: sharedModel(tasks) };
		const states = new Map<string, TaskState>();
		let pages = 1;
		for (let page = 1; page <= Math.min(pages, MAX_PAGES_PER_ROUND); page++) {
			const answer = this.list.parse(await send(this.list.build({ ...query, page })));
			for (const [taskId, state] of answer.states) states.set(taskId, state);
			if (tasks.every((task) => states.has(task.handle.taskId))) break;
			pages = answer.pages;
		}
		return states;
	}
}
