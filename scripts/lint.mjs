#!/usr/bin/env node
/**
 * `npm run lint`: n8n's official community package scan, run locally, plus n8n-node's ESLint config.
 *
 * Legs (all run; the exit code is 1 if any of them fails, and the summary names the failed ones):
 *   scan:source   @n8n/scan-community-package's own `analyzePackage(root, SOURCE_FILE_PATTERNS)`:
 *                 package.json and {nodes,credentials}/**\/*.{js,ts,json}, exactly the scan's rules.
 *   eslint        ESLint with @n8n/node-cli's flat config (eslint.config.mjs) over nodes/,
 *                 credentials/ and package.json, i.e. what `n8n-node lint` enforces (newer plugin).
 *   build         `npm run build` (clean dist/, tsc, gulp build:assets), started in the background
 *                 at once so it overlaps the two legs above. `--skip-build` reuses an existing dist/.
 *   scan:tarball  `npm pack` into a temp dir, extract it, and run `analyzePackage(dir,
 *                 ['**\/*.js', 'package.json'])` like the scan's tarball leg (analyzePackageByName).
 *                 Also checks (ours, not the scan's) that every n8n.nodes / n8n.credentials path is in
 *                 the tarball and that it holds nothing besides dist/, package.json, README.md, LICENSE.
 *
 * Why lint builds: `npm test` is `npm run lint && npm run build && …`, so dist/ may be missing or stale
 * when lint runs; scanning a stale tarball would be a false pass. Building here costs one extra tsc run
 * (the later `npm run build` repeats it) and guarantees the tarball scanned is what `npm publish` ships.
 *
 * Usage: node scripts/lint.mjs [--skip-build]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const skipBuild = args.has('--skip-build');
for (const arg of args) {
	if (arg !== '--skip-build') {
		console.error(`lint: unknown argument ${arg} (usage: node scripts/lint.mjs [--skip-build])`);
		process.exit(2);
	}
}

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = paint('1');
const red = paint('31');
const green = paint('32');
const yellow = paint('33');
const dim = paint('2');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** @type {{ name: string, passed: boolean, summary: string }[]} */
const results = [];

function header(name, what) {
	console.log(`\n${bold(`▶ ${name}`)} ${dim(`— ${what}`)}`);
}

function report(name, passed, summary, details) {
	if (details && details.trim()) console.log(details.replace(/\s+$/, ''));
	console.log(passed ? green(`✔ ${name}: ${summary}`) : red(`✘ ${name} FAILED: ${summary}`));
	results.push({ name, passed, summary });
}

// One private temp dir for everything (the scanner's module-level tmp dir included), removed at exit.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-lint-'));
const cleanUp = () => fs.rmSync(workDir, { recursive: true, force: true });
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		cleanUp();
		process.exit(130);
	});
}

// ---------------------------------------------------------------------------------------------------
// Background build, started first so that tsc overlaps the in-process ESLint legs (2+ cores).
// ---------------------------------------------------------------------------------------------------
function startBuild() {
	return new Promise((resolve) => {
		const t0 = Date.now();
		const child = spawn(npm, ['run', '--silent', 'build'], {
			cwd: root,
			env: { ...process.env, FORCE_COLOR: useColor ? '1' : '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n`, ms: Date.now() - t0 }));
		child.on('close', (code) => resolve({ code: code ?? 1, output, ms: Date.now() - t0 }));
	});
}
const buildPromise = skipBuild ? null : startBuild();

// ---------------------------------------------------------------------------------------------------
// The official scanner module, loaded from node_modules with its own dependency tree.
// ---------------------------------------------------------------------------------------------------
const scannerPath = path.join(root, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs');
if (!fs.existsSync(scannerPath)) {
	console.error(red(`lint: ${path.relative(root, scannerPath)} not found; run npm install first.`));
	process.exit(1);
}
// scanner.mjs creates a tmp dir at import time (os.tmpdir()); point it into workDir so it is removed.
const savedTmp = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
process.env.TMPDIR = process.env.TMP = process.env.TEMP = workDir;
const scanner = await import(pathToFileURL(scannerPath).href);
for (const [key, value] of Object.entries(savedTmp)) {
	if (value === undefined) delete process.env[key];
	else process.env[key] = value;
}
const { analyzePackage, SOURCE_FILE_PATTERNS } = scanner;
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];
const scannerRequire = createRequire(scannerPath);
const glob = scannerRequire('fast-glob');
const scannerVersion = JSON.parse(
	fs.readFileSync(path.join(root, 'node_modules/@n8n/scan-community-package/package.json'), 'utf8'),
).version;

/** Runs the scanner's analyzePackage and reports it as one leg. */
async function scanLeg(name, dir, patterns, label) {
	const t0 = Date.now();
	// Same glob call analyzePackage makes, only to say how many files were checked.
	const files = glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] });
	const result = await analyzePackage(dir, patterns);
	const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
	if (result.passed) {
		report(name, true, `${count} clean (${seconds(Date.now() - t0)})`);
	} else {
		// The scanner prints absolute paths; show a temp dir as a short label instead.
		const details = label ? result.details?.split(`${dir}${path.sep}`).join(`${label}/`) : result.details;
		report(name, false, `${result.message ?? 'scan failed'} in ${count}`, details);
	}
	return result.passed;
}

