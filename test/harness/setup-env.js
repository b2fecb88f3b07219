/**
 * Jest `setupFiles` entry of the `engine` project. Runs before each engine test file is loaded, so
 * before n8n-core reads its configuration (InstanceSettings, BinaryDataConfig, StorageConfig...).
 *
 * Plain JS on purpose: the community lint rules forbid `process.env` in `.ts` files.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// A fresh n8n user folder per test file: InstanceSettings writes `.n8n/config` (encryption key)
// there, and filesystem binary data goes to `.n8n/storage/...` under it.
const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-wan-engine-'));
process.env.N8N_USER_FOLDER = userFolder;

process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_RUNNERS_ENABLED = 'false';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_VERSION_NOTIFICATIONS_ENABLED = 'false';
process.env.N8N_TEMPLATES_ENABLED = 'false';
process.env.N8N_SSRF_PROTECTION_ENABLED = 'false'; // tests talk to simulators on 127.0.0.1
process.env.N8N_EXPRESSION_ENGINE = 'legacy';
// n8n's ErrorReporter logs every node error with its stack; tests read errors from RunResult instead.
// Run with N8N_LOG_LEVEL=debug to see the engine's logs.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
process.env.EXECUTIONS_MODE = 'regular'; // queue mode would switch binary data to `database`
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
// A fixed key keeps InstanceSettings from logging "No encryption key found - Auto-generating".
process.env.N8N_ENCRYPTION_KEY = 'n8n-nodes-wan-engine-tests';
process.env.GENERIC_TIMEZONE = process.env.GENERIC_TIMEZONE || 'UTC';

// Nothing from the outer environment may redirect where the engine stores things.
for (const name of [
	'N8N_STORAGE_PATH',
	'N8N_BINARY_DATA_STORAGE_PATH',
	'N8N_MIGRATE_FS_STORAGE_PATH',
	'N8N_CONFIG_FILES',
]) {
	delete process.env[name];
}

// Requests to the local simulators must never go through a proxy from the environment.
for (const name of ['NO_PROXY', 'no_proxy']) {
	const current = process.env[name];
	process.env[name] = current ? `${current},127.0.0.1,localhost,::1` : '127.0.0.1,localhost,::1';
}

// Best-effort cleanup of the temp folder when the worker exits.
process.once('exit', () => {
	try {
		fs.rmSync(userFolder, { recursive: true, force: true });
	} catch {
		// ignore
	}
});
