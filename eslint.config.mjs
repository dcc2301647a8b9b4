import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{ ignores: ['.build/**', '.tmp/**', 'n8n-host/**', 'n8n-compat/**', 'node_modules/**', 'sandbox/**', 'test/**', 'bench/**', 'scripts/**', 'gulpfile.js', 'jest.config.js', 'examples/**'] },
];
