/**
 * A running n8n for the browser test: n8n 2.41.1 from the e2e cache, this package packed and
 * installed as a community package in a temporary user folder, the simulator, one credential per
 * provider pointing at it, the workflows of ./workflows.ts imported, `n8n start` on a free port with
 * its owner account set up.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ensureN8n, isInstalled, n8nEnv, packAndInstall } from '../install';
import { packageProviders, writeCredentialsFile, type ProviderInfo } from '../providers';
import { freePorts, n8nCommand, startN8n, startSimulatorProcess, type RunningN8n, type RunningSimulator } from '../server';
import { workflowsToImport } from './workflows';

export interface Setup {
	workDir: string;
	/** N8N_RESTRICT_FILE_ACCESS_TO: where the examples write their files. */
	filesDir: string;
	providers: ProviderInfo[];
	simulator: RunningSimulator;
	n8n: RunningN8n;
	/** Whether n8n came from the cache (false: installed by this run). */
	cached: boolean;
	tearDown: (keep: boolean) => Promise<void>;
}

export async function setUp(options: { build: boolean; simulatedTaskMs: number; say: (line: string) => void }): Promise<Setup> {
	const { say } = options;
	const cached = isInstalled();
	const install = await ensureN8n(say);
	say(cached ? `n8n 2.41.1 and node 24 from the cache (${install.cacheDir})` : 'installed n8n 2.41.1 and node 24');

	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-browser-'));
	const userFolder = path.join(workDir, 'user');
	const filesDir = path.join(workDir, 'files');
	fs.mkdirSync(filesDir, { recursive: true });
	await packAndInstall(install, workDir, userFolder, { build: options.build, say });

	const simulator = await startSimulatorProcess(options.simulatedTaskMs);
	say(`simulator at ${simulator.info.origin}`);
	const providers = packageProviders().filter((p) => simulator.info.baseUrls[p.id]);

	const [port, brokerPort] = await freePorts(2);
	const env = n8nEnv(install, userFolder, brokerPort, filesDir);
	const credentialsFile = path.join(workDir, 'credentials.json');
	writeCredentialsFile(credentialsFile, providers, simulator.info);
	const workflowsDir = path.join(workDir, 'workflows');
	fs.mkdirSync(workflowsDir);
	const workflows = workflowsToImport(providers, filesDir);
	for (const workflow of workflows) fs.writeFileSync(path.join(workflowsDir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
	await n8nCommand(install, ['import:credentials', `--input=${credentialsFile}`], env, workDir);
	await n8nCommand(install, ['import:workflow', '--separate', `--input=${workflowsDir}`], env, workDir);
	say(`imported ${providers.length} credentials and ${workflows.length} workflows`);

	let n8n: RunningN8n;
	try {
		n8n = await startN8n(install, env, workDir, port);
	} catch (error) {
		await simulator.stop();
		throw error;
	}
	say(`n8n at ${n8n.url}, owner account set up`);
	return {
		workDir,
		filesDir,
		providers,
		simulator,
		n8n,
		cached,
		tearDown: async (keep) => {
			await n8n.stop();
			await simulator.stop();
			if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
		},
	};
}
