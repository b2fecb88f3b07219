/**
 * Task callbacks, as the providers post them: when a task ends, one POST of the provider's payload to the
 * URL its submit named, retried on a non-2xx answer or a network error after each of the provider's
 * retry delays. Test and benchmark code only.
 */
import type { SimContext, SimProvider, SimTask } from './types';

/** One delivery attempt of a task's callback. */
export interface CallbackAttempt {
	taskId: string;
	provider: string;
	url: string;
	/** 0 for the first delivery, then 1, 2… for the retries. */
	attempt: number;
	/** The simulator's clock when the POST was sent. */
	at: number;
	/** The HTTP status answered; 0 when the request failed without an answer. */
	status: number;
}

/** The documented retry schedules; where a provider documents none, the simulator uses EvoLink's. */
export const CALLBACK_RETRY_DELAYS_MS = {
	// EvoLink: "10 s timeout, up to 3 retries at 1/2/4 s" (callback_url on every Wan page).
	evolink: [1000, 2000, 4000],
	// APIXO: "up to 3 retries with increasing delays (first retry after ~30 s)"; the later two are the doubling assumed.
	apixo: [30_000, 60_000, 120_000],
	// fal: "10 times over 2 hours"; the spacing is not documented: doubling from 15 s, capped at 30 min.
	fal: [15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000],
} as const;

const ANSWER_TIMEOUT_MS = 10_000;

/** Whether a callback URL is one the simulator may call: HTTPS as the providers demand, or this machine (a local n8n). */
export function acceptableCallbackUrl(url: unknown): url is string {
	if (typeof url !== 'string' || !URL.canParse(url)) return false;
	const { protocol, hostname } = new URL(url);
	return protocol === 'https:' || (protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname));
}

export interface CallbackSender {
	/** Posts `task`'s callback to `url` once it ends, with `provider`'s payload and retries. */
	request(task: SimTask, url: string): void;
}

export function callbackSender(args: {
	ctx: SimContext;
	provider: (id: string) => SimProvider | undefined;
	sleep: (ms: number) => Promise<void>;
	/** Sees each attempt as it is sent; its status is filled in when answered. */
	record: (attempt: CallbackAttempt) => void;
}): CallbackSender {
	const post = async (url: string, body: unknown): Promise<number> => {
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
			});
			await response.arrayBuffer().catch(() => undefined);
			return response.status;
		} catch {
			return 0;
		}
	};
	const deliver = async (task: SimTask, url: string): Promise<void> => {
		const provider = args.provider(task.provider);
		if (!provider?.callbackBody || !Number.isFinite(task.doneAt)) return;
		// Timers may fire a fraction early: wait until the task has really ended.
		while (!args.ctx.phase(task).terminal) await args.sleep(Math.max(1, task.doneAt - args.ctx.now()));
		const delays = provider.callbackRetryDelaysMs ?? CALLBACK_RETRY_DELAYS_MS.evolink;
		for (let attempt = 0; attempt <= delays.length; attempt++) {
			const record: CallbackAttempt = { taskId: task.id, provider: task.provider, url, attempt, at: args.ctx.now(), status: 0 };
			args.record(record);
			record.status = await post(url, provider.callbackBody(task, args.ctx));
			if (record.status >= 200 && record.status < 300) return;
			if (attempt < delays.length) await args.sleep(delays[attempt]);
		}
	};
	return { request: (task, url) => void deliver(task, url) };
}
