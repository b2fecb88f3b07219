/**
 * The user folder the workers copy: each case's input files in place, one credential per provider
 * (pointing at the simulator) and every case's workflow imported; with an example that defines a
 * sub-workflow inline, `n8n start` once, so n8n's roles are in place as on any instance (server.ts startOnce).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { mp4Bytes, pngBytes } from '../../../test/simulator/media';
import { n8nEnv, type N8nInstall } from '../install';
import { filesRead, writeCredentialsFile, type ProviderInfo } from '../providers';
import { n8nCommand, startOnce } from '../server';
import type { SimulatorInfo } from '../simulator';
import { allNodes, inlineSubWorkflow } from '../subWorkflows';
import type { Case } from './cases';
import { elapsed, say } from './log';

/** What the parts of a run share. */
export interface RunSetup {
	install: N8nInstall;
	workDir: string;
	/** The user folder the package is installed in. */
	userFolder: string;
	filesRoot: string;
	providers: ProviderInfo[];
	cases: Case[];
	sim: SimulatorInfo;
}

export interface Preparation extends RunSetup {
	/** The task broker port of the imports. */
	brokerPort: number;
	/** Where `n8n start` listens when it runs once. */
	port: number;
}

export async function prepareUserFolder(options: Preparation): Promise<void> {
	const { install, workDir, userFolder, filesRoot, providers, cases, sim } = options;
	for (const c of cases) {
		fs.mkdirSync(c.filesDir, { recursive: true });
		// What the example's Read/Write Files nodes load: a sample of the kind its name says.
		for (const file of filesRead(c.workflow)) fs.writeFileSync(file, file.endsWith('.mp4') ? mp4Bytes() : pngBytes(1));
	}

	const credentialsFile = path.join(workDir, 'credentials.json');
	writeCredentialsFile(credentialsFile, providers, sim);
	const workflowsDir = path.join(workDir, 'workflows');
	fs.mkdirSync(workflowsDir);
	for (const c of cases) fs.writeFileSync(path.join(workflowsDir, `${c.workflowId}.json`), JSON.stringify(c.workflow, null, 2));

	const setupEnv = n8nEnv(install, userFolder, options.brokerPort, filesRoot);
	const importStarted = performance.now();
	for (const args of [
		['import:credentials', `--input=${credentialsFile}`],
		...(cases.length > 0 ? [['import:workflow', '--separate', `--input=${workflowsDir}`]] : []),
	]) {
		const text = await n8nCommand(install, args, setupEnv, workDir);
		if (!/Successfully imported/.test(text)) throw new Error(`n8n ${args[0]} imported nothing:\n${text.split('\n').slice(-30).join('\n')}`);
	}
	say(`imported ${providers.length} credentials and ${cases.length} workflows (${elapsed(importStarted)})`);
	if (cases.some((c) => allNodes(c.workflow).some((node) => inlineSubWorkflow(node)))) {
		await startOnce(install, setupEnv, workDir, options.port);
		say(`n8n started once in the user folder, as any instance has been: roles and scopes in place (${elapsed(importStarted)})`);
	}
}
