/**
 * One memory scenario, in a fresh process (forked by scripts/bench/scenarios/memory.ts with
 * --expose-gc), through n8n-core's engine in filesystem binary mode, reporting the peak RSS this process added:
 * - `--scenario download`: `--files` results of `--bytes` each, by the real Wan Video node
 *   (`--impl package`) or the Gemini-style baseline (`--impl baseline`);
 * - `--scenario upload`: one video of `--bytes` from a binary field to EvoLink's file host, by the
 *   package's upload step (the nodes refuse videos over 100 MB before it) or a whole-buffer baseline.
 * The simulator serving or receiving the files runs in its own process.
 *
 * Peak = max(RSS sampled every 10 ms, the kernel's high-water mark VmHWM reset just before the run),
 * minus the RSS just before the run (after a warm-up run with small files and a full GC).
 */
import '../../test/harness/setup-env.js';

import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow, type RunResult } from '../../test/harness';
import { mp4Bytes } from '../../test/simulator/media';
import { GEMINI_LIKE_DOWNLOAD_TYPE, WAN_UPLOAD_STEP_TYPE, WHOLE_BUFFER_UPLOAD_TYPE } from './baselines';
import { startSimProcess, type SimProcess } from './simProcess';
import { NODE_NAME, baselineWorkflow, prompts, runOptions, wanVideoWorkflow } from './workflows';

export type MemoryScenario = 'download' | 'upload';

export interface MemoryResult {
	scenario: MemoryScenario;
	impl: 'package' | 'baseline';
	files: number;
	bytes: number;
	baselineRss: number;
	peakSampledRss: number;
	peakHwmRss?: number;
	addedBytes: number;
	/** process.memoryUsage() at the highest sampled RSS, minus the same figures just before the run. */
	atPeak: { heapTotal: number; external: number; arrayBuffers: number };
	samples: number;
	runMs: number;
	simulatorPid: number;
	error?: string;
}

function args(): { scenario: MemoryScenario; impl: 'package' | 'baseline'; files: number; bytes: number } {
	const argv = process.argv.slice(2);
	const get = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
	const impl = get('--impl');
	const scenario = get('--scenario') ?? 'download';
	if (impl !== 'package' && impl !== 'baseline') throw new Error('memory: --impl package|baseline');
	if (scenario !== 'download' && scenario !== 'upload') throw new Error('memory: --scenario download|upload');
	return { scenario, impl, files: Number(get('--files') ?? 1), bytes: Number(get('--bytes')) };
}

/** A video file of `bytes` on disk (the MP4 fixture, zero-padded), written once in 1 MiB chunks, and its SHA-256. */
function videoFile(bytes: number): { path: string; sha256: string } {
	const file = path.join(os.tmpdir(), `wan-bench-upload-${bytes}.mp4`);
	const hash = createHash('sha256');
	const head = mp4Bytes().subarray(0, bytes);
	const zeros = Buffer.alloc(1024 * 1024);
	const fd = existsSync(file) && statSync(file).size === bytes ? undefined : openSync(file, 'w');
	hash.update(head);
	if (fd !== undefined) writeSync(fd, head);
	for (let left = bytes - head.length; left > 0; left -= zeros.length) {
		const chunk = zeros.subarray(0, Math.min(left, zeros.length));
		hash.update(chunk);
		if (fd !== undefined) writeSync(fd, chunk);
	}
	if (fd !== undefined) closeSync(fd);
	return { path: file, sha256: hash.digest('hex') };
}

