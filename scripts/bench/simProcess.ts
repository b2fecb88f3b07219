/**
 * The provider simulator in a child process (test/simulator/serve.ts), driven over IPC. Used by the
 * memory scenarios so the simulator's own buffers never count toward the measured process's RSS.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

import type { RecordedRequest, TaskBehaviour, UploadedFile } from '../../test/simulator';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SERVE_ENTRY = path.join(REPO_ROOT, 'test', 'simulator', 'serve.ts');

export interface SimTaskJson {
	id: string;
	createdAt: number;
	doneAt: number | null;
	firstTerminalPollAt?: number;
	behaviour: TaskBehaviour & { resultCount: number };
}

interface Reply {
	type: 'reply';
	id: number;
	ok: boolean;
	value?: unknown;
	error?: string;
}

export interface SimProcess {
	origin: string;
	apiKey: string;
	pid: number;
	baseUrl(provider: 'evolink'): string;
	/** The credential fields beside the base URL that point at the simulator (EvoLink's file host). */
	credentialFields(provider: 'evolink'): Record<string, string>;
	uploads(): Promise<UploadedFile[]>;
	setBehaviour(behaviour: Partial<TaskBehaviour>): Promise<void>;
	requests(): Promise<RecordedRequest[]>;
	tasks(): Promise<SimTaskJson[]>;
	reset(): Promise<void>;
	close(): Promise<void>;
}

/** Forks the simulator (TypeScript through tsx) and resolves once it listens. */
export async function startSimProcess(): Promise<SimProcess> {
	const child: ChildProcess = fork(SERVE_ENTRY, [], {
		cwd: REPO_ROOT,
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	let nextId = 1;

	const ready = await new Promise<{
		origin: string;
		apiKey: string;
		baseUrls: Record<string, string>;
		credentialFields: Record<string, Record<string, string>>;
		pid: number;
	}>(
		(resolve, reject) => {
			child.once('error', reject);
			child.once('exit', (code) => reject(new Error(`simulator process exited early (code ${code})`)));
			child.on('message', (message: { type: string } & Record<string, unknown>) => {
				if (message.type === 'ready') resolve(message as never);
				if (message.type === 'reply') {
					const reply = message as unknown as Reply;
					const waiter = pending.get(reply.id);
					pending.delete(reply.id);
					if (reply.ok) waiter?.resolve(reply.value);
					else waiter?.reject(new Error(reply.error));
				}
			});
		},
	);
	child.removeAllListeners('exit');
	child.on('exit', (code) => {
		for (const waiter of pending.values()) waiter.reject(new Error(`simulator process exited (code ${code})`));
		pending.clear();
	});

	const call = (type: string, extra: Record<string, unknown> = {}) =>
		new Promise<unknown>((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve, reject });
			child.send({ id, type, ...extra });
		});

	return {
		origin: ready.origin,
		apiKey: ready.apiKey,
		pid: ready.pid,
		baseUrl: (provider) => ready.baseUrls[provider],
		credentialFields: (provider) => ready.credentialFields[provider] ?? {},
		uploads: async () => (await call('uploads')) as UploadedFile[],
		setBehaviour: async (behaviour) => {
			await call('behaviour', { behaviour });
		},
		requests: async () => (await call('requests')) as RecordedRequest[],
		tasks: async () => (await call('tasks')) as SimTaskJson[],
		reset: async () => {
			await call('reset');
		},
		close: async () => {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			await call('close').catch(() => undefined);
			await exited;
		},
	};
}
