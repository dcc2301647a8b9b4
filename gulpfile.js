/**
 * Copies what tsc does not emit into dist/: the themed SVG icons and each node's codex
 * (.node.json) file, keeping their paths relative to the compiled sources.
 */
const { src, dest, parallel } = require('gulp');

function icons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function codex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:assets'] = parallel(icons, codex);
