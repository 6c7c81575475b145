// Mutant counts and scores of `npm run test:mutation` (test-mutation.mjs): from a report's
// mutants, and from the counts mutation-results.json keeps (the same arithmetic).
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The counts kept per file, in the summary's column order. */
export const KEYS = [
  'killed',
  'timeout',
  'survived',
  'noCoverage',
  'ignored',
  'errors',
];

/** A file's counts and scores from its mutants in Stryker's report. */
export const count = mutants => {
  const c = {
    killed: 0,
    timeout: 0,
    survived: 0,
    noCoverage: 0,
    ignored: 0,
    errors: 0,
  };
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed += 1;
    else if (m.status === 'Timeout') c.timeout += 1;
    else if (m.status === 'Survived') c.survived += 1;
    else if (m.status === 'NoCoverage') c.noCoverage += 1;
    else if (m.status === 'Ignored') c.ignored += 1;
    else c.errors += 1;
  }
  const detected = mutants.filter(m => DETECTED.has(m.status)).length;
  const valid = detected + mutants.filter(m => UNDETECTED.has(m.status)).length;
  c.valid = valid;
  c.score = valid ? (100 * detected) / valid : null;
  c.killedOnly = valid ? (100 * c.killed) / valid : null;
  return c;
};

/** Scores from the kept counts (the same arithmetic as count()). */
export const score = c => {
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return {
    ...c,
    valid,
    score: valid ? (100 * detected) / valid : null,
    killedOnly: valid ? (100 * c.killed) / valid : null,
  };
};

export const pct = s => (s === null ? 'n/a' : `${s.toFixed(1)}%`);
