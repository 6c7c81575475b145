// A StrykerJS ignorer plugin (stryker.config.mjs `ignorers`): leaves each check's `definition`
// unmutated. A definition is what docs/checks.md is generated from (title, rules, remediation),
// not behaviour: mutating it only tests the docs generator, at the cost of one full test run per
// mutant (definitions are built at module load, so every one of their mutants is "static").
// The plugin is written out as declareValuePlugin(PluginKind.Ignore, ...) from
// @stryker-mutator/api/plugin would build it (no direct dependency on the api package).

function isDefinitionProperty(path) {
  const { node } = path;
  return (
    (node.type === 'ObjectProperty' || node.type === 'ClassProperty') &&
    !node.computed &&
    ((node.key.type === 'Identifier' && node.key.name === 'definition') ||
      (node.key.type === 'StringLiteral' && node.key.value === 'definition'))
  );
}

export const strykerPlugins = [
  {
    kind: 'Ignore',
    name: 'check-definition',
    value: {
      shouldIgnore(path) {
        return isDefinitionProperty(path) ||
          path.findParent(isDefinitionProperty)
          ? "A check's definition is documentation (docs/checks.md), not behaviour"
          : undefined;
      },
    },
  },
];
