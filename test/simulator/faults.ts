/**
 * What a test makes the simulator do wrong: injected faults, consumed first-in first-out by matching
 * requests, and a rate limit that answers the requests over it 429.
 */
import { performance } from 'node:perf_hooks';

import type { Fault, SimProviderId, SimRoute } from './types';

interface QueuedFault {
	fault: Fault;
	remaining: number;
}

export class FaultQueue {
	private queued: QueuedFault[] = [];

	inject(fault: Fault): void {
		this.queued.push({ fault, remaining: fault.times ?? 1 });
	}

	/** Faults still queued (with their remaining `times`). */
	get pending(): readonly Fault[] {
		return this.queued.map((q) => ({ ...q.fault, times: q.remaining }));
	}

	/** The first queued fault for this request, consumed. */
	take(route: SimRoute, provider: SimProviderId | undefined): Fault | undefined {
		const index = this.queued.findIndex(
			(q) => q.fault.route === route && (q.fault.provider === undefined || q.fault.provider === provider),
		);
		if (index < 0) return undefined;
		const queued = this.queued[index];
		queued.remaining -= 1;
		if (queued.remaining <= 0) this.queued.splice(index, 1);
		return queued.fault;
	}

	clear(): void {
		this.queued = [];
	}
}

/** At most `perSecond` requests admitted in any second; no limit while `perSecond` is undefined. */
export class RateLimit {
	private perSecond: number | undefined;
	private admittedAt: number[] = [];

	/** A new limit (`undefined` lifts it), counted afresh. */
	set(perSecond: number | undefined): void {
		this.perSecond = perSecond;
		this.admittedAt = [];
	}

	/** Whether one more request is admitted now; one that is counts toward the limit. */
	admit(): boolean {
		if (this.perSecond === undefined) return true;
		const now = performance.now();
		this.admittedAt = this.admittedAt.filter((at) => now - at < 1000);
		if (this.admittedAt.length >= this.perSecond) return false;
		this.admittedAt.push(now);
		return true;
	}
}
