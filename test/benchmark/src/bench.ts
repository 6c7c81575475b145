/* eslint-disable no-console */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { renderDoc } from './doc';
import { machineFacts } from './machineFacts';
import { PresetResult, runPreset } from './runPreset';
import { DEFAULT_PRESETS, PRESETS } from './settings';

/**
 * npm run bench -- [--preset 10|100|300|all|10,100] [--latency 50] [--scopes 8] [--rate 10]
 *                  [--api-requests 5000] [--browser-runs 5] [--no-doc] [--doc-only]
 *
 * Runs each preset (simulated estate on loopback with injected latency, the real backend plugin
 * scanning it, then the API and the report page over 10,000 entities), prints the figures, keeps
 * the latest result per preset in test/benchmark/results.json and regenerates docs/benchmarks.md.
 */
// Run from source by the bench script (never built), so __dirname is this folder.
// eslint-disable-next-line no-restricted-syntax
const PACKAGE_DIR = resolve(__dirname, '..');
const ROOT = resolve(PACKAGE_DIR, '../..');
const RESULTS = join(PACKAGE_DIR, 'results.json');
const DOC = join(ROOT, 'docs', 'benchmarks.md');

/** Generated files are checked by `npm run prettier:check` like any other. */
async function writeFormatted(file: string, text: string) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(
    file,
    await prettier.format(text, { ...options, filepath: file }),
  );
}

function presetsOf(arg: string | undefined): number[] {
  if (!arg) return DEFAULT_PRESETS;
  if (arg === 'all') return [...PRESETS];
  return arg.split(',').map(p => {
    const n = Number(p);
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`--preset: ${p} is not a number of accounts`);
    return n;
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string' },
      latency: { type: 'string', default: '50' },
      // The plugin's defaults (backupPosture.aws.concurrency).
      scopes: { type: 'string', default: '64' },
      'in-flight': { type: 'string', default: '128' },
      share: { type: 'string', default: '0.5' },
      'resources-per-region': { type: 'string', default: '3' },
      'api-requests': { type: 'string', default: '5000' },
      'browser-runs': { type: 'string', default: '5' },
      'no-doc': { type: 'boolean', default: false },
      'doc-only': { type: 'boolean', default: false },
    },
  });
  const stored: Record<string, PresetResult> = existsSync(RESULTS)
    ? JSON.parse(readFileSync(RESULTS, 'utf8'))
    : {};
  const presets = values['doc-only'] ? [] : presetsOf(values.preset);
  // The report page is timed in Debian's Chromium: install it first, as the browser tests do, so
  // a run does not scan for minutes and then fail at the last step.
  if (presets.length && values['browser-runs'] !== '0')
    execFileSync('bash', [join(ROOT, 'scripts', 'ensure-chromium.sh')], {
      stdio: 'inherit',
    });
  for (const accounts of presets) {
    const result = await runPreset({
      accounts,
      latencyMs: Number(values.latency),
      settings: {
        scopeConcurrency: Number(values.scopes),
        requestsInFlight: Number(values['in-flight']),
        quotaShare: Number(values.share),
      },
      resourcesPerRegion: Number(values['resources-per-region']),
      apiRequests: Number(values['api-requests']),
      browserRuns: Number(values['browser-runs']),
    });
    printResult(result);
    stored[result.preset] = result;
    await writeFormatted(RESULTS, JSON.stringify(stored, null, 2));
  }
  if (!values['no-doc']) {
    await writeFormatted(DOC, renderDoc(Object.values(stored), machineFacts()));
    console.log(`\nwrote ${DOC}`);
  }
}

function printResult(r: PresetResult) {
  const f = (n: number, d = 2) => n.toFixed(d);
  const mb = (b: number) => `${f(b / 2 ** 20, 1)} MiB`;
  console.log(
    `\n== ${r.accounts} accounts × ${r.regions} regions (${r.scopes} scopes), ${r.latencyMs} ms per call ==`,
  );
  console.log(
    `AWS calls: ${r.calls.made} made / ${r.calls.minimum} minimum = ${f(r.calls.ratio, 3)}`,
  );
  for (const o of r.calls.byOperation.filter(x => x.made !== x.minimum))
    console.log(`  ${o.operation}: ${o.made} made, ${o.minimum} minimum`);
  console.log(
    `scan wall: ${f(r.wall.scanMs / 1000, 1)} s / AWS limit ${f(r.wall.awsLimitMs / 1000, 1)} s = ${f(r.wall.ratio, 3)} (${r.wall.scanState}); AWS phase ${f((r.wall.discoveryMs ?? NaN) / 1000, 1)} s; CPU backend ${f((r.wall.cpu?.backendMs ?? NaN) / 1000, 1)} s, simulator ${f((r.wall.cpu?.simulatorMs ?? NaN) / 1000, 1)} s`,
  );
  console.log(
    `memory: peak heap +${mb(r.memory.peakHeapGrowthBytes)} (one estate copy ${mb(r.memory.oneEstateCopyBytes)} + catalog entities ${mb(r.memory.catalogEntitiesBytes)}: ×${f(r.memory.growthOverOneCopy)}), peak RSS ${mb(r.memory.peakRssBytes)}`,
  );
  console.log(`database after one scan: ${mb(r.database.bytesAfterFirstScan)}`);
  for (const l of r.api?.latency ?? [])
    console.log(
      `entity API @${l.concurrency}: p50 ${f(l.p50Ms, 1)} ms, p99 ${f(l.p99Ms, 1)} ms, ${f(l.requestsPerSecond, 0)} req/s, ${f(l.meanResponseBytes / 1024, 1)} KiB per response, ${l.failures} failures`,
    );
  if (r.api)
    console.log(
      `report endpoint (${r.api.report.totalCount} entities): p50 ${f(r.api.report.p50Ms, 1)} ms`,
    );
  if (r.reportPage)
    console.log(
      `report page: interactive ${f(r.reportPage.interactiveMs, 0)} ms (median of ${r.reportPage.runs}), next page ${f(r.reportPage.pageChangeMs, 0)} ms`,
    );
}

main()
  .then(
    // The backend's scheduler and pools may keep handles open after stop().
    () => process.exit(0),
  )
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
