/** Jest runs the compiled tests in .build so that tests exercise exactly what tsc emits. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/.build/test'],
	testMatch: ['**/*.test.js'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 30000,
	maxWorkers: 2,
};