// ---------------------------------------------------------------------------------------------------
// Leg 1: the scan on the source tree.
// ---------------------------------------------------------------------------------------------------
header(
	'scan:source',
	`@n8n/scan-community-package ${scannerVersion} rules on ${SOURCE_FILE_PATTERNS.join(', ')}`,
);
await scanLeg('scan:source', root, SOURCE_FILE_PATTERNS);

// ---------------------------------------------------------------------------------------------------
// Leg 2: ESLint with @n8n/node-cli's config (eslint.config.mjs).
// ---------------------------------------------------------------------------------------------------
header('eslint', '@n8n/node-cli/eslint config (eslint.config.mjs) on nodes/, credentials/, package.json');
{
	const t0 = Date.now();
	const { ESLint } = await import(pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('eslint')).href);
	const targets = ['nodes', 'credentials', 'package.json'].filter((p) => fs.existsSync(path.join(root, p)));
	try {
		const eslint = new ESLint({ cwd: root, errorOnUnmatchedPattern: false });
		const lintResults = await eslint.lintFiles(targets);
		const errors = lintResults.reduce((n, r) => n + r.errorCount + r.fatalErrorCount, 0);
		const warnings = lintResults.reduce((n, r) => n + r.warningCount, 0);
		const formatted = await (await eslint.loadFormatter('stylish')).format(lintResults);
		const cloudRules = new Set([
			'@n8n/community-nodes/no-restricted-globals',
			'@n8n/community-nodes/no-restricted-imports',
		]);
		const cloudIssue = lintResults.some((r) => r.messages.some((m) => m.severity === 2 && cloudRules.has(m.ruleId)));
		const count = `${lintResults.length} files`;
		const tally = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
		let details = formatted;
		if (cloudIssue) details += `\n${yellow('n8n Cloud compatibility issues detected (restricted globals or imports).')}`;
		if (lintResults.length === 0) report('eslint', false, 'no files were linted', details);
		else if (errors > 0) report('eslint', false, `${tally} in ${count}`, details);
		else report('eslint', true, `${count}, ${tally} (${seconds(Date.now() - t0)})`, details);
	} catch (error) {
		report('eslint', false, `ESLint could not run: ${error.message}`, error.stack);
	}
}

// ---------------------------------------------------------------------------------------------------
// Leg 3: build (background) and Leg 4: the scan on the packed tarball.
// ---------------------------------------------------------------------------------------------------
let haveBuild = true;
if (buildPromise) {
	header('build', 'npm run build (clean dist/, tsc, gulp build:assets)');
	const build = await buildPromise;
	if (build.code === 0) {
		report('build', true, `dist/ rebuilt (${seconds(build.ms)})`);
	} else {
		report('build', false, `npm run build exited with code ${build.code}`, build.output);
		haveBuild = false;
	}
} else if (!fs.existsSync(path.join(root, 'dist'))) {
	header('build', '--skip-build given');
	report('build', false, 'dist/ does not exist; run npm run build or drop --skip-build');
	haveBuild = false;
}

