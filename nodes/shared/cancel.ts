import { WanError } from './errors';

/** The execution was stopped by the user (or the workflow timeout). */
export class ExecutionCanceledError extends WanError {
	constructor() {
		super({ kind: 'canceled', message: 'The execution was canceled' });
		this.name = 'ExecutionCanceledError';
	}
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new ExecutionCanceledError();
}
