// mutation-results.json, where `npm run test:mutation` (test-mutation.mjs) accumulates its runs:
// every file a run mutated gets its counts, the date it was measured and a hash of its source;
// the others keep what an earlier run measured. Records follow files that moved.
import fs from 'node:fs';
import path from 'node:path';
import { count } from './mutationCounts.mjs';
import { pkgDir, resultsFile } from './mutationPaths.mjs';
import { HASHED, sourceSha1 as sha } from './sourceHash.mjs';

export const readStore = () =>
  fs.existsSync(resultsFile)
    ? JSON.parse(fs.readFileSync(resultsFile, 'utf8'))
    : { files: {} };

const sourceOf = file => fs.readFileSync(path.join(pkgDir, file), 'utf8');

/** The hash of each engine file's current source. */
export const currentHashes = engineFiles =>
  new Map(engineFiles.map(f => [f, sha(sourceOf(f))]));

/**
 * Merges the run's report (`result`) into `store`: the mutated files get this run's counts and
 * date (`info.date`), the others keep theirs. A file the report names where it no longer is counts
 * as mutated under its current path (added to `mutated`).
 */
export function mergeRun(
  store,
  { result, info, command, engineFiles, currentSha, mutated },
) {
  // A file of the report that is no longer where it was measured (moved since): the engine file
  // with the same code, if exactly one has it.
  const movedTo = (file, source) => {
    if (engineFiles.includes(file) || source === undefined) return file;
    const same = engineFiles.filter(f => currentSha.get(f) === sha(source));
    return same.length === 1 ? same[0] : file;
  };
  // The report's files under their current paths (a report of a run made before a move names the
  // old ones).
  const reported = Object.fromEntries(
    Object.entries(result.files).map(([f, r]) => [movedTo(f, r.source), r]),
  );
  const movedInReport = Object.keys(result.files).filter(
    f =>
      !engineFiles.includes(f) &&
      engineFiles.includes(movedTo(f, result.files[f].source)),
  );
  for (const file of movedInReport) {
    const now = movedTo(file, result.files[file].source);
    if (!mutated.includes(now)) mutated.push(now);
  }
  for (const file of mutated) {
    const mutants = reported[file]?.mutants ?? [];
    const { valid, score, killedOnly, ...counts } = count(mutants);
    store.files[file] = {
      measured: info.date,
      command,
      sourceSha1: sha(reported[file]?.source ?? sourceOf(file)),
      ...counts,
    };
  }
  // A record whose file moved follows it when exactly one unrecorded engine file has its code.
  for (const [file, record] of Object.entries(store.files)) {
    if (engineFiles.includes(file)) continue;
    const same = engineFiles.filter(
      f => !store.files[f] && currentSha.get(f) === record.sourceSha1,
    );
    if (same.length === 1) store.files[same[0]] = record;
  }
  for (const file of Object.keys(store.files)) {
    if (!engineFiles.includes(file)) delete store.files[file];
  }
  store.files = Object.fromEntries(
    Object.entries(store.files).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Writes `store` to mutation-results.json, with `lastRun` when there was a run to merge. */
export function saveStore(store, lastRun) {
  store.sourceSha1 = HASHED;
  if (lastRun) store.lastRun = lastRun;
  fs.writeFileSync(resultsFile, `${JSON.stringify(store, null, 2)}\n`);
}
