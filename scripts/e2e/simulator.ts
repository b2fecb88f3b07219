/**
 * The provider simulator as a process of its own (for a real n8n: `npm run test:e2e`, `npm run dev`).
 *
 *   npx tsx scripts/e2e/simulator.ts [--port 0] [--api-key sim-test-key] [--duration-ms 1000]
 *
 * Mounts every provider the simulator has (test/simulator BUILTIN_PROVIDERS). Tasks succeed after
 * `--duration-ms`, except that a task whose request contains `sim:fail` (e.g. in the prompt) fails
 * with SCRIPTED_FAILURE, in each provider's own error shape. Once listening it prints one JSON line:
 *   {"ready":true,"origin":"http://127.0.0.1:PORT","apiKey":"…","baseUrls":{"evolink":"…",…},
 *    "control":"http://127.0.0.1:PORT2"}
 * and runs until SIGINT/SIGTERM (or its stdin closes, with --exit-on-stdin-close).
 * `GET <control>/tasks` lists the tasks created so far (id, provider, model, kind, prompt, outcome…),
 * so a test can tell which tasks a workflow really created; `/requests` every request (route, task,
 * status) and `/callbacks` every task callback posted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { BUILTIN_PROVIDERS, DEFAULT_API_KEY, startSimulator, type Simulator, type TaskFailure } from '../../test/simulator';
import type { SimProviderId } from '../../test/simulator';

/** The marker that makes a task fail, and how it fails. */
export const FAIL_MARKER = 'sim:fail';
/** The marker that makes a task run forever (never ends, so it never calls back). */
export const NEVER_MARKER = 'sim:never';
export const SCRIPTED_FAILURE: TaskFailure = {
	code: 'content_policy_violation',
	message: 'Content policy violation detected (simulated: the request contains sim:fail)',
};

export interface SimulatorInfo {
	ready: true;
	origin: string;
	apiKey: string;
	baseUrls: Partial<Record<SimProviderId, string>>;
	/** Credential fields beside the base URL that point at the simulator, per provider (e.g. EvoLink's file host). */
	credentialFields: Partial<Record<SimProviderId, Record<string, string>>>;
	/** Only when started as a process: the control server's origin. */
	control?: string;
}

/** A created task, as `GET <control>/tasks` reports it. */
export interface SimTaskSummary {
	id: string;
	provider: SimProviderId;
	model: string;
	kind: 'video' | 'image';
	prompt?: string;
	outcome: string;
	resultCount: number;
	canceled: boolean;
	/** The callback URL its submit named, if any. */
	callbackUrl?: string;
}

export function taskSummaries(sim: Simulator): SimTaskSummary[] {
	return sim.tasks.map((task) => ({
		id: task.id,
		provider: task.provider,
		model: task.model,
		kind: task.kind,
		prompt: task.prompt,
		outcome: task.behaviour.outcome,
		resultCount: task.behaviour.resultCount,
		canceled: task.canceled,
		callbackUrl: task.callbackUrl,
	}));
}

export async function startScriptedSimulator(options: { port?: number; apiKey?: string; durationMs?: number } = {}): Promise<{
	sim: Simulator;
	info: SimulatorInfo;
}> {
	const sim = await startSimulator({ port: options.port ?? 0, apiKey: options.apiKey ?? DEFAULT_API_KEY });
	const durationMs = options.durationMs ?? 1000;
	sim.setBehaviour(({ body, prompt }) => {
		const text = `${prompt ?? ''} ${JSON.stringify(body ?? null)}`;
		if (text.includes(NEVER_MARKER)) return { durationMs, outcome: 'never' };
		return text.includes(FAIL_MARKER)
			? { durationMs, outcome: 'failure', failure: SCRIPTED_FAILURE }
			: { durationMs, outcome: 'success' };
	});
	const baseUrls: Partial<Record<SimProviderId, string>> = {};
	const credentialFields: SimulatorInfo['credentialFields'] = {};
	for (const provider of BUILTIN_PROVIDERS) {
		baseUrls[provider.id] = sim.baseUrl(provider.id);
		credentialFields[provider.id] = sim.credentialFields(provider.id);
	}
	return { sim, info: { ready: true, origin: sim.origin, apiKey: sim.apiKey, baseUrls, credentialFields } };
}

function argument(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
	(async () => {
		const { sim, info } = await startScriptedSimulator({
			port: Number(argument('port') ?? 0),
			apiKey: argument('api-key'),
			durationMs: argument('duration-ms') === undefined ? undefined : Number(argument('duration-ms')),
		});
		const views: Partial<Record<string, () => unknown>> = {
			'/tasks': () => taskSummaries(sim),
			'/requests': () => sim.requests.map(({ route, provider, taskId, status, at }) => ({ route, provider, taskId, status, at })),
			'/callbacks': () => sim.callbacks,
		};
		const control = createServer((req, res) => {
			const view = views[req.url ?? ''];
			res.writeHead(view ? 200 : 404, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(view ? view() : { error: `GET ${Object.keys(views).join(', ')}` }));
		});
		await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
		info.control = `http://127.0.0.1:${(control.address() as AddressInfo).port}`;
		process.stdout.write(JSON.stringify(info) + '\n');
		let closing = false;
		const stop = async () => {
			if (closing) return;
			closing = true;
			const summary = sim.tasks.reduce<Record<string, number>>((counts, task) => {
				counts[task.provider] = (counts[task.provider] ?? 0) + 1;
				return counts;
			}, {});
			process.stderr.write(`simulator: ${sim.requests.length} requests, tasks ${JSON.stringify(summary)}\n`);
			control.close();
			await sim.close();
			process.exit(0);
		};
		process.on('SIGINT', () => void stop());
		process.on('SIGTERM', () => void stop());
		if (process.argv.includes('--exit-on-stdin-close')) {
			process.stdin.on('end', () => void stop());
			process.stdin.on('close', () => void stop());
			process.stdin.resume();
		}
	})().catch((error: unknown) => {
		process.stderr.write(`simulator failed to start: ${String(error)}\n`);
		process.exit(1);
	});
}
