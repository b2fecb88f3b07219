/**
 * Runs the provider simulator in a process of its own, so that a benchmark measuring its own memory
 * does not count the simulator's (it streams every result file it serves).
 *
 * Stand-alone:  npx tsx test/simulator/serve.ts [--port 8080] [--duration-ms 3000] [--result-bytes N]
 *               [--outcome success|failure|never]   → prints the base URLs, serves until Ctrl-C.
 * As a child:   fork('test/simulator/serve.ts', args, { execArgv: ['--import', 'tsx'] }); the first IPC
 *               message is `{ type: 'ready', origin, apiKey, baseUrls, credentialFields }`. Commands (each answered with
 *               `{ type: 'reply', id, ok, value?, error? }`):
 *                 { id, type: 'behaviour', behaviour }   every new task gets this (merged over the default)
 *                 { id, type: 'requests' }               the request log
 *                 { id, type: 'tasks' }                  the task list (`doneAt: null` for `never`)
 *                 { id, type: 'reset' }                  clears log, tasks, faults, behaviour
 *                 { id, type: 'close' }                  closes the server and exits
 *               The process exits when its parent goes away.
 */
import { PROVIDER_IDS } from '../../nodes/shared/providers';
import { startSimulator, type Simulator, type TaskBehaviour } from './index';

type Command =
	| { id: number; type: 'behaviour'; behaviour: Partial<TaskBehaviour> }
	| { id: number; type: 'requests' | 'tasks' | 'uploads' | 'reset' | 'close' };

function parseArgs(argv: string[]): { port?: number; behaviour: Partial<TaskBehaviour> } {
	const behaviour: Partial<TaskBehaviour> = {};
	let port: number | undefined;
	for (let i = 0; i < argv.length; i++) {
		const [flag, value] = [argv[i], argv[i + 1]];
		const number = () => {
			const n = Number(value);
			if (!Number.isFinite(n) || n < 0) throw new Error(`serve: ${flag} needs a number, got ${value}`);
			i++;
			return n;
		};
		if (flag === '--port') port = number();
		else if (flag === '--duration-ms') behaviour.durationMs = number();
		else if (flag === '--result-bytes') behaviour.resultBytes = number();
		else if (flag === '--outcome') {
			if (value !== 'success' && value !== 'failure' && value !== 'never') throw new Error(`serve: bad --outcome ${value}`);
			behaviour.outcome = value;
			i++;
		} else throw new Error(`serve: unknown argument ${flag}`);
	}
	return { port, behaviour };
}

/** Tasks as plain JSON (`doneAt: Infinity` would become null anyway; make it explicit). */
function tasksJson(sim: Simulator): unknown[] {
	return sim.tasks.map((task) => ({ ...task, doneAt: Number.isFinite(task.doneAt) ? task.doneAt : null }));
}

async function main(): Promise<void> {
	const { port, behaviour } = parseArgs(process.argv.slice(2));
	const sim = await startSimulator({ port });
	if (Object.keys(behaviour).length > 0) sim.setBehaviour(() => behaviour);

	const baseUrls: Record<string, string> = {};
	const credentialFields: Record<string, Record<string, string>> = {};
	for (const id of PROVIDER_IDS) {
		try {
			baseUrls[id] = sim.baseUrl(id);
			credentialFields[id] = sim.credentialFields(id);
		} catch {
			// provider not mounted
		}
	}

	const shutdown = async (code: number) => {
		await sim.close().catch(() => undefined);
		process.exit(code);
	};

	if (!process.send) {
		console.log(`Simulator on ${sim.origin} (API key "${sim.apiKey}")`);
		for (const [id, url] of Object.entries(baseUrls)) console.log(`  ${id.padEnd(8)} ${url}`);
		console.log(`Behaviour: ${JSON.stringify(behaviour)} (default: 300 ms, success). Ctrl-C to stop.`);
		process.on('SIGINT', () => void shutdown(0));
		process.on('SIGTERM', () => void shutdown(0));
		return;
	}

	const reply = (id: number, value?: unknown) => process.send?.({ type: 'reply', id, ok: true, value });
	process.on('message', (message: Command) => {
		try {
			switch (message.type) {
				case 'behaviour':
					sim.setBehaviour(() => message.behaviour);
					reply(message.id);
					break;
				case 'requests':
					reply(message.id, sim.requests);
					break;
				case 'uploads':
					reply(message.id, sim.uploads);
					break;
				case 'tasks':
					reply(message.id, tasksJson(sim));
					break;
				case 'reset':
					sim.reset();
					reply(message.id);
					break;
				case 'close':
					reply(message.id);
					void shutdown(0);
					break;
			}
		} catch (error) {
			process.send?.({ type: 'reply', id: message.id, ok: false, error: String(error) });
		}
	});
	process.on('disconnect', () => void shutdown(0));
	process.send({ type: 'ready', origin: sim.origin, apiKey: sim.apiKey, baseUrls, credentialFields, pid: process.pid });
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
