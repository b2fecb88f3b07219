/**
 * The simulator's task store: every task created, the behaviour function that decides each, and a task's
 * state at any instant of the simulator's clock. Providers reach it through their `SimContext`.
 */
import type { CreateTaskInit, SimProviderId, SimTask, SubmitInfo, TaskBehaviour, TaskPhase } from './types';

export const DEFAULT_BEHAVIOUR: TaskBehaviour = { durationMs: 300, outcome: 'success' };

export type BehaviourFn = (submit: SubmitInfo) => Partial<TaskBehaviour>;

export class TaskStore {
	/** Every created task, in creation order; `reset` starts a new list. */
	tasks: SimTask[] = [];
	/** Decides each new task (merged over the default); none: the default. */
	behaviour: BehaviourFn | undefined;
	private readonly tasksById = new Map<string, SimTask>();
	private readonly now: () => number;

	constructor(now: () => number) {
		this.now = now;
	}

	/** A task by id, any provider. */
	task(id: string): SimTask | undefined {
		return this.tasksById.get(id);
	}

	createTask(provider: SimProviderId, init: CreateTaskInit): SimTask {
		const info: SubmitInfo = { provider, body: init.body, index: this.tasks.length };
		if (init.prompt !== undefined) info.prompt = init.prompt;
		const decided = this.behaviour ? this.behaviour(info) : {};
		const merged: TaskBehaviour = { ...DEFAULT_BEHAVIOUR, ...decided };
		const resultCount = merged.resultCount ?? init.defaultResultCount;
		const createdAt = this.now();
		const task: SimTask = {
			id: init.id,
			provider,
			model: init.model,
			kind: init.kind,
			body: init.body,
			createdAt,
			createdEpochMs: Date.now(),
			doneAt: merged.outcome === 'never' ? Infinity : createdAt + merged.durationMs,
			canceled: false,
			behaviour: { ...merged, resultCount },
		};
		if (init.prompt !== undefined) task.prompt = init.prompt;
		this.tasks.push(task);
		this.tasksById.set(task.id, task);
		return task;
	}

	findTask(provider: SimProviderId, id: string): SimTask | undefined {
		const task = this.tasksById.get(id);
		return task && task.provider === provider ? task : undefined;
	}

	tasksOf(provider: SimProviderId): SimTask[] {
		return this.tasks.filter((task) => task.provider === provider);
	}

	phase(task: SimTask): TaskPhase {
		const now = this.now();
		if (task.canceled) return { state: 'canceled', progress: 0, terminal: true };
		const { durationMs, outcome } = task.behaviour;
		const elapsed = now - task.createdAt;
		if (outcome !== 'never' && now >= task.doneAt) {
			return outcome === 'success'
				? { state: 'succeeded', progress: 100, terminal: true }
				: { state: 'failed', progress: 90, terminal: true };
		}
		if (elapsed < durationMs * 0.1) return { state: 'queued', progress: 0, terminal: false };
		const fraction = durationMs > 0 ? (elapsed - durationMs * 0.1) / (durationMs * 0.9) : 1;
		const progress = Math.max(10, Math.min(90, Math.floor(10 + 80 * fraction)));
		return { state: 'running', progress, terminal: false };
	}

	poll(task: SimTask): TaskPhase {
		const current = this.phase(task);
		if (current.terminal && task.firstTerminalPollAt === undefined) {
			task.firstTerminalPollAt = this.now();
		}
		return current;
	}

	cancel(task: SimTask): boolean {
		if (this.phase(task).terminal) return false;
		task.canceled = true;
		task.canceledAt = this.now();
		return true;
	}

	/** No tasks, the default behaviour. */
	reset(): void {
		this.tasks = [];
		this.tasksById.clear();
		this.behaviour = undefined;
	}
}
