// The jest config StrykerJS runs the tests with (stryker.config.mjs `jest.configFile`): the
// Backstage CLI's own config, re-exported. It must not be named jest.config.js, or the Backstage
// CLI would take it as this package's jest config instead of its built-in defaults.
module.exports = require('@backstage/cli/config/jest');
