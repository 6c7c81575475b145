import { f, mib, sec, verdict } from './docFormat';
import type { PresetResult } from './runPreset';
import { TARGETS } from './settings';
import { memorySlope, targetsOf } from './targetVerdicts';

export function presetSection(
  r: PresetResult,
  reference: PresetResult,
): string {
  const t = targetsOf(r, reference);
  const slope = memorySlope(r, reference);
  const lines: string[] = [];
  lines.push(`## ${r.accounts} accounts × ${r.regions} regions`);
  lines.push('');
  lines.push(
    `${r.scopes} scopes (the ${r.accounts} workload accounts plus the management and central-backup accounts, × ${r.regions} regions); ` +
      `${r.estate.vaults} vaults, ${r.estate.plans} plans, ${r.estate.resources} resources, ${r.estate.recoveryPoints} recovery points, ${r.estate.copyJobs} copy jobs, ${r.estate.keys} KMS keys. ` +
      `Run ${r.ranAt.slice(0, 16).replace('T', ' ')} UTC; ${r.latencyMs} ms per AWS call; ${r.settings.scopeConcurrency} scopes at a time, ${r.settings.requestsInFlight} requests in flight, ${f(r.settings.quotaShare * 100, 0)}% of AWS's per-account × region quotas${r.heapLimitMiB ? `; backend process heap limited to ${r.heapLimitMiB} MiB` : ''}.`,
  );
  lines.push('');
  lines.push('| measure | value | beside | ratio / target |');
  lines.push('| --- | --- | --- | --- |');
  lines.push(
    `| AWS calls | ${r.calls.made} | minimum ${r.calls.minimum} | ${f(r.calls.ratio, 3)} (≤ ${TARGETS.callsRatio}: ${verdict(t.calls)}) |`,
  );
  lines.push(
    `| scan wall time | ${sec(r.wall.scanMs)} (${r.wall.scanState}) | AWS limit ${sec(r.wall.awsLimitMs)} | ${f(r.wall.ratio, 3)} (≤ ${TARGETS.wallRatio}: ${verdict(t.wall)}) |`,
  );
  if (r.wall.cpu)
    lines.push(
      `| CPU over the scan | backend ${sec(r.wall.cpu.backendMs)}, simulator ${sec(r.wall.cpu.simulatorMs)} | this machine's bound ${sec(r.wall.cpu.machineBoundMs)} (${r.wall.cpu.cores} cores; each process one event loop) | wall / machine bound ${f(r.wall.scanMs / r.wall.cpu.machineBoundMs, 2)} |`,
    );
  if (r.wall.discoveryMs !== undefined)
    lines.push(
      `| scan start → the simulator's last answer | ${sec(r.wall.discoveryMs)} | | |`,
    );
  if (r.wall.storedMs !== undefined)
    lines.push(
      `| scan start → every entity's posture evaluated and stored (status poll, ±0.25 s) | ${sec(r.wall.storedMs)} | AWS limit ${sec(r.wall.awsLimitMs)} | ${f(r.wall.storedMs / r.wall.awsLimitMs, 3)} |`,
    );
  lines.push(
    `| peak heap growth during the scan | ${mib(r.memory.peakHeapGrowthBytes)} | one parsed copy of the estate ${mib(r.memory.oneEstateCopyBytes)}, the catalog's entities ${mib(r.memory.catalogEntitiesBytes ?? 0)} | ${slope === undefined ? 'reference preset' : `+${f(slope)} MiB per extra MiB of estate since ${reference.accounts} accounts (< ${TARGETS.memoryOverOneCopy}: ${verdict(t.memory)})`} |`,
  );
  lines.push(
    `| peak RSS of the backend process | ${mib(r.memory.peakRssBytes)} | simulator process ${mib(r.memory.simulatorPeakRssBytes)} | |`,
  );
  lines.push(
    `| database (SQLite file) after one scan | ${mib(r.database.bytesAfterFirstScan)} | | |`,
  );
  for (const l of r.api?.latency ?? []) {
    const target =
      l.concurrency === 200
        ? `≥ ${TARGETS.entityApiOverBaseline}× the trivial route's throughput: ${verdict(t.api)}`
        : '';
    lines.push(
      `| entity posture API, ${l.concurrency} concurrent clients | p50 ${f(l.p50Ms, 1)} ms, p99 ${f(l.p99Ms, 1)} ms | ${l.requests} requests, ${f(l.requestsPerSecond, 0)} req/s, ${f(l.meanResponseBytes / 1024, 1)} KiB per response, ${l.failures} failed | ${target} |`,
    );
  }
  const b = r.api?.baseline;
  if (b)
    lines.push(
      `| baseline: scan status route (smallest), ${b.concurrency} concurrent clients | p50 ${f(b.p50Ms, 1)} ms, p99 ${f(b.p99Ms, 1)} ms | ${f(b.requestsPerSecond, 0)} req/s, ${f(b.meanResponseBytes / 1024, 1)} KiB per response | framework ceiling |`,
    );
  if (r.api)
    lines.push(
      `| report endpoint (first page of 25 over ${r.api.report.totalCount} entities) | p50 ${f(r.api.report.p50Ms, 1)} ms | max ${f(r.api.report.maxMs, 1)} ms over ${r.api.report.rounds} | |`,
    );
  if (r.reportPage)
    lines.push(
      `| report page interactive (headless Chromium, ${r.reportPage.totalShown.trim()}) | ${f(r.reportPage.interactiveMs, 0)} ms median of ${r.reportPage.runs} | max ${f(r.reportPage.interactiveMaxMs, 0)} ms; next page ${f(r.reportPage.pageChangeMs, 0)} ms; ${r.reportPage.rowsRendered} rows in the DOM | < ${TARGETS.reportPageInteractiveMs} ms: ${verdict(t.page)} |`,
    );
  if (r.reportPage?.inAppMs !== undefined)
    lines.push(
      `| report page interactive after an in-app link (app already running) | ${f(r.reportPage.inAppMs, 0)} ms median of ${r.reportPage.runs} | max ${f(r.reportPage.inAppMaxMs, 0)} ms | < ${TARGETS.reportPageInteractiveMs} ms: ${verdict(t.pageInApp)} |`,
    );
  const ph = r.reportPage?.phases;
  if (ph)
    lines.push(
      `| of which: bundle (${mib(r.reportPage!.bundleBytes)}) loaded / report requested / report answered | ${f(ph.bundleLoadedMs, 0)} ms / ${f(ph.reportRequestedMs, 0)} ms / ${f(ph.reportAnsweredMs, 0)} ms | page clock, medians | |`,
    );
  lines.push('');
  lines.push('<details><summary>Calls by operation</summary>');
  lines.push('');
  lines.push('| operation | made | minimum |');
  lines.push('| --- | --- | --- |');
  for (const o of r.calls.byOperation)
    lines.push(`| ${o.operation} | ${o.made} | ${o.minimum} |`);
  const errors = Object.entries(r.calls.errors);
  if (errors.length) {
    lines.push('');
    lines.push(
      `Error answers: ${errors.map(([k, n]) => `${k} × ${n}`).join(', ')}. ${errorMeanings(errors.map(([k]) => k))}`,
    );
  }
  lines.push('');
  lines.push(
    `AWS limit terms: organization prelude ${sec(r.wall.limit.preludeMs)}, longest scope chain ${sec(r.wall.limit.chainMs)}, busiest quota ${sec(r.wall.limit.quotaMs)} (${r.wall.limit.quotaScope}), in-flight budget N·L/B ${sec(r.wall.limit.inFlightMs)}.`,
  );
  lines.push('');
  lines.push('</details>');
  lines.push('');
  return lines.join('\n');
}

/** Why an error answer is part of a healthy scan, for the kinds a run met. */
function errorMeanings(kinds: string[]): string {
  const meanings: Array<[RegExp, string]> = [
    [
      /GetBackupVaultAccessPolicy:ResourceNotFoundException/,
      'A ResourceNotFoundException from GetBackupVaultAccessPolicy is how AWS says a vault has no access policy',
    ],
    [
      /DescribeKey:AccessDeniedException/,
      'an AccessDeniedException from DescribeKey is an AWS-owned key (air-gapped and restore-access vaults), which no account may describe',
    ],
  ];
  const met = meanings.filter(([re]) => kinds.some(k => re.test(k)));
  if (!met.length) return '';
  const text = met.map(([, m]) => m).join(', and ');
  return `${text[0].toUpperCase()}${text.slice(1)}: ${met.length > 1 ? 'both are answers' : 'an answer'} the scan needs.`;
}
