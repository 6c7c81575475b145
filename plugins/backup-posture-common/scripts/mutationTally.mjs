// What `npm run test:mutation` (test-mutation.mjs) sums up from mutation-results.json: the measured
// engine files with their scores (marked when their source changed since), the overall score over
// them, and the verdict against the 75% per-file and 85% overall targets.
import { KEYS, score } from './mutationCounts.mjs';

export function tally(store, engineFiles, currentSha) {
  const measured = engineFiles
    .filter(f => store.files[f])
    .map(f => ({
      file: f,
      ...score(store.files[f]),
      changed: store.files[f].sourceSha1 !== currentSha.get(f),
    }));
  const unmeasured = engineFiles.filter(f => !store.files[f]);
  const all = score(
    Object.fromEntries(
      KEYS.map(k => [k, measured.reduce((n, f) => n + f[k], 0)]),
    ),
  );
  const below = measured.filter(f => f.score !== null && f.score < 75);
  const changed = measured.filter(f => f.changed);
  const dates = measured
    .map(f => store.files[f.file].measured.slice(0, 10))
    .sort();
  let verdict = `${below.length} measured file(s) below 75%`;
  if (below.length === 0) verdict = 'every measured file meets 75%';
  let meetsOverall = 'is below';
  if (all.score !== null && all.score >= 85) meetsOverall = 'meets';
  return { measured, unmeasured, all, changed, dates, verdict, meetsOverall };
}
