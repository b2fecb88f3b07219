// The @n8n/node-cli template (`import { config } from '@n8n/node-cli/eslint'; export default config;`)
// plus global ignores: only the shipped sources (nodes/, credentials/) and package.json are held to the
// n8n Cloud rules. Tests, scripts, examples and root-level JS config files legitimately use process,
// setTimeout and node:* imports and never reach the published package.
import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

export default [
	globalIgnores([
		'dist/',
		'node_modules/',
		'test/',
		'scripts/',
		'examples/',
		'coverage/',
		'demo-output/',
		'.n8n-test/',
		'*.{js,cjs,mjs}',
	]),
	...config,
];
