/**
 * Peak RSS added while downloading 1 × 512 MiB and 4 × 128 MiB in filesystem binary mode; each case in a
 * fresh process (scripts/bench/memory.ts), the simulator in another one. Baseline: a node downloading as
 * Gemini's video node does (arraybuffer → Buffer → prepareBinaryData). And while uploading a 256 MiB video
 * from a binary field to EvoLink's file host (the package's upload step); baseline: the whole file from
 * getBinaryDataBuffer in a Blob in FormData.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';

import { mib, ratio, seconds, signed } from '../format';
import type { MemoryResult, MemoryScenario } from '../memory';
import { verdict, type Report } from '../report';
import { MEMORY_CASES, TARGET_ADDED_RSS, UPLOAD_BYTES } from '../settings';
import { REPO_ROOT } from '../simProcess';

export async function memoryScenarios(report: Report): Promise<void> {
	await downloadScenarios(report);
	await uploadScenario(report);
}

async function memoryRun(impl: 'package' | 'baseline', files: number, bytes: number, scenario: MemoryScenario = 'download'): Promise<MemoryResult> {
	const args = ['--scenario', scenario, '--impl', impl, '--files', String(files), '--bytes', String(bytes)];
	const child = fork(path.join(__dirname, '..', 'memory.ts'), args, {
		cwd: REPO_ROOT,
		execArgv: ['--expose-gc', '--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	return await new Promise<MemoryResult>((resolve, reject) => {
		let answer: { result?: MemoryResult; error?: string } | undefined;
		const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
		child.on('message', (message: { type: string; result?: MemoryResult; error?: string }) => {
			if (message.type === 'memory') answer = message;
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			if (answer?.result) resolve(answer.result);
			else reject(new Error(answer?.error ?? `memory process ended (code ${code}, signal ${signal}) without a result`));
		});
	});
}

async function downloadScenarios(report: Report): Promise<void> {
	for (const memoryCase of MEMORY_CASES) {
		const scenario = `Peak RSS added, ${memoryCase.label} download (filesystem binary mode)`;
		const isTargeted = memoryCase.key === 'one';
		const target = isTargeted ? `≤ ${mib(TARGET_ADDED_RSS)}` : '—';
		let ours: MemoryResult;
		let base: MemoryResult;
		try {
			process.stderr.write(`bench: memory, ${memoryCase.label}, this package …\n`);
			ours = await memoryRun('package', memoryCase.files, memoryCase.bytes);
			process.stderr.write(`bench: memory, ${memoryCase.label}, Gemini-style baseline …\n`);
			base = await memoryRun('baseline', memoryCase.files, memoryCase.bytes);
		} catch (error) {
			report.fail(scenario, target, error);
			continue;
		}
		report.add({
			scenario,
			ours: mib(ours.addedBytes),
			baseline: `${mib(base.addedBytes)} (Gemini-style)`,
			ratio: ratio(ours.addedBytes, base.addedBytes),
			target,
			verdict: isTargeted ? verdict(ours.addedBytes <= TARGET_ADDED_RSS) : '—',
		});
		memoryNotes(report, memoryCase.label, ours, base);
	}
}

/** A 256 MiB video from a binary field to EvoLink's file host, streamed, beside a whole-buffer upload. */
async function uploadScenario(report: Report): Promise<void> {
	const label = `1 × ${mib(UPLOAD_BYTES).replace('.0 ', ' ')} video upload from a binary field`;
	const scenario = `Peak RSS added, ${label} (filesystem binary mode)`;
	const target = `≤ ${mib(TARGET_ADDED_RSS)}`;
	let ours: MemoryResult;
	let base: MemoryResult;
	try {
		process.stderr.write(`bench: memory, ${label}, this package …\n`);
		ours = await memoryRun('package', 1, UPLOAD_BYTES, 'upload');
		process.stderr.write(`bench: memory, ${label}, whole-buffer baseline …\n`);
		base = await memoryRun('baseline', 1, UPLOAD_BYTES, 'upload');
	} catch (error) {
		report.fail(scenario, target, error);
		return;
	}
	report.add({
		scenario,
		ours: mib(ours.addedBytes),
		baseline: `${mib(base.addedBytes)} (whole buffer)`,
		ratio: ratio(ours.addedBytes, base.addedBytes),
		target,
		verdict: verdict(ours.addedBytes <= TARGET_ADDED_RSS),
	});
	memoryNotes(report, label, ours, base);
}

function memoryNotes(report: Report, label: string, ours: MemoryResult, base: MemoryResult): void {
	for (const [name, m] of [
		['this package', ours],
		['baseline', base],
	] as const) {
		const hwm = m.peakHwmRss === undefined ? 'VmHWM n/a' : `VmHWM ${mib(m.peakHwmRss)}`;
		report.note(
			`Memory ${label}, ${name}: RSS before ${mib(m.baselineRss)}, peak sampled ${mib(m.peakSampledRss)} ` +
				`(${m.samples} samples), ${hwm}; at the peak, V8 heap ${signed(m.atPeak.heapTotal)}, ` +
				`external ${signed(m.atPeak.external)} (ArrayBuffers ${signed(m.atPeak.arrayBuffers)}); run ${seconds(m.runMs)}.`,
		);
	}
}
