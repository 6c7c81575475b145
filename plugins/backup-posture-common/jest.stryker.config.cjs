// The jest config StrykerJS runs the tests with (stryker.config.mjs `jest.configFile`): the
// Backstage CLI's own config, re-exported. It must not be named jest.config.js, or the Backstage
// CLI would take it as this package's jest config instead of its built-in defaults.
//
// Overrides. The engine is DOM-free, so its tests run in the plain node environment instead
// of jsdom (the package's role, common-library, defaults to jsdom). Setting up jsdom for every
// test file is about a third of what one mutant's test run costs.
//
// And the fast-check properties (reachability.property.test.ts) run 20 estates instead of
// 100–150: they reach nearly every engine mutant, and at full size they were most of the run.
// And each mutant's run loads only the test files that hold its covering tests
// (stryker.jest-sequencer.cjs).
process.env.BACKUP_POSTURE_PROPERTY_RUNS ??= '20';
module.exports = require('@backstage/cli/config/jest').then(config => ({
  ...config,
  testEnvironment: 'node',
  testSequencer: require.resolve('./stryker.jest-sequencer.cjs'),
}));
