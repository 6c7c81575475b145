// A jest test sequencer for mutation runs only (jest.stryker.config.cjs `testSequencer`).
//
// StrykerJS's jest runner runs each mutant with a testNamePattern naming the tests that cover it
// (per-test coverage), but jest still loads every test file, and loading the engine once per test
// file was most of each mutant's cost. When a testNamePattern is set, this sequencer keeps only
// the test files that can hold one of the named tests: a file whose literal it()/test() title ends
// a named test's full name, and, for any name no literal title explains, every file whose titles
// are computed (it.each, template literals). Leaving a file out can only let a mutant survive,
// never kill one; without a pattern (the dry run, plain jest) every file runs.
const fs = require('fs');
// eslint-disable-next-line @backstage/no-undeclared-imports
const Sequencer = require('@jest/test-sequencer').default;

/** The full test names in StrykerJS's pattern `(escaped name)|(escaped name)…`. */
function namesOf(pattern) {
  const names = [];
  let current;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (current !== undefined) current += pattern[i + 1];
      i += 1;
    } else if (c === '(' && current === undefined) current = '';
    else if (c === ')' && current !== undefined) {
      names.push(current);
      current = undefined;
    } else if (current !== undefined) current += c;
  }
  return names;
}

const TITLE = /\b(?:it|test)(?:\.only)?\(\s*(['"])((?:\\.|(?!\1).)*)\1\s*,/g;

function titlesOf(file) {
  const source = fs.readFileSync(file, 'utf8');
  const titles = [...source.matchAll(TITLE)].map(m =>
    m[2].replace(/\\(.)/g, '$1'),
  );
  const computed = /\b(?:it|test|describe)\.each\b|\b(?:it|test)\(\s*`/.test(
    source,
  );
  return { titles, computed };
}

class StrykerTestSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.pattern = options?.globalConfig?.testNamePattern;
  }

  sort(tests) {
    const sorted = super.sort(tests);
    if (!this.pattern) return sorted;
    const names = namesOf(this.pattern);
    if (names.length === 0) return sorted;
    const files = sorted.map(t => ({ test: t, ...titlesOf(t.path) }));
    const keep = new Set();
    let unexplained = false;
    for (const name of names) {
      const holders = files.filter(f =>
        f.titles.some(t => name === t || name.endsWith(` ${t}`)),
      );
      if (holders.length === 0) unexplained = true;
      for (const f of holders) keep.add(f.test);
    }
    if (unexplained) for (const f of files) if (f.computed) keep.add(f.test);
    const kept = sorted.filter(t => keep.has(t));
    return kept.length ? kept : sorted;
  }
}

module.exports = StrykerTestSequencer;
