import { sleep } from 'n8n-workflow';

/** The execution was stopped by the user (or the workflow timeout). */
export class ExecutionCanceledError extends Error {
	constructor() {
		super('The execution was canceled');
		this.name = 'ExecutionCanceledError';
	}
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new ExecutionCanceledError();
}

/**
 * Waits `ms`, ending at once when the execution is canceled. Older n8n versions ignore sleep's
 * signal argument, so the signal is checked again after every wait.
 */
export async function cancellableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
	throwIfAborted(signal);
	// sleep rejects only when the signal fires, which the check below turns into ExecutionCanceledError.
	if (ms > 0) await sleep(ms, signal).catch(() => undefined);
	throwIfAborted(signal);
}