/** Uploads one file of `bytes` from a binary field, then checks the file host got exactly its bytes. */
async function uploadOnce(sim: SimProcess, impl: 'package' | 'baseline', bytes: number): Promise<RunResult> {
	const video = videoFile(bytes);
	const items = [{ prompt: 'He opens the box', $binary: { data: { path: video.path, mimeType: 'video/mp4', fileName: 'clip.mp4' } } }];
	await sim.setBehaviour({ durationMs: 100, outcome: 'success' });
	const workflow = baselineWorkflow(impl === 'package' ? WAN_UPLOAD_STEP_TYPE : WHOLE_BUFFER_UPLOAD_TYPE, {}, items);
	const result = await runWorkflow(workflow, runOptions(sim));
	const uploads = await sim.uploads();
	const received = uploads[uploads.length - 1];
	if (result.status === 'success' && (received?.bytes !== bytes || received.sha256 !== video.sha256)) {
		throw new Error(`the file host received ${received?.bytes ?? 0} bytes (sha256 ${received?.sha256 ?? '-'}), expected ${bytes} (${video.sha256})`);
	}
	return result;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function gc(): void {
	const collect = (globalThis as { gc?: () => void }).gc;
	collect?.();
	collect?.();
}

/** Resets the kernel's peak-RSS counter (Linux); false where not allowed. */
function resetHighWaterMark(): boolean {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

function highWaterMark(): number | undefined {
	try {
		const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
		return kb ? Number(kb) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** Finished EvoLink tasks at the simulator, created over plain HTTP: the baseline only downloads. */
async function resultUrls(sim: SimProcess, count: number): Promise<IDataObject[]> {
	const base = sim.baseUrl('evolink');
	const headers = { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' };
	const items: IDataObject[] = [];
	for (let i = 0; i < count; i++) {
		const submit = await fetch(`${base}/v1/videos/generations`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ model: 'wan2.5-text-to-video', prompt: `clip ${i}` }),
		});
		const { id } = (await submit.json()) as { id: string };
		const status = (await (await fetch(`${base}/v1/tasks/${id}`, { headers })).json()) as { results?: string[] };
		if (!status.results?.[0]) throw new Error(`memory: task ${id} has no result URL`);
		items.push({ url: status.results[0] });
	}
	return items;
}

async function downloadOnce(sim: SimProcess, impl: 'package' | 'baseline', files: number, bytes: number): Promise<RunResult> {
	const options = runOptions(sim);
	if (impl === 'package') {
		// The task finishes at once; EvoLink's estimated_time (1 s) sets the first poll.
		await sim.setBehaviour({ durationMs: 100, outcome: 'success', resultBytes: bytes });
		const workflow = wanVideoWorkflow({ returnAs: 'binary', options: { pollInterval: 0.2 } }, prompts(files));
		return await runWorkflow(workflow, options);
	}
	await sim.setBehaviour({ durationMs: 0, outcome: 'success', resultBytes: bytes });
	const items = await resultUrls(sim, files);
	return await runWorkflow(baselineWorkflow(GEMINI_LIKE_DOWNLOAD_TYPE, {}, items), options);
}

/** The run succeeded; for a download, every output file is on disk with the expected size. */
function checkOutput(scenario: MemoryScenario, result: RunResult, files: number, bytes: number): void {
	if (result.status !== 'success') {
		throw new Error(`run ended "${result.status}": ${result.error?.message ?? ''}`);
	}
	if (scenario === 'upload') return;
	const items = result.output(NODE_NAME);
	if (items.length !== files) throw new Error(`expected ${files} items, got ${items.length}`);
	const service = Container.get(BinaryDataService);
	for (const item of items) {
		const binary = item.binary?.data;
		if (!binary?.id) throw new Error('an item has no binary stored on disk');
		const size = statSync(service.getPath(binary.id)).size;
		if (size !== bytes) throw new Error(`a stored file has ${size} bytes, expected ${bytes}`);
	}
}

async function main(): Promise<MemoryResult> {
	const { scenario, impl, files, bytes } = args();
	const sim = await startSimProcess();
	const runOnce = (size: number) => (scenario === 'upload' ? uploadOnce(sim, impl, size) : downloadOnce(sim, impl, files, size));
	try {
		// Warm-up: loads every module and the engine's lazy parts, with 1 MiB files.
		checkOutput(scenario, await runOnce(1024 * 1024), files, 1024 * 1024);
		await sim.reset();
		gc();
		await sleep(200);
		gc();

		const hwmAvailable = resetHighWaterMark();
		const before = process.memoryUsage();
		const baselineRss = process.memoryUsage.rss();
		let peak = baselineRss;
		let atPeak = before;
		let samples = 0;
		const sampler = setInterval(() => {
			samples++;
			const usage = process.memoryUsage();
			if (usage.rss > peak) {
				peak = usage.rss;
				atPeak = usage;
			}
		}, 10);
		const started = performance.now();
		let result: RunResult;
		try {
			result = await runOnce(bytes);
		} finally {
			clearInterval(sampler);
		}
		const runMs = performance.now() - started;
		peak = Math.max(peak, process.memoryUsage.rss());
		const hwm = hwmAvailable ? highWaterMark() : undefined;
		checkOutput(scenario, result, files, bytes);
		const top = Math.max(peak, hwm ?? 0);
		return {
			scenario,
			impl,
			files,
			bytes,
			baselineRss,
			peakSampledRss: peak,
			peakHwmRss: hwm,
			addedBytes: top - baselineRss,
			atPeak: {
				heapTotal: atPeak.heapTotal - before.heapTotal,
				external: atPeak.external - before.external,
				arrayBuffers: atPeak.arrayBuffers - before.arrayBuffers,
			},
			samples,
			runMs,
			simulatorPid: sim.pid,
		};
	} finally {
		await sim.close();
	}
}

main().then(
	(result) => {
		process.send?.({ type: 'memory', result });
		if (!process.send) console.log(JSON.stringify(result, null, 2));
		process.exit(0);
	},
	(error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		process.send?.({ type: 'memory', error: message });
		console.error(error);
		process.exit(1);
	},
);
