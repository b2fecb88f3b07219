/**
 * Copies the non-TypeScript assets n8n loads at run time into dist/, keeping their relative paths:
 *   icons/**\/*.svg                      -> dist/icons/          (nodes use file:../../icons/wan.svg)
 *   nodes/**\/*.{svg,png}, *.node.json  -> dist/nodes/…         (node icons and codex files)
 *   credentials/**\/*.{svg,png}          -> dist/credentials/…
 * `encoding: false` keeps PNGs byte-exact (gulp 5 decodes files as UTF-8 by default).
 */
const { src, dest, parallel } = require('gulp');

function copy(globs, base, out) {
	const task = () => src(globs, { base, encoding: false, allowEmpty: true }).pipe(dest(out));
	return task;
}

const icons = copy(['icons/**/*.svg', 'icons/**/*.png'], 'icons', 'dist/icons');
icons.displayName = 'build:assets:icons';

const nodes = copy(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json'], 'nodes', 'dist/nodes');
nodes.displayName = 'build:assets:nodes';

const credentials = copy(['credentials/**/*.{svg,png}'], 'credentials', 'dist/credentials');
credentials.displayName = 'build:assets:credentials';

exports['build:assets'] = parallel(icons, nodes, credentials);
