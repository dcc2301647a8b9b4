// Run by .github/workflows/publish.yml before `npm publish`: the pushed tag must name the version in
// package.json, and CHANGELOG.md must date that version's section, so what reaches npm is what the
// changelog says was released.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const tag = process.env.GITHUB_REF_NAME ?? '';
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
const problems = [];
if (tag !== `v${version}`) problems.push(`tag "${tag}" does not match package.json version ${version} (expected v${version})`);
if (!new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
	problems.push(`CHANGELOG.md has no dated "## [${version}] - YYYY-MM-DD" section`);
}
if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`releasing ${version}`);
