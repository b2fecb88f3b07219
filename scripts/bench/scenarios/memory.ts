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

/** One memory row: what is measured, in which scenario, beside which baseline, and whether it has a target. */
interface MemoryCase {
	label: string;
	/** The row's words after the label: the operation and the binary mode. */
	what: string;
	scenario: MemoryScenario;
	files: number;
	bytes: number;
	baseline: string;
	targeted: boolean;
}

/** The downloads, then a 256 MiB video from a binary field to EvoLink's file host, streamed, beside a whole-buffer upload. */
const CASES: MemoryCase[] = [
	...MEMORY_CASES.map((c) => ({ label: c.label, what: 'download', scenario: 'download' as const, files: c.files, bytes: c.bytes, baseline: 'Gemini-style', targeted: c.key === 'one' })),
	{ label: `1 × ${mib(UPLOAD_BYTES).replace('.0 ', ' ')} video upload from a binary field`, what: '', scenario: 'upload', files: 1, bytes: UPLOAD_BYTES, baseline: 'whole buffer', targeted: true },
];

export async function memoryScenarios(report: Report): Promise<void> {
	for (const memoryCase of CASES) await memoryScenario(report, memoryCase);
}

async function memoryRun(impl: 'package' | 'baseline', files: number, bytes: number, scenario: MemoryScenario): Promise<MemoryResult> {
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

async function memoryScenario(report: Report, memoryCase: MemoryCase): Promise<void> {
	const { label, scenario: kind, files, bytes, baseline, targeted } = memoryCase;
	const scenario = `Peak RSS added, ${label}${memoryCase.what ? ` ${memoryCase.what}` : ''} (filesystem binary mode)`;
	const target = targeted ? `≤ ${mib(TARGET_ADDED_RSS)}` : '—';
	let ours: MemoryResult;
	let base: MemoryResult;
	try {
		process.stderr.write(`bench: memory, ${label}, this package …\n`);
		ours = await memoryRun('package', files, bytes, kind);
		process.stderr.write(`bench: memory, ${label}, ${baseline} baseline …\n`);
		base = await memoryRun('baseline', files, bytes, kind);
	} catch (error) {
		report.fail(scenario, target, error);
		return;
	}
	report.add({
		scenario,
		ours: mib(ours.addedBytes),
		baseline: `${mib(base.addedBytes)} (${baseline})`,
		ratio: ratio(ours.addedBytes, base.addedBytes),
		target,
		verdict: targeted ? verdict(ours.addedBytes <= TARGET_ADDED_RSS) : '—',
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