header('scan:tarball', `npm pack, then the scan's tarball leg on ${TARBALL_FILE_PATTERNS.join(', ')}`);
if (!haveBuild) {
	report('scan:tarball', false, 'skipped: no usable build');
} else {
	const packDir = path.join(workDir, 'pack');
	const extractDir = path.join(workDir, 'package');
	fs.mkdirSync(packDir);
	fs.mkdirSync(extractDir);
	const pack = spawnSync(npm, ['pack', '--json', '--pack-destination', packDir], {
		cwd: root,
		encoding: 'utf8',
		// lifecycle scripts stay off (.npmrc ignore-scripts=true): the scan forbids them anyway
		env: { ...process.env, npm_config_ignore_scripts: 'true' },
	});
	let packInfo;
	try {
		packInfo = JSON.parse(pack.stdout)[0];
	} catch {
		packInfo = undefined;
	}
	if (pack.status !== 0 || !packInfo) {
		report('scan:tarball', false, `npm pack failed (exit ${pack.status})`, `${pack.stdout}\n${pack.stderr}`);
	} else {
		const tarball = path.join(packDir, packInfo.filename);
		const tar = spawnSync('tar', ['-xzf', tarball, '-C', extractDir, '--strip-components=1'], {
			encoding: 'utf8',
		});
		if (tar.status !== 0) {
			report('scan:tarball', false, 'could not extract the tarball', tar.stderr);
		} else {
			const files = packInfo.files.map((f) => f.path);
			const kb = (packInfo.size / 1024).toFixed(1);
			console.log(dim(`${packInfo.filename}: ${files.length} files, ${kb} kB packed`));
			await scanLeg('scan:tarball', extractDir, TARBALL_FILE_PATTERNS, `<${packInfo.filename}>`);

			// Our own completeness checks on the same tarball.
			const problems = [];
			const notes = [];
			const pkg = JSON.parse(fs.readFileSync(path.join(extractDir, 'package.json'), 'utf8'));
			for (const key of ['nodes', 'credentials']) {
				for (const entry of pkg.n8n?.[key] ?? []) {
					if (!files.includes(entry)) problems.push(`n8n.${key} lists ${entry}, which is not in the tarball`);
				}
			}
			// The scan's icon rule only sees .ts sources: check that every `file:` icon the compiled nodes and
			// credentials point at was copied into the tarball (gulp build:assets), or n8n shows a broken icon.
			for (const jsFile of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
				if (!files.includes(jsFile)) continue;
				const code = fs.readFileSync(path.join(extractDir, jsFile), 'utf8');
				for (const [, ref] of code.matchAll(/['"`]file:([^'"`]+)['"`]/g)) {
					const target = path.posix.normalize(path.posix.join(path.posix.dirname(jsFile), ref));
					if (!files.includes(target)) problems.push(`${jsFile} uses icon file:${ref}, but ${target} is not in the tarball`);
				}
			}
			for (const nodeFile of pkg.n8n?.nodes ?? []) {
				const codex = nodeFile.replace(/\.js$/, '.json');
				if (!files.includes(codex)) notes.push(`no codex file ${codex} beside ${nodeFile}`);
			}
			const allowed = (f) => f.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE'].includes(f);
			for (const f of files.filter((f) => !allowed(f))) problems.push(`unexpected file in the tarball: ${f}`);
			for (const f of ['README.md', 'LICENSE']) if (!files.includes(f)) notes.push(`${f} is missing from the tarball`);
			const detail = [
				...problems.map((p) => red(`  error    ${p}`)),
				...notes.map((n) => yellow(`  warning  ${n}`)),
			].join('\n');
			if (problems.length > 0) {
				report('tarball:contents', false, `${problems.length} problem(s)`, detail);
			} else {
				report('tarball:contents', true, `n8n paths present, only dist/ + package files${notes.length ? `, ${notes.length} warning(s)` : ''}`, detail);
			}
		}
	}
}

// ---------------------------------------------------------------------------------------------------
const failed = results.filter((r) => !r.passed).map((r) => r.name);
console.log('');
if (failed.length === 0) {
	console.log(bold(green(`lint passed: ${results.map((r) => r.name).join(', ')} (${seconds(Date.now() - started)})`)));
	process.exit(0);
} else {
	console.log(bold(red(`lint FAILED in: ${failed.join(', ')} (${seconds(Date.now() - started)})`)));
	process.exit(1);
}
