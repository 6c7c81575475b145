// The summary `npm run test:mutation` (test-mutation.mjs) writes into docs/testing.md between the
// mutation-summary markers (a table of every file of src/engine, measured or not), what it prints,
// and writing it into the doc.
/* eslint-disable no-console */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { KEYS, pct } from './mutationCounts.mjs';
import { doc, END, repoRoot, START } from './mutationPaths.mjs';

const require = createRequire(import.meta.url);

export const short = f => f.replace(/^src\/engine\//, '');

const row = (name, date, c) =>
  `| ${name} | ${date} | ${pct(c.score)} | ${pct(c.killedOnly)} | ${KEYS.map(k => c[k]).join(' | ')} |`;

/**
 * The summary's markdown, markers included, from the tally (mutationTally.mjs) and the last run.
 */
export function summaryOf(
  { store, engineFiles, tally: t },
  { date, version, jest, node, wasIncremental, filesMutated, minutes, command },
) {
  const { measured, unmeasured, all, changed, dates } = t;
  return [
    START,
    '',
    `**${measured.length} of ${engineFiles.length}** files of \`src/engine\` measured` +
      `${dates.length ? ` (${dates[0] === dates[dates.length - 1] ? `on ${dates[0]}` : `between ${dates[0]} and ${dates[dates.length - 1]}`})` : ''}` +
      `${unmeasured.length ? `, ${unmeasured.length} not measured yet` : ''}. ` +
      `Over the measured files: **${pct(all.score)}** of ${all.valid} mutants killed (${pct(all.killedOnly)} if timeouts counted as survivors; ` +
      `${KEYS.reduce((n, k) => n + all[k], 0)} generated, ${all.ignored} ignored: string literals and check definitions), which ${t.meetsOverall} the 85% target overall; ${t.verdict}.` +
      `${changed.length ? ` ${changed.length} file(s) changed since they were measured (marked *changed since*).` : ''}`,
    '',
    `Runs accumulate (plugins/backup-posture-common/mutation-results.json, committed): each row is from the last run that mutated the file. ` +
      `Last run on ${date.slice(0, 10)} with StrykerJS ${version} (jest ${jest}, Node ${node}), ` +
      `${wasIncremental ? 'incremental (unchanged mutants reused from the previous run)' : 'full run'}, ${filesMutated} file(s) mutated in ${minutes}: \`${command}\`.`,
    '',
    '| file (src/engine/…) | measured | score | without timeouts | killed | timeout | survived | no coverage | ignored | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    row('**all measured files**', '', all),
    ...engineFiles.map(f => {
      const m = measured.find(x => x.file === f);
      if (!m) return `| ${short(f)} | not measured | | | | | | | | |`;
      const measuredOn = store.files[f].measured.slice(0, 10);
      return row(
        short(f),
        m.changed ? `${measuredOn}, _changed since_` : measuredOn,
        m,
      );
    }),
    '',
    END,
  ].join('\n');
}

/** Replaces the summary in docs/testing.md (or appends it) and formats the doc with prettier. */
export function writeSummary(summary) {
  const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '';
  const startAt = current.indexOf(START.slice(0, 30));
  const endAt = current.indexOf(END);
  const next =
    startAt >= 0 && endAt > startAt
      ? current.slice(0, startAt) + summary + current.slice(endAt + END.length)
      : `${current.trimEnd()}\n\n${summary}\n`;
  fs.writeFileSync(doc, next);
  execFileSync(
    process.execPath,
    [require.resolve('prettier/bin/prettier.cjs'), '--write', doc],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  console.log(`summary written to ${path.relative(process.cwd(), doc)}`);
}
