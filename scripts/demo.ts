/**
 * `npm run demo`: the text-to-video and the image example run through this package, with n8n-core's
 * real workflow engine (test/harness), and the files written to demo-output/.
 *
 *   npm run demo                                  local provider simulator (no key, no internet), EvoLink
 *   WAN_PROVIDER=apixo npm run demo               the same against another simulated provider
 *   WAN_PROVIDER=evolink WAN_API_KEY=… npm run demo    the real provider (paid!), default base URL
 *   … WAN_BASE_URL=https://… WAN_REGION=cn        base URL override; Alibaba's region
 *   npm run demo -- --only video|image            one of the two examples
 *
 * What runs: each example's Wan node with its saved parameters (provider, credential and, where the
 * provider lacks the example's model, the model switched as the editor would), behind a start node,
 * in a workflow of its own. The harness has stand-ins for only a few n8n-nodes-base types, so the
 * examples' other nodes (Manual Trigger, Read/Write Files from Disk, No Operation) are not run here;
 * `npm run test:e2e` runs the whole examples in a real n8n. Against the simulator the poll interval is
 * 0.5 s (the examples keep n8n's defaults, 10 s for video, for real providers).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { IBinaryData, IDataObject, INode } from 'n8n-workflow';

import { startScriptedSimulator } from './e2e/simulator';
import {
	REPO_ROOT,
	credentialData,
	loadExample,
	nodeForProvider,
	packageProviders,
	wanNodes,
	type ProviderInfo,
} from './e2e/providers';

const OUTPUT_DIR = path.join(REPO_ROOT, 'demo-output');
const EXAMPLES = [
	{ kind: 'video', prefix: '01-', label: 'text to video' },
	{ kind: 'image', prefix: '03-', label: '4 images' },
] as const;

interface Row {
	example: string;
	provider: string;
	model: string;
	taskId: string;
	status: string;
	file: string;
	size: string;
	seconds: string;
}

function fail(message: string): never {
	console.error(`demo: ${message}`);
	process.exit(1);
}

function argument(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function printTable(rows: Row[]): void {
	const headers: Record<keyof Row, string> = {
		example: 'example',
		provider: 'provider',
		model: 'model',
		taskId: 'task id',
		status: 'status',
		file: 'file',
		size: 'size',
		seconds: 'seconds',
	};
	const keys = Object.keys(headers) as (keyof Row)[];
	const widths = keys.map((key) => Math.max(headers[key].length, ...rows.map((row) => row[key].length)));
	const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
	console.log(line(keys.map((key) => headers[key])));
	console.log(line(widths.map((width) => '-'.repeat(width))));
	for (const row of rows) console.log(line(keys.map((key) => row[key])));
}

async function main(): Promise<void> {
	const started = performance.now();
	const apiKey = process.env.WAN_API_KEY?.trim();
	const providerId = process.env.WAN_PROVIDER?.trim() || 'evolink';
	const real = Boolean(apiKey);
	if (real && !process.env.WAN_PROVIDER) fail('WAN_API_KEY is set but WAN_PROVIDER is not: say which provider the key is for');
	const only = argument('only');
	if (only !== undefined && only !== 'video' && only !== 'image') fail(`--only takes video or image, not "${only}"`);

	// n8n-core reads its configuration (user folder, binary data mode, log level) when first loaded:
	// the engine tests' environment setup, then the harness.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require('../test/harness/setup-env.js');
	if (process.env.WAN_DEMO_DEBUG) process.env.N8N_LOG_LEVEL = 'debug';
	const harness = await import('../test/harness');

	const provider = packageProviders().find((p) => p.id === providerId);
	if (!provider) {
		fail(`unknown WAN_PROVIDER "${providerId}". This package has: ${packageProviders().map((p) => p.id).join(', ')}`);
	}

	let baseUrl = process.env.WAN_BASE_URL?.trim() || undefined;
	let key = apiKey ?? '';
	let closeSimulator: (() => Promise<void>) | undefined;
	let simulatorFields: Record<string, string> | undefined;
	if (!real) {
		const { sim, info } = await startScriptedSimulator({ durationMs: 800 });
		closeSimulator = () => sim.close();
		const simUrl = info.baseUrls[provider.id];
		if (!simUrl) fail(`the simulator has no ${provider.id} provider yet (test/simulator/providers/)`);
		baseUrl = simUrl;
		key = info.apiKey;
		simulatorFields = info.credentialFields[provider.id];
	}
	const credentials = credentialData(provider, key, baseUrl, simulatorFields);
	if (real && process.env.WAN_REGION && 'region' in credentials) credentials.region = process.env.WAN_REGION;
	if (!credentials.baseUrl && provider.id === 'gateway') fail('the gateway has no default base URL: set WAN_BASE_URL');

	console.log(
		real
			? `Wan demo against ${provider.displayName} at ${String(credentials.baseUrl || "the credential's default URL")} with WAN_API_KEY: real tasks, billed by the provider.`
			: `Wan demo against the local ${provider.displayName} simulator at ${baseUrl} (no key, no internet).`,
	);

	fs.rmSync(OUTPUT_DIR, { recursive: true, force: true });
	fs.mkdirSync(OUTPUT_DIR, { recursive: true });

	const rows: Row[] = [];
	let failures = 0;
	for (const example of EXAMPLES) {
		if (only && only !== example.kind) continue;
		const { file, workflow } = loadExample(example.prefix);
		if (!provider.kinds.includes(example.kind)) {
			console.log(`(${file}: ${provider.displayName} makes no ${example.kind}s, skipped)`);
			continue;
		}
		const node: INode = nodeForProvider(wanNodes(workflow)[0], provider as ProviderInfo);
		const parameters = { ...node.parameters } as IDataObject;
		if (!real) {
			const options = { ...((parameters.options as IDataObject | undefined) ?? {}) };
			options.pollInterval ??= 0.5;
			parameters.options = options;
		}
		const runStarted = performance.now();
		const result = await harness.runWorkflow(
			harness.singleNodeWorkflow({
				type: node.type,
				typeVersion: node.typeVersion,
				name: node.name,
				parameters: parameters as INode['parameters'],
				credentials: node.credentials,
			}),
			{ credentials: { [provider.credentialType]: credentials } },
		);
		const seconds = ((performance.now() - runStarted) / 1000).toFixed(1);
		if (result.status !== 'success') {
			failures++;
			const error = result.nodeError(node.name) ?? result.error;
			console.error(`\n${file} (${node.name}) failed: ${error?.message ?? result.status}`);
			if (error?.description) console.error(String(error.description));
			rows.push({ example: example.label, provider: provider.id, model: String(parameters.model), taskId: '-', status: 'error', file: '-', size: '-', seconds });
			continue;
		}
		for (const item of result.output(node.name)) {
			const json = item.json;
			const binary: IBinaryData | undefined = item.binary?.data;
			let fileCell = '-';
			let size = '-';
			if (binary) {
				const bytes = await harness.readBinary(binary);
				const target = path.join(OUTPUT_DIR, binary.fileName ?? `${String(json.taskId)}-${String(json.index)}`);
				fs.writeFileSync(target, bytes);
				fileCell = path.relative(REPO_ROOT, target);
				size = formatBytes(bytes.length);
			}
			rows.push({
				example: example.label,
				provider: String(json.provider),
				model: String(json.model),
				taskId: String(json.taskId),
				status: String(json.status),
				file: fileCell,
				size,
				seconds: typeof json.elapsedMs === 'number' ? (json.elapsedMs / 1000).toFixed(1) : seconds,
			});
		}
	}

	await closeSimulator?.();
	console.log('');
	printTable(rows);
	console.log(`\n${rows.filter((row) => row.file !== '-').length} files in demo-output/, ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
	if (failures > 0) process.exit(1);
	// n8n-core leaves timers behind (config watchers, binary data cleanup); the demo is done.
	process.exit(0);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? (error.stack ?? error.message) : error);
	process.exit(1);
});
