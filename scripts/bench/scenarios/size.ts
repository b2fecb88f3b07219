/** Cold require() of the built nodes (fresh `node` process, median of 5) and the packed tarball size. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

import { median, millis } from '../format';
import { verdict, type Report } from '../report';
import { REQUIRE_RUNS, TARGET_TARBALL_BYTES } from '../settings';
import { REPO_ROOT } from '../simProcess';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const BUILT_NODES = ['dist/nodes/WanVideo/WanVideo.node.js', 'dist/nodes/WanImage/WanImage.node.js'];

export function sizeScenarios(report: Report): void {
	const ensureBuild = buildChecker(report);
	coldRequire(report, ensureBuild);
	tarballSize(report, ensureBuild);
}

/** Newest modification time of the package's TypeScript sources (nodes/, credentials/). */
function newestSourceMs(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(full));
		else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
	}
	return newest;
}

/** Builds dist/ when it is missing; notes once when it is older than the sources. */
function buildChecker(report: Report): () => void {
	let staleChecked = false;
	return () => {
		if (BUILT_NODES.every((file) => existsSync(path.join(REPO_ROOT, file)))) {
			if (!staleChecked) {
				staleChecked = true;
				const built = Math.min(...BUILT_NODES.map((file) => statSync(path.join(REPO_ROOT, file)).mtimeMs));
				const sources = Math.max(...['nodes', 'credentials'].map((dir) => newestSourceMs(path.join(REPO_ROOT, dir))));
				if (sources > built) {
					report.note('dist/ is older than the sources: the require time and tarball size are of the old build (run `npm run build` first).');
				}
			}
			return;
		}
		process.stderr.write('bench: dist/ is missing, running npm run build …\n');
		const build = spawnSync(NPM, ['run', '--silent', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
		if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status}): ${build.stderr || build.stdout}`);
	};
}

function coldRequire(report: Report, ensureBuild: () => void): void {
	const scenario = `Cold require() of the built nodes (WanVideo + WanImage), median of ${REQUIRE_RUNS}`;
	try {
		ensureBuild();
		const files = BUILT_NODES.map((file) => path.join(REPO_ROOT, file));
		// Times n8n-workflow (which n8n itself has loaded long before any community node) and the
		// package's own modules separately; the figure is their sum, a fully cold require.
		const script =
			`const { performance } = require('node:perf_hooks'); const t0 = performance.now();` +
			`require('n8n-workflow'); const t1 = performance.now();` +
			`for (const f of ${JSON.stringify(files)}) require(f);` +
			`process.stdout.write(JSON.stringify([t1 - t0, performance.now() - t1]));`;
		const runs: { workflow: number; own: number; total: number }[] = [];
		for (let i = 0; i < REQUIRE_RUNS; i++) {
			const child = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
			if (child.status !== 0) throw new Error(`require failed: ${child.stderr}`);
			const [workflow, own] = JSON.parse(child.stdout) as [number, number];
			runs.push({ workflow, own, total: workflow + own });
		}
		const total = median(runs.map((run) => run.total));
		const own = median(runs.map((run) => run.own));
		report.add({
			scenario,
			ours: `${millis(total)} (own modules ${millis(own)})`,
			baseline: '—',
			ratio: '—',
			target: '—',
			verdict: '—',
		});
		report.note(
			`Cold require() runs (fresh \`node\` process each, startup excluded), n8n-workflow + own modules: ` +
				`${runs.map((run) => `${millis(run.workflow)} + ${millis(run.own)}`).join(', ')}.`,
		);
	} catch (error) {
		report.fail(scenario, '—', error);
	}
}

function tarballSize(report: Report, ensureBuild: () => void): void {
	const scenario = 'Packed tarball size (npm pack)';
	const target = `≤ ${TARGET_TARBALL_BYTES / 1000} kB`;
	try {
		ensureBuild();
		const pack = spawnSync(NPM, ['pack', '--dry-run', '--json'], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
			env: { ...process.env, npm_config_ignore_scripts: 'true' },
		});
		if (pack.status !== 0) throw new Error(`npm pack failed (exit ${pack.status}): ${pack.stderr}`);
		const info = (JSON.parse(pack.stdout) as { size: number; unpackedSize: number; entryCount: number }[])[0];
		report.add({
			scenario,
			ours: `${(info.size / 1000).toFixed(1)} kB`,
			baseline: '—',
			ratio: '—',
			target,
			verdict: verdict(info.size <= TARGET_TARBALL_BYTES),
		});
		report.note(`Tarball: ${info.size} bytes packed, ${info.unpackedSize} unpacked, ${info.entryCount} files.`);
	} catch (error) {
		report.fail(scenario, target, error);
	}
}
