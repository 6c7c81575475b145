// StrykerJS mutation testing of the posture engine (src/engine). Run it from the repo root with
// `npm run test:mutation` (docs/testing.md says how, and carries the last measured score).
// Pinned to StrykerJS 9.6.x: Stryker 10 needs Node 22+, and the project still runs on Node 20.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.stryker.config.cjs',
    enableFindRelatedTests: false,
  },
  // Per-test coverage: each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/engine/**/*.ts',
    '!src/engine/**/*.test.ts',
    '!src/engine/**/__tests__/**',
    '!src/engine/**/__fixtures__/**',
    '!src/engine/**/__testUtils__/**',
  ],
  // What a check says in words is not mutated: string literals (reasons, evidence keys, messages)
  // are excluded here, and each check's whole `definition` object (the docs/checks.md source:
  // title, rules, remediation) is left alone by the `check-definition` ignorer
  // (stryker.ignorers.mjs), which needs no comment in the engine's source files.
  mutator: { excludedMutations: ['StringLiteral'] },
  plugins: ['@stryker-mutator/jest-runner', './stryker.ignorers.mjs'],
  ignorers: ['check-definition'],
  // The sandbox must sit directly under the repo root: src/engine/checksMarkdown.test.ts reads
  // ../../../../docs/checks.md relative to itself, which from <root>/.stryker-tmp/sandbox-*/src/engine
  // is the repo's real docs/checks.md. (inPlace would mutate the shared working tree for half an
  // hour: not an option with several developers in one checkout.)
  tempDirName: '../../.stryker-tmp',
  cleanTempDir: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // event-recorder writes each mutant's result as it is tested (reports/mutation/events/*.json),
  // so the survivors of a long run can be read while it is still going.
  reporters: ['html', 'json', 'clear-text', 'progress', 'event-recorder'],
  eventReporter: { baseDir: 'reports/mutation/events' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 75, break: null },
  // Generous: on a loaded 2-core machine a cold jest worker alone can take 15 s, a timeout costs
  // a worker restart (which is cold again), and a slow run wrongly timed out counts as killed.
  timeoutMS: 60000,
  concurrency: 2,
};

export default config;
